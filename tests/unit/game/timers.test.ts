import { describe, expect, it } from 'vitest';
import { atFirstClause, attempt, facilitator, play, seat, seatedGame, system, vote } from '../../helpers/game';

const timed = { timers: { briefing: 60, opening: 60, debate: 120, vote: 30 } };

describe('timers', () => {
	it('starts each step’s timer and moves on when it runs out, never before', () => {
		const briefing = seatedGame(timed);
		expect(briefing.timer).toEqual({ step: 'briefing', endsAt: 1000 + 60_000, remaining: null });
		expect(attempt(briefing, system, { type: 'expireTimer' }, 60_999)).toMatchObject({ code: 'timer_not_due' });
		const opening = attempt(briefing, system, { type: 'expireTimer' }, 61_000);
		expect(opening.ok && opening.state.phase).toBe('opening');
	});

	it('opens the vote when the debate runs out, and closes it when the vote runs out: silent seats abstain', () => {
		const floor = atFirstClause(timed);
		expect(floor.timer?.step).toBe('debate');
		const opened = play(floor, [[system, { type: 'expireTimer' }]], undefined, 1000 + 120_000);
		expect(opened.votes[0]).toMatchObject({ kind: 'clause', status: 'open' });
		expect(opened.timer).toMatchObject({ step: 'vote', endsAt: 121_000 + 30_000 });
		const closed = play(opened, [vote('minister', 'yes'), vote('adviser-1', 'yes'), [system, { type: 'expireTimer' }]], undefined, 151_000);
		expect(closed.votes[0].result).toMatchObject({ passed: true, yes: 2, abstain: 1, absent: 1 });
		expect(closed.votes[0].ballots.general).toBeUndefined();
	});

	it('freezes on pause, resumes with the time left, and can be extended', () => {
		const briefing = seatedGame(timed);
		const paused = play(briefing, [[facilitator, { type: 'pause' }]], undefined, 21_000);
		expect(paused.timer).toMatchObject({ remaining: 40_000 });
		expect(attempt(paused, system, { type: 'expireTimer' }, 999_999)).toMatchObject({ code: 'paused' });
		expect(attempt(paused, seat('minister'), { type: 'raiseHand' })).toMatchObject({ code: 'paused' });
		const resumed = play(paused, [[facilitator, { type: 'resume' }]], undefined, 500_000);
		expect(resumed.timer).toEqual({ step: 'briefing', endsAt: 540_000, remaining: null });
		const extended = play(resumed, [[facilitator, { type: 'extendTimer', seconds: 60 }]], undefined, 510_000);
		expect(extended.timer?.endsAt).toBe(600_000);
	});

	it('refuses expiry from anyone but the server, and extension with no timer', () => {
		expect(attempt(seatedGame(timed), facilitator, { type: 'expireTimer' }, 10 ** 9)).toMatchObject({ code: 'not_facilitator' });
		expect(attempt(seatedGame(), facilitator, { type: 'extendTimer', seconds: 60 })).toMatchObject({ code: 'no_timer' });
	});
});
