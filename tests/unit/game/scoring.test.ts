import { describe, expect, it } from 'vitest';
import { scoreRole } from '../../../src/lib/game/scoring';
import { tinyScenario } from '../../helpers/tiny-scenario';

const role = (id: string) => tinyScenario.roles.find((r) => r.id === id)!;

describe('scores', () => {
	it('gives 80 points by the role’s weights over the signed text, plus 20 for its stance on signing', () => {
		// minister: scope.narrow 60, term.ten-years 40, for signing
		expect(scoreRole(role('minister'), { signed: true, adopted: { scope: 'scope.narrow', term: 'term.ten-years' } }).score).toBe(100);
		expect(scoreRole(role('minister'), { signed: true, adopted: { scope: 'scope.narrow', term: null } }).score).toBe(68);
		// An unsigned treaty adopts nothing, and a role for signing misses its stance.
		expect(scoreRole(role('minister'), { signed: false, adopted: { scope: 'scope.narrow' } }).score).toBe(0);
	});

	it('rewards a role against signing when the treaty fails, and costs 20 per red line crossed', () => {
		// general: scope.broad 100, against signing, red line scope.narrow
		expect(scoreRole(role('general'), { signed: false, adopted: {} }).score).toBe(20);
		expect(scoreRole(role('general'), { signed: true, adopted: { scope: 'scope.broad' } }).score).toBe(80);
		const crossed = scoreRole(role('general'), { signed: true, adopted: { scope: 'scope.narrow' } });
		expect(crossed).toMatchObject({ score: 0, redLinesCrossed: ['scope.narrow'] });
	});
});
