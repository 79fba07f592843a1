/** Fitting a game to a lesson: the agenda chosen before the start, and the length a plan promises. */
import { describe, expect, it } from 'vitest';
import { DEBRIEF_MINUTES, expectedLength, lessonSteps } from '../../../src/lib/game/lesson';
import { attempt, facilitator, newGame, play, seat, seatedGame } from '../../helpers/game';
import { errorsAfter } from '../scenario/fixtures';

describe('the agenda before the start', () => {
	it('debates the clauses chosen, in their order, and sets the others aside', () => {
		const lobby = newGame();
		const all = lobby.agenda;
		const chosen = play(lobby, [[facilitator, { type: 'setAgenda', clauses: [all[1]] }]]);
		expect(chosen.agenda).toEqual([all[1]]);
		expect(chosen.skipped).toEqual(all.filter((c) => c !== all[1]));
		const again = play(chosen, [[facilitator, { type: 'setAgenda', clauses: [...all].reverse() }]]);
		expect(again.agenda).toEqual([...all].reverse());
		expect(again.skipped).toEqual([]);
	});

	it('refuses an empty or unknown agenda, a player, and any change once the game has started', () => {
		const lobby = newGame();
		expect(attempt(lobby, facilitator, { type: 'setAgenda', clauses: [] })).toMatchObject({ code: 'bad_order' });
		expect(attempt(lobby, facilitator, { type: 'setAgenda', clauses: ['nowhere'] })).toMatchObject({ code: 'bad_order' });
		expect(attempt(lobby, facilitator, { type: 'setAgenda', clauses: [lobby.agenda[0], lobby.agenda[0]] })).toMatchObject({ code: 'bad_order' });
		const started = seatedGame();
		expect(attempt(started, seat(started.seats[0].id), { type: 'setAgenda', clauses: [started.agenda[0]] })).toMatchObject({ code: 'not_facilitator' });
		expect(attempt(started, facilitator, { type: 'setAgenda', clauses: [started.agenda[0]] })).toMatchObject({ code: 'wrong_phase' });
	});
});

describe('a game’s expected length', () => {
	const timers = { briefing: 240, opening: 90, debate: 180, vote: 60 };

	it('adds the briefing, the opening, each clause’s debate, vote and result pause, the treaty’s vote and the debrief', () => {
		// 240 + 90 + 4 × (180 + 60 + 15) + 60 = 1410 s: 24 minutes, and the debrief.
		expect(expectedLength(timers, timers, 4, { lastCallSeconds: 10, resultSeconds: 15 })).toEqual({ minutes: 24 + DEBRIEF_MINUTES, untimed: [] });
	});

	it('lays out the game minute by minute, ending where the expected length says', () => {
		const pace = { lastCallSeconds: 10, resultSeconds: 15 };
		const steps = lessonSteps(timers, ['scope', 'term'], pace);
		expect(steps.map((s) => ('clause' in s ? `${s.step} ${s.clause}` : s.step))).toEqual([
			'briefing',
			'opening',
			'debate scope',
			'vote scope',
			'result scope',
			'debate term',
			'vote term',
			'result term',
			'ratification',
			'debrief'
		]);
		// Each step starts when the one before it ends; the debrief on the next whole minute.
		for (let i = 1; i < steps.length - 1; i++) expect(steps[i].at).toBe(steps[i - 1].at + steps[i - 1].seconds);
		const ratification = steps.at(-2)!;
		expect(steps.at(-1)).toEqual({ step: 'debrief', at: Math.ceil((ratification.at + ratification.seconds) / 60) * 60, seconds: DEBRIEF_MINUTES * 60 });
		expect((steps.at(-1)!.at + steps.at(-1)!.seconds) / 60).toBe(expectedLength(timers, timers, 2, pace).minutes);
		// Without a pause on each result, there is no result step.
		expect(lessonSteps(timers, ['scope'], null).some((s) => s.step === 'result')).toBe(false);
	});

	it('counts a step advanced by hand at the suggested time, and says which', () => {
		expect(expectedLength({ ...timers, debate: null }, { ...timers, debate: 300 }, 2)).toEqual({
			minutes: Math.ceil((240 + 90 + 2 * (300 + 60) + 60) / 60) + DEBRIEF_MINUTES,
			untimed: ['debate']
		});
	});

	it('refuses a lesson plan longer than its lesson, or naming a clause that does not exist', () => {
		const errors = errorsAfter((raw) => {
			raw.lessonPlans[0].timers.debate = 600;
			raw.lessonPlans[1].clauses[0] = 'scopee';
		});
		expect(errors).toEqual([
			expect.objectContaining({ path: 'lessonPlans[0].timers', message: expect.stringMatching(/takes about \d+ minutes .*more than its 45/) }),
			expect.objectContaining({ path: 'lessonPlans[1].clauses[0]', message: 'there is no clause "scopee"', hint: 'did you mean "scope"?' })
		]);
	});
});
