import { describe, expect, it } from 'vitest';
import { scoreRole } from '../../../src/lib/game/scoring';
import { tinyScenario } from '../../helpers/tiny-scenario';

const role = (id: string) => tinyScenario.roles.find((r) => r.id === id)!;

describe('scores', () => {
	it('gives 70 points by the role’s weights over the signed text, plus 30 for its stance on signing', () => {
		// minister: scope.narrow 60, term.ten-years 40, for signing
		expect(scoreRole(role('minister'), { signed: true, adopted: { scope: 'scope.narrow', term: 'term.ten-years' } }).score).toBe(100);
		expect(scoreRole(role('minister'), { signed: true, adopted: { scope: 'scope.narrow', term: null } }).score).toBe(72);
		// An unsigned treaty adopts nothing, and a role for signing misses its stance.
		expect(scoreRole(role('minister'), { signed: false, adopted: { scope: 'scope.narrow' } }).score).toBe(0);
	});

	it('rewards a role against signing when the treaty fails, and costs 20 per red line crossed', () => {
		// general: scope.broad 100, against signing, red line scope.narrow
		expect(scoreRole(role('general'), { signed: false, adopted: {} }).score).toBe(30);
		expect(scoreRole(role('general'), { signed: true, adopted: { scope: 'scope.broad' } }).score).toBe(70);
		const crossed = scoreRole(role('general'), { signed: true, adopted: { scope: 'scope.narrow' } });
		expect(crossed).toMatchObject({ score: 0, redLinesCrossed: ['scope.narrow'] });
	});

	it('meets an open stance when no treaty is signed, or when the signed one gives the role 30 points or more', () => {
		const open = { objectives: { weights: { 'scope.narrow': 30, 'term.ten-years': 70 }, signing: 'open' as const }, redLines: [] };
		expect(scoreRole(open, { signed: false, adopted: { scope: 'scope.narrow' } })).toMatchObject({ score: 30, stanceMet: true });
		expect(scoreRole(open, { signed: true, adopted: { scope: 'scope.narrow' } })).toMatchObject({ score: 51, stanceMet: true });
		expect(scoreRole(open, { signed: true, adopted: { scope: 'scope.broad' } })).toMatchObject({ score: 0, stanceMet: false });
	});
});
