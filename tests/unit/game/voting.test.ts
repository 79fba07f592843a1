import { describe, expect, it } from 'vitest';
import { apply } from '../../../src/lib/game/engine';
import type { Action, Actor, Choice } from '../../../src/lib/game/types';
import { decide } from '../../../src/lib/game/voting';
import { tinyScenario } from '../../helpers/tiny-scenario';
import { facilitator, guest, newGame, play, seat, seatedGame } from '../../helpers/game';

const ctx = { now: 5000, scenario: tinyScenario };
const ballots = (entries: Record<string, Choice>) => Object.entries(entries).map(([s, choice]): [Actor, Action] => [seat(s), { type: 'castVote', choice }]);

describe('a vote on a clause', () => {
	it('opens on the clause the facilitator names, with its floor variant', () => {
		const state = play(seatedGame(), [[facilitator, { type: 'openVote', clause: 'term' }]]);
		expect(state.floor).toBe('term');
		expect(state.votes[0]).toMatchObject({ clauseId: 'term', variantId: 'term.ten-years', status: 'open' });
	});

	it('records a changed vote as the seat’s one ballot, keeping the change in its history', () => {
		const state = play(seatedGame(), [
			[facilitator, { type: 'openVote', clause: 'scope' }],
			[seat('minister'), { type: 'castVote', choice: 'yes' }],
			[seat('minister'), { type: 'castVote', choice: 'no' }]
		]);
		expect(state.votes[0].ballots).toEqual({ minister: 'no' });
		expect(state.votes[0].history.map((h) => h.choice)).toEqual(['yes', 'no']);
	});

	it('closes with a result and adopts the variant when it passes', () => {
		const state = play(seatedGame(), [
			[facilitator, { type: 'openVote', clause: 'scope' }],
			...ballots({ minister: 'yes', general: 'yes', 'adviser-1': 'yes' }),
			[facilitator, { type: 'closeVote' }]
		]);
		expect(state.votes[0].result).toMatchObject({ passed: true, yes: 3, no: 0 });
		expect(state.adopted).toEqual({ scope: 'scope.narrow' });
	});

	it('leaves the clause out of the treaty when the vote fails', () => {
		const state = play(seatedGame(), [
			[facilitator, { type: 'openVote', clause: 'scope' }],
			...ballots({ minister: 'no', general: 'no', 'adviser-1': 'yes' }),
			[facilitator, { type: 'closeVote' }]
		]);
		expect(state.adopted).toEqual({ scope: null });
	});

	it('refuses actions out of turn without changing anything', () => {
		const lobby = play(newGame(), [[guest, { type: 'takeSeat', seat: 'minister', name: 'A' }]]);
		const started = seatedGame();
		const cases: [typeof started, Actor, Action, string][] = [
			[lobby, facilitator, { type: 'openVote', clause: 'scope' }, 'wrong_phase'],
			[started, seat('minister'), { type: 'openVote', clause: 'scope' }, 'not_facilitator'],
			[started, facilitator, { type: 'openVote', clause: 'nope' }, 'unknown_clause'],
			[started, seat('minister'), { type: 'castVote', choice: 'yes' }, 'no_open_vote'],
			[started, facilitator, { type: 'closeVote' }, 'no_open_vote'],
			[started, guest, { type: 'start' }, 'not_facilitator'],
			[started, facilitator, { type: 'start' }, 'wrong_phase']
		];
		for (const [state, actor, action, code] of cases) {
			const outcome = apply(state, action, actor, ctx);
			expect(outcome, `${action.type} by ${actor.kind}`).toMatchObject({ ok: false, code });
		}
		const open = play(started, [[facilitator, { type: 'openVote', clause: 'scope' }]]);
		expect(apply(open, { type: 'openVote', clause: 'term' }, facilitator, ctx)).toMatchObject({ code: 'vote_already_open' });
		expect(apply(open, { type: 'castVote', choice: 'yes' }, guest, ctx)).toMatchObject({ code: 'not_seated' });
		expect(apply(open, { type: 'castVote', choice: 'yes' }, seat('ghost'), ctx)).toMatchObject({ code: 'not_seated' });
	});
});

describe('voting rules', () => {
	const seats = seatedGame({ seatCounts: { adviser: 2, professor: 1 } }).seats;
	// israel: minister, general; us: adviser-1, adviser-2; expert: professor

	it('majority: more yes than no among ballots cast; a tie fails', () => {
		expect(decide('majority', { ballots: { minister: 'yes', general: 'no', 'adviser-1': 'yes' } }, seats).passed).toBe(true);
		expect(decide('majority', { ballots: { minister: 'yes', general: 'no' } }, seats).passed).toBe(false);
		expect(decide('majority', { ballots: { minister: 'yes', general: 'abstain' } }, seats).passed).toBe(true);
	});

	it('dual-key: needs a majority on each side; experts turn neither key', () => {
		const oneSided = decide('dual-key', { ballots: { minister: 'yes', general: 'yes', 'adviser-1': 'no', professor: 'yes' } }, seats);
		expect(oneSided).toMatchObject({ passed: false, keys: { israel: true, us: false } });
		const both = decide('dual-key', { ballots: { minister: 'yes', general: 'abstain', 'adviser-1': 'yes', 'adviser-2': 'no', professor: 'no' } }, seats);
		expect(both).toMatchObject({ passed: false, keys: { israel: true, us: false } });
		const passed = decide('dual-key', { ballots: { minister: 'yes', 'adviser-1': 'yes', professor: 'no' } }, seats);
		expect(passed).toMatchObject({ passed: true, keys: { israel: true, us: true } });
	});

	it('consensus: at least one yes and no one against', () => {
		expect(decide('consensus', { ballots: { minister: 'yes', general: 'abstain' } }, seats).passed).toBe(true);
		expect(decide('consensus', { ballots: { minister: 'yes', professor: 'no' } }, seats).passed).toBe(false);
		expect(decide('consensus', { ballots: {} }, seats).passed).toBe(false);
	});

	it('counts a seated player who did not vote as an abstention', () => {
		const result = decide('majority', { ballots: { minister: 'yes' } }, seats);
		expect(result).toMatchObject({ yes: 1, abstain: 4, absent: 4 });
	});
});
