import { describe, expect, it } from 'vitest';
import type { Action, Actor } from '../../../src/lib/game/types';
import { atFirstClause, attempt, facilitator, newGame, play, seatedGame, vote } from '../../helpers/game';

const decideScope: [Actor, Action][] = [
	[facilitator, { type: 'openVote' }],
	vote('minister', 'yes'),
	vote('adviser-1', 'yes'),
	[facilitator, { type: 'closeVote' }]
];

describe('the flow of a game', () => {
	it('goes lobby → briefing → opening → clauses → ratification → debrief', () => {
		let state = seatedGame();
		expect(state.phase).toBe('briefing');
		state = play(state, [[facilitator, { type: 'advance' }]]);
		expect(state.phase).toBe('opening');
		state = play(state, [[facilitator, { type: 'advance' }]]);
		expect(state).toMatchObject({ phase: 'clauses', cursor: 0, floor: { clauseId: 'scope', variantId: 'scope.narrow' } });
		state = play(state, [...decideScope, [facilitator, { type: 'advance' }]]);
		expect(state.floor).toEqual({ clauseId: 'term', variantId: 'term.ten-years' });
		state = play(state, [...decideScope, [facilitator, { type: 'advance' }]]);
		expect(state.phase).toBe('ratification');
		state = play(state, [[facilitator, { type: 'openVote' }], vote('minister', 'yes'), vote('adviser-1', 'yes'), [facilitator, { type: 'closeVote' }]]);
		expect(state).toMatchObject({ phase: 'debrief', signed: true, adopted: { scope: 'scope.narrow', term: 'term.ten-years' } });
	});

	it('will not move past a clause that has not been voted, but lets it be skipped', () => {
		const floor = atFirstClause();
		expect(attempt(floor, facilitator, { type: 'advance' })).toMatchObject({ code: 'clause_undecided', message: expect.stringContaining('Scope') });
		const skipped = play(floor, [[facilitator, { type: 'skipClause' }]]);
		expect(skipped).toMatchObject({ skipped: ['scope'], floor: { clauseId: 'term' } });
		expect('scope' in skipped.adopted).toBe(false);
	});

	it('goes back one step without erasing a vote', () => {
		const state = play(atFirstClause(), [...decideScope, [facilitator, { type: 'advance' }], [facilitator, { type: 'back' }]]);
		expect(state).toMatchObject({ floor: { clauseId: 'scope', variantId: 'scope.narrow' }, adopted: { scope: 'scope.narrow' } });
		const toOpening = play(state, [[facilitator, { type: 'back' }]]);
		expect(toOpening).toMatchObject({ phase: 'opening', floor: null });
		expect(attempt(seatedGame(), facilitator, { type: 'back' })).toMatchObject({ code: 'nothing_before' });
	});

	it('reorders only the clauses not yet debated, each exactly once', () => {
		const briefing = seatedGame();
		const reordered = play(briefing, [[facilitator, { type: 'reorderClauses', order: ['term', 'scope'] }]]);
		expect(reordered.agenda).toEqual(['term', 'scope']);
		expect(attempt(briefing, facilitator, { type: 'reorderClauses', order: ['term'] })).toMatchObject({ code: 'bad_order' });
		expect(attempt(briefing, facilitator, { type: 'reorderClauses', order: ['term', 'term'] })).toMatchObject({ code: 'bad_order' });
		const floor = atFirstClause();
		expect(attempt(floor, facilitator, { type: 'reorderClauses', order: ['scope', 'term'] })).toMatchObject({ code: 'bad_order' });
		expect(attempt(floor, facilitator, { type: 'reorderClauses', order: ['term'] }).ok).toBe(true);
	});

	it('ends early with the treaty unsigned', () => {
		const state = play(atFirstClause(), [...decideScope, [facilitator, { type: 'end' }]]);
		expect(state).toMatchObject({ phase: 'debrief', signed: false });
		expect(attempt(state, facilitator, { type: 'end' })).toMatchObject({ code: 'wrong_phase' });
	});

	it('deals each seat its role cards and shared cards, no card twice, the same for the same seed', () => {
		const state = seatedGame();
		const all = Object.values(state.hands).flat();
		expect(new Set(all).size).toBe(all.length);
		expect(state.hands.minister).toContain('minister-card');
		expect(state.hands.general).toContain('general-card');
		for (const hand of Object.values(state.hands)) expect(hand).toHaveLength(2);
		expect(seatedGame().hands).toEqual(state.hands);
		const otherSeed = seatedGame({ seed: 99 }).hands;
		expect(Object.values(otherSeed).flat().sort()).not.toEqual([]);
	});

	it('cannot start twice, and only the facilitator starts', () => {
		expect(attempt(seatedGame(), facilitator, { type: 'start' })).toMatchObject({ code: 'wrong_phase' });
		expect(attempt(newGame(), { kind: 'guest' }, { type: 'start' })).toMatchObject({ code: 'not_facilitator' });
	});
});
