import { describe, expect, it } from 'vitest';
import { scoreRole, wantsSigned } from '../../../src/lib/game/scoring';
import { tinyScenario } from '../../helpers/tiny-scenario';

const role = (id: string) => tinyScenario.roles.find((r) => r.id === id)!;

describe('scores', () => {
	it('share 70 points by the role’s weights over the adopted text, signed or not, and give 30 for its stance on signing', () => {
		// minister: scope.narrow 60, term.ten-years 40, for signing, stake 30 (the default)
		expect(scoreRole(role('minister'), { signed: true, adopted: { scope: 'scope.narrow', term: 'term.ten-years' } }).score).toBe(100);
		expect(scoreRole(role('minister'), { signed: true, adopted: { scope: 'scope.narrow', term: null } }).score).toBe(72);
		// Unsigned, what the table adopted still counts; the stance on signing is missed.
		expect(scoreRole(role('minister'), { signed: false, adopted: { scope: 'scope.narrow' } })).toMatchObject({ score: 42, fromText: 42, stanceMet: false });
	});

	it('rewards a sceptic without conditions when the treaty fails, and costs 20 per red line in a signed treaty', () => {
		// general: scope.broad 100, against signing, red line scope.narrow
		expect(scoreRole(role('general'), { signed: false, adopted: {} }).score).toBe(30);
		expect(scoreRole(role('general'), { signed: true, adopted: { scope: 'scope.broad' } }).score).toBe(70);
		const crossed = scoreRole(role('general'), { signed: true, adopted: { scope: 'scope.narrow' } });
		expect(crossed).toMatchObject({ score: 0, redLinesCrossed: ['scope.narrow'] });
		// The same text unsigned crosses nothing: a red line costs only once it is in force.
		expect(scoreRole(role('general'), { signed: false, adopted: { scope: 'scope.narrow' } })).toMatchObject({ score: 30, redLinesCrossed: [] });
	});

	it('meets an open stance without conditions by signing a text worth 30 of its points, or by refusing one that is not', () => {
		const open = { objectives: { weights: { 'scope.narrow': 30, 'term.ten-years': 70 }, signing: 'open' as const, stake: 30, conditions: [] }, redLines: [] };
		expect(scoreRole(open, { signed: true, adopted: { scope: 'scope.narrow' } })).toMatchObject({ score: 51, stanceMet: true });
		expect(scoreRole(open, { signed: false, adopted: { scope: 'scope.narrow' } })).toMatchObject({ score: 21, stanceMet: false });
		expect(scoreRole(open, { signed: true, adopted: { scope: 'scope.broad' } })).toMatchObject({ score: 0, stanceMet: false });
		expect(scoreRole(open, { signed: false, adopted: { scope: 'scope.broad' } })).toMatchObject({ score: 30, stanceMet: true });
	});

	it('counts a role’s points out of the weight on the agenda when the table debates only some clauses', () => {
		// minister: scope.narrow 60, term.ten-years 40; only scope on the agenda, and won.
		const score = scoreRole(role('minister'), { signed: true, adopted: { scope: 'scope.narrow' }, agenda: ['scope'] });
		expect(score).toMatchObject({ objectives: 100, score: 100 });
	});

	it('makes a sceptic that lets a treaty missing its conditions through score less than one that stops it', () => {
		const sceptic = {
			objectives: { weights: { 'scope.narrow': 50, 'term.ten-years': 50 }, signing: 'against' as const, stake: 50, conditions: ['term.ten-years'] },
			redLines: []
		};
		const missing = { scope: 'scope.narrow', term: 'term.forever' };
		expect(wantsSigned(sceptic, missing)).toBe(false);
		const signed = scoreRole(sceptic, { signed: true, adopted: missing }).score;
		const refused = scoreRole(sceptic, { signed: false, adopted: missing }).score;
		expect(signed).toBe(25);
		expect(refused).toBe(75);
		// Its conditions met, it wants the treaty signed. A clause the table failed to settle misses
		// a condition; one it never took up does not.
		expect(wantsSigned(sceptic, { scope: 'scope.narrow', term: 'term.ten-years' })).toBe(true);
		expect(wantsSigned(sceptic, { scope: 'scope.narrow', term: null })).toBe(false);
		expect(wantsSigned(sceptic, { scope: 'scope.narrow' })).toBe(true);
		expect(scoreRole(sceptic, { signed: true, adopted: { scope: 'scope.narrow', term: 'term.ten-years' } }).score).toBe(100);
	});
});
