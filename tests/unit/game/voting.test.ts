import { describe, expect, it } from 'vitest';
import { castsOf } from '../../../src/lib/game/ballot-history';
import type { Action, Actor } from '../../../src/lib/game/types';
import { decide } from '../../../src/lib/game/voting';
import { atFirstClause, attempt, facilitator, guest, newGame, play, seat, seatedGame, vote } from '../../helpers/game';

const choices = (entries: Record<string, 'yes' | 'no' | 'abstain'>) =>
	Object.fromEntries(Object.entries(entries).map(([s, choice]) => [s, { choice }]));

describe('a vote on the clause on the floor', () => {
	it('opens on the clause on the floor, for the variant proposed', () => {
		const state = play(atFirstClause(), [[facilitator, { type: 'openVote' }]]);
		expect(state.votes[0]).toMatchObject({ kind: 'clause', clauseId: 'scope', variantId: 'scope.narrow', status: 'open' });
	});

	it('keeps one ballot per seat, recording every change with its reason', () => {
		const state = play(atFirstClause(), [
			[facilitator, { type: 'openVote' }],
			vote('minister', 'yes'),
			[seat('minister'), { type: 'castVote', choice: 'no', reason: 'Too broad after all' }]
		]);
		expect(state.votes[0].ballots).toEqual({ minister: { choice: 'no', reason: 'Too broad after all', card: null } });
		expect(castsOf(state.votes[0].history).map((h) => h.choice)).toEqual(['yes', 'no']);
	});

	it('leaves the whole state frozen after a ballot, old parts and new', () => {
		const state = play(atFirstClause(), [[facilitator, { type: 'openVote' }], vote('minister', 'yes'), vote('minister', 'no')]);
		const unfrozen: string[] = [];
		const walk = (value: unknown, path: string) => {
			if (typeof value !== 'object' || value === null) return;
			if (!Object.isFrozen(value)) unfrozen.push(path || 'state');
			for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`);
		};
		walk(state, '');
		expect(unfrozen).toEqual([]);
	});

	it('adopts the variant when the vote passes, and leaves the clause out when it fails', () => {
		const passed = play(atFirstClause(), [
			[facilitator, { type: 'openVote' }],
			vote('minister', 'yes'),
			vote('general', 'yes'),
			vote('adviser-1', 'yes'),
			[facilitator, { type: 'closeVote' }]
		]);
		expect(passed.votes[0].result).toMatchObject({ passed: true, yes: 3 });
		expect(passed.adopted).toEqual({ scope: 'scope.narrow' });

		const failed = play(atFirstClause(), [
			[facilitator, { type: 'openVote' }],
			vote('minister', 'no'),
			vote('adviser-1', 'yes'),
			[facilitator, { type: 'closeVote' }]
		]);
		expect(failed.adopted).toEqual({ scope: null });
	});

	it('lets a reason cite only a card played at the table', () => {
		const open = play(atFirstClause(), [[facilitator, { type: 'openVote' }]]);
		expect(attempt(open, seat('minister'), { type: 'castVote', choice: 'yes', card: 'card-one' })).toMatchObject({
			code: 'card_not_on_table'
		});
		const played = play(open, [[facilitator, { type: 'injectCard', card: 'card-one' }]]);
		expect(attempt(played, seat('minister'), { type: 'castVote', choice: 'yes', card: 'card-one' }).ok).toBe(true);
	});

	it('refuses actions out of turn, leaving the state exactly as it was', () => {
		const lobby = play(newGame(), [[guest, { type: 'takeSeat', seat: 'minister', name: 'A' }]]);
		const floor = atFirstClause();
		const open = play(floor, [[facilitator, { type: 'openVote' }]]);
		const cases: [typeof floor, Actor, Action, string][] = [
			[lobby, facilitator, { type: 'openVote' }, 'wrong_phase'],
			[seatedGame(), facilitator, { type: 'openVote' }, 'wrong_phase'],
			[floor, seat('minister'), { type: 'openVote' }, 'not_facilitator'],
			[floor, seat('minister'), { type: 'castVote', choice: 'yes' }, 'no_open_vote'],
			[floor, facilitator, { type: 'closeVote' }, 'no_open_vote'],
			[open, facilitator, { type: 'openVote' }, 'vote_already_open'],
			[open, guest, { type: 'castVote', choice: 'yes' }, 'not_seated'],
			[open, seat('ghost'), { type: 'castVote', choice: 'yes' }, 'not_seated'],
			[open, facilitator, { type: 'advance' }, 'vote_open']
		];
		for (const [state, actor, action, code] of cases) {
			const before = JSON.stringify(state);
			expect(attempt(state, actor, action), `${action.type} by ${actor.kind}`).toMatchObject({ ok: false, code });
			expect(JSON.stringify(state)).toBe(before);
		}
	});
});

describe('voting rules', () => {
	const seats = seatedGame({ seatCounts: { adviser: 2, professor: 1 } }).seats;
	// israel: minister, general; us: adviser-1, adviser-2; expert: professor

	it('majority: more yes than no among ballots cast; a tie fails', () => {
		expect(decide('majority', choices({ minister: 'yes', general: 'no', 'adviser-1': 'yes' }), seats, 'clause').passed).toBe(true);
		expect(decide('majority', choices({ minister: 'yes', general: 'no' }), seats, 'clause').passed).toBe(false);
		expect(decide('majority', choices({ minister: 'yes', general: 'abstain' }), seats, 'clause').passed).toBe(true);
	});

	it('dual-key: needs a majority on each side; experts turn neither key', () => {
		const oneSided = decide('dual-key', choices({ minister: 'yes', general: 'yes', 'adviser-1': 'no', professor: 'yes' }), seats, 'clause');
		expect(oneSided).toMatchObject({ passed: false, keys: { israel: true, us: false } });
		const split = decide(
			'dual-key',
			choices({ minister: 'yes', general: 'abstain', 'adviser-1': 'yes', 'adviser-2': 'no', professor: 'no' }),
			seats,
			'clause'
		);
		expect(split).toMatchObject({ passed: false, keys: { israel: true, us: false } });
		const passed = decide('dual-key', choices({ minister: 'yes', 'adviser-1': 'yes', professor: 'no' }), seats, 'clause');
		expect(passed).toMatchObject({ passed: true, keys: { israel: true, us: true } });
	});

	it('majority ratifies the treaty only with a majority on each side, as dual-key does', () => {
		// Three yes to one carries a clause; the treaty still needs the US side, which said no.
		const ballots = choices({ minister: 'yes', general: 'yes', professor: 'yes', 'adviser-1': 'no' });
		expect(decide('majority', ballots, seats, 'clause').passed).toBe(true);
		expect(decide('majority', ballots, seats, 'ratification')).toMatchObject({ passed: false, keys: { israel: true, us: false } });
		const bothSides = choices({ minister: 'yes', general: 'no', 'adviser-1': 'yes', professor: 'no' });
		expect(decide('majority', bothSides, seats, 'ratification')).toMatchObject({ passed: false, keys: { israel: false, us: true } });
		const signed = choices({ minister: 'yes', general: 'abstain', 'adviser-1': 'yes', 'adviser-2': 'abstain', professor: 'no' });
		expect(decide('majority', signed, seats, 'ratification')).toMatchObject({ passed: true, keys: { israel: true, us: true } });
	});

	it('consensus: at least one yes and no one against', () => {
		expect(decide('consensus', choices({ minister: 'yes', general: 'abstain' }), seats, 'clause').passed).toBe(true);
		expect(decide('consensus', choices({ minister: 'yes', professor: 'no' }), seats, 'clause').passed).toBe(false);
		expect(decide('consensus', {}, seats, 'clause').passed).toBe(false);
	});

	it('counts a seated player who did not vote as an abstention', () => {
		expect(decide('majority', choices({ minister: 'yes' }), seats, 'clause')).toMatchObject({ yes: 1, abstain: 4, absent: 4 });
	});
});
