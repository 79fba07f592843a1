/** The hands-free pace's rules: when the last call starts, what ends it, and the countdown after a result. */
import { describe, expect, it } from 'vitest';
import { apply } from '../../../src/lib/game/engine';
import { atFirstClause, attempt, facilitator, play, seat, system, vote } from '../../helpers/game';
import { tinyScenario } from '../../helpers/tiny-scenario';

const pace = { lastCallSeconds: 5, resultSeconds: 8 };
const timers = { briefing: null, opening: null, debate: 60, vote: 60 };

describe('a hands-free pace', () => {
	it('starts a last call only when every seated player has voted, and a change of vote does not put it off', () => {
		const open = play(atFirstClause({ pace, timers }), [[facilitator, { type: 'openVote' }]]);
		const seats = open.seats.map((s) => s.id);
		const allButOne = play(open, seats.slice(0, -1).map((s) => vote(s, 'yes')), tinyScenario, 2000);
		expect(allButOne.timer?.step).toBe('vote');
		const everyone = play(allButOne, [vote(seats.at(-1)!, 'no')], tinyScenario, 3000);
		expect(everyone.timer).toMatchObject({ step: 'lastCall', endsAt: 3000 + 5000 });
		const changed = play(everyone, [vote(seats[0], 'no')], tinyScenario, 4000);
		expect(changed.timer).toEqual(everyone.timer);
		// The last call runs out: the vote closes, and the result's countdown starts.
		const closed = play(changed, [[system, { type: 'expireTimer' }]], tinyScenario, 8000);
		expect(closed.votes.at(-1)!.status).toBe('closed');
		expect(closed.timer).toMatchObject({ step: 'result', endsAt: 8000 + 8000 });
		// The countdown runs out: the next clause is on the floor.
		const next = play(closed, [[system, { type: 'expireTimer' }]], tinyScenario, 16_000);
		expect(next.cursor).toBe(1);
		expect(next.timer?.step).toBe('debate');
	});

	it('takes no last call and no countdown in a game made without it', () => {
		const open = play(atFirstClause({ timers }), [[facilitator, { type: 'openVote' }]]);
		const voted = play(open, open.seats.map((s) => vote(s.id, 'yes')));
		expect(voted.timer?.step).toBe('vote');
		const closed = play(voted, [[facilitator, { type: 'closeVote' }]]);
		expect(closed.timer).toBeNull();
	});

	it('lets only the facilitator stop a countdown, and only while one runs', () => {
		const open = play(atFirstClause({ pace, timers }), [[facilitator, { type: 'openVote' }]]);
		const closed = play(open, [[facilitator, { type: 'closeVote' }]]);
		expect(attempt(closed, seat(closed.seats[0].id), { type: 'holdCountdown' })).toMatchObject({ code: 'not_facilitator' });
		const held = apply(closed, { type: 'holdCountdown' }, facilitator, { now: 2000, scenario: tinyScenario });
		expect(held.ok && held.state.timer).toBeNull();
		expect(attempt(open, facilitator, { type: 'holdCountdown' })).toMatchObject({ code: 'no_timer' });
	});
});
