/** Required clauses: a failed vote brings the clause back on its next option; a treaty silent on one is never put to ratification. */
import { beforeAll, describe, expect, it } from 'vitest';
import { apply, createGame } from '../../../src/lib/game/engine';
import type { Action, Actor, Context, GameState } from '../../../src/lib/game/types';
import type { Scenario } from '../../../src/lib/scenario/schema';
import { shippedScenario } from '../../helpers/server';

let scenario: Scenario;
let ctx: Context;
beforeAll(async () => {
	scenario = await shippedScenario();
	ctx = { now: 0, scenario };
});

const host: Actor = { kind: 'facilitator' };
const seat = (id: string): Actor => ({ kind: 'seat', seat: id, bot: true });

function run(state: GameState, actor: Actor, action: Action): GameState {
	const outcome = apply(state, action, actor, ctx);
	if (!outcome.ok) throw new Error(`${action.type}: ${outcome.code} ${outcome.message}`);
	return outcome.state;
}

/** A four-seat game on the given agenda, at its first clause. */
function atFirstClause(agenda: string[]): GameState {
	const seats = ['dermer', 'idf-chief', 'mossad-director', 'white-house-adviser-1'];
	const timers = { briefing: null, opening: null, debate: null, vote: null };
	let state = createGame('REQ1', { scenarioId: scenario.id, votingRule: 'majority', ballot: { tally: 'live', ballots: 'named' }, seatCounts: {}, timers, seed: 1, agenda, botSeats: seats }, scenario);
	for (const a of ['start', 'advance', 'advance'] as const) state = run(state, host, { type: a });
	return state;
}

function vote(state: GameState, choice: 'yes' | 'no'): GameState {
	state = run(state, host, { type: 'openVote' });
	for (const s of state.seats) state = run(state, seat(s.id), { type: 'castVote', choice });
	return run(state, host, { type: 'closeVote' });
}

describe('required clauses', () => {
	it('marks scope and activation required in the shipped scenario', () => {
		expect(scenario.clauses.filter((c) => c.required).map((c) => c.id)).toEqual(['scope', 'activation']);
	});

	it('bring a failed clause back on each option not yet voted on, then leave it unsettled', () => {
		let state = atFirstClause(['scope', 'activation']);
		expect(state.floor).toEqual({ clauseId: 'scope', variantId: 'scope.existential' });
		state = vote(state, 'no');
		expect(state.adopted).toEqual({});
		expect(state.floor).toEqual({ clauseId: 'scope', variantId: 'scope.any-attack' });
		expect(state.timer).toBeNull();
		state = vote(state, 'no');
		expect(state.floor).toEqual({ clauseId: 'scope', variantId: 'scope.iran-only' });
		state = vote(state, 'no');
		// Every option has failed: the clause is settled as silent, and the game moves on.
		expect(state.adopted).toEqual({ scope: null });
		state = run(state, host, { type: 'advance' });
		expect(state.floor?.clauseId).toBe('activation');
		state = vote(state, 'yes');
		// Silent on scope: the treaty cannot be put to ratification, and the game ends unsigned.
		state = run(state, host, { type: 'advance' });
		expect(state.phase).toBe('debrief');
		expect(state.signed).toBe(false);
		expect(state.votes.some((v) => v.kind === 'ratification')).toBe(false);
	});

	it('put a treaty that settles both to ratification, and leave skipping one to the facilitator', () => {
		let state = vote(atFirstClause(['scope', 'activation']), 'yes');
		state = run(state, host, { type: 'advance' });
		state = vote(state, 'yes');
		expect(run(state, host, { type: 'advance' }).phase).toBe('ratification');

		// Skipping is the facilitator's choice of a shorter treaty, not a failure to agree.
		let skipped = vote(atFirstClause(['scope', 'activation']), 'yes');
		skipped = run(skipped, host, { type: 'advance' });
		skipped = run(skipped, host, { type: 'skipClause' });
		expect(skipped.phase).toBe('ratification');
	});

	it('leave an optional clause silent when its vote fails', () => {
		let state = atFirstClause(['term', 'scope', 'activation']);
		state = vote(state, 'no');
		expect(state.adopted).toEqual({ term: null });
	});
});

describe('the debrief of a treaty barred from ratification', () => {
	it('names the required clauses the table could not agree on, and nothing for a game ended early', async () => {
		const { debrief } = await import('../../../src/lib/game/debrief');
		let state = vote(atFirstClause(['scope', 'activation']), 'yes');
		state = run(state, host, { type: 'advance' });
		const endedEarly = run(state, host, { type: 'end' });
		expect(debrief(endedEarly, scenario).unsettled).toEqual([]);
		for (let option = 0; option < 3; option++) state = vote(state, 'no');
		const barred = run(state, host, { type: 'advance' });
		expect(barred.phase).toBe('debrief');
		expect(debrief(barred, scenario).unsettled).toEqual(['activation']);
	});
});
