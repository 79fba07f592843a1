/** What the player page tells a student to do now, and the solo controls' "Next step" words, from real game states. */
import { describe, expect, it } from 'vitest';
import { currentTask } from '../../../src/lib/client/current-task';
import { nextStepOf, nextVote } from '../../../src/lib/client/next-step';
import { assemble, facilitatorParts, seatParts } from '../../../src/lib/game/view';
import type { GameState } from '../../../src/lib/game/types';
import { atFirstClause, facilitator, play, seat, seatedGame, vote } from '../../helpers/game';
import { tinyScenario } from '../../helpers/tiny-scenario';
import { overwriteGetLocale } from '../../../src/lib/i18n/paraglide/runtime';

const me = (state: GameState) => state.seats[0].id;
const seatView = (state: GameState, solo = false) => ({ ...assemble(seatParts(state, me(state), tinyScenario)), solo });
const facilitatorView = (state: GameState) => assemble(facilitatorParts(state, tinyScenario));

describe('currentTask', () => {
	it('asks for the poll first in the briefing, then the brief; solo says the learner moves on', () => {
		const state = seatedGame();
		expect(currentTask(seatView(state))).toEqual({ text: expect.stringMatching(/^Answer the opinion poll/), section: 'now' });
		const answered = play(state, [[seat(me(state)), { type: 'answerPoll', answer: 0 }]]);
		expect(currentTask(seatView(answered)).text).toMatch(/opening statements come next/);
		expect(currentTask(seatView(answered, true)).text).toMatch(/Press “Next step”/);
	});

	it('sends a clause’s debate to the argument form, then the open vote to the ballot, then says how the student voted', () => {
		const state = atFirstClause();
		expect(currentTask(seatView(state))).toEqual({ text: expect.stringMatching(/^Debate Scope: argue/), section: 'hand' });
		const open = play(state, [[facilitator, { type: 'openVote' }]]);
		expect(currentTask(seatView(open))).toEqual({ text: expect.stringMatching(/^Vote now on Scope: Yes, No or Abstain/), section: 'now' });
		const voted = play(open, [vote(me(state), 'no')]);
		expect(currentTask(seatView(voted)).text).toMatch(/^You voted No on Scope\. You can change your vote/);
	});

	it('speaks the page’s language: Hebrew words around the clause’s title and the choice', () => {
		const voted = play(play(atFirstClause(), [[facilitator, { type: 'openVote' }]]), [vote(me(atFirstClause()), 'no')]);
		overwriteGetLocale(() => 'he');
		try {
			expect(currentTask(seatView(voted)).text).toBe('הצבעתם "נגד" על Scope. אפשר לשנות את ההצבעה עד שהיא נסגרת.');
		} finally {
			overwriteGetLocale(() => 'en');
		}
	});

	it('says the game is paused, never what to do next', () => {
		const paused = play(atFirstClause(), [[facilitator, { type: 'pause' }]]);
		expect(currentTask(seatView(paused)).text).toMatch(/^The game is paused/);
	});
});

describe('the facilitator’s “Next step” words, for solo practice too', () => {
	it('names where the next step leads and which vote opens', () => {
		const briefing = seatedGame();
		expect(nextStepOf(facilitatorView(briefing))).toBe('opening statements');
		const clause = atFirstClause();
		expect(nextStepOf(facilitatorView(clause))).toBe(`the next clause, ${tinyScenario.clauses[1].title}`);
		expect(nextVote(facilitatorView(clause))?.label).toBe(`Open the vote on ${tinyScenario.clauses[0].title}`);
		expect(nextVote(facilitatorView(play(clause, [[facilitator, { type: 'openVote' }]])))).toBeNull();
	});
});
