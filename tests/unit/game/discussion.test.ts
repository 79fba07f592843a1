/** The debrief's discussion questions, drawn from what happened at the table and never made up. */
import { describe, expect, it } from 'vitest';
import { debrief } from '../../../src/lib/game/debrief';
import { closestVote, discussionQuestions } from '../../../src/lib/game/discussion';
import type { Action, Actor, GameConfig, GameState } from '../../../src/lib/game/types';
import { tinyScenario } from '../../helpers/tiny-scenario';
import { atFirstClause, facilitator, play, seat, seatedGame, vote } from '../../helpers/game';

const questions = (state: GameState) => Object.fromEntries(discussionQuestions(debrief(state, tinyScenario)).map((q) => [q.kind, q.grounds]));
const argue = (s: string, card: string): [Actor, Action] => [seat(s), { type: 'postArgument', stance: 'for', card, text: 'Read this.' }];

/**
 * Scope: the general argues, the minister swings from no to yes and the adviser from yes to
 * abstain; 2–0 with one abstention. Term: 2–1. Then the treaty is not signed, 0–3.
 */
function playedGame(ballot: GameConfig['ballot'] = { tally: 'live', ballots: 'named' }) {
	const floor = atFirstClause({ ballot });
	const [general, minister] = [floor.hands.general[0], floor.hands.minister[0]];
	return play(floor, [
		[facilitator, { type: 'openVote' }],
		vote('minister', 'no'),
		vote('general', 'yes'),
		vote('adviser-1', 'yes'),
		argue('general', general),
		vote('minister', 'yes'),
		argue('minister', minister),
		vote('adviser-1', 'abstain'),
		[facilitator, { type: 'closeVote' }],
		[facilitator, { type: 'advance' }],
		[facilitator, { type: 'openVote' }],
		vote('minister', 'yes'),
		vote('general', 'no'),
		vote('adviser-1', 'yes'),
		[facilitator, { type: 'closeVote' }],
		[facilitator, { type: 'advance' }],
		[facilitator, { type: 'openVote' }],
		vote('minister', 'no'),
		vote('general', 'no'),
		vote('adviser-1', 'no'),
		[facilitator, { type: 'closeVote' }]
	]);
}

describe('the questions drawn from a game', () => {
	it('names the vote with the smallest margin, and how it split', () => {
		const state = playedGame();
		const closest = questions(state)['closest-vote'];
		// Scope went 2–0 (margin 2), Term 2–1 (margin 1), the treaty 0–3 (margin 3).
		expect(closest).toMatchObject({ kind: 'clause', clauseId: 'term', margin: 1, asClose: 0, result: { yes: 2, no: 1, abstain: 0 } });
		const margins = debrief(state, tinyScenario).timeline.map((t) => Math.abs(t.result!.yes - t.result!.no));
		expect(Math.min(...margins)).toBe(closestVote(debrief(state, tinyScenario))!.margin);
	});

	it('takes the seat whose ballot moved furthest: a reversal before a move to abstaining', () => {
		expect(questions(playedGame())['change-of-mind']).toMatchObject({ clauseId: 'scope', seat: 'minister', from: 'no', to: 'yes', changes: 1 });
	});

	it('counts a seat that changed back and forth by where it ended, then by how often it changed', () => {
		const floor = atFirstClause();
		const state = play(floor, [
			[facilitator, { type: 'openVote' }],
			vote('minister', 'yes'),
			vote('minister', 'no'),
			vote('minister', 'yes'),
			vote('general', 'yes'),
			vote('general', 'abstain')
		]);
		// The minister changed twice and ended where it began; the general moved once, to abstain.
		expect(questions(state)['change-of-mind']).toMatchObject({ seat: 'general', from: 'yes', to: 'abstain', changes: 1 });
		const again = play(state, [vote('general', 'no')]);
		expect(questions(again)['change-of-mind']).toMatchObject({ seat: 'general', from: 'yes', to: 'no', changes: 2 });
	});

	it('names the card played before most changes of vote, and who played it', () => {
		const state = playedGame();
		const generalCard = state.posts.find((p) => p.seat === 'general')!.card;
		// The general's card came before both changes; the minister's only before the adviser's.
		expect(questions(state)['card-before-changes']).toEqual({ cards: [generalCard], preceded: 2, changes: 2, playedBy: ['general'] });
	});

	it('never names a seat under secret ballots', () => {
		const q = questions(playedGame({ tally: 'live', ballots: 'secret' }));
		expect(q['change-of-mind']).toMatchObject({ seat: null, from: 'no', to: 'yes' });
		expect(q['closest-vote']).toMatchObject({ clauseId: 'term', margin: 1 });
		expect(JSON.stringify(q)).not.toMatch(/minister|adviser-1/);
	});

	it('says how the class’s own opinion moved, from the counts alone', () => {
		const briefing = play(seatedGame(), [
			[seat('minister'), { type: 'answerPoll', answer: 0 }],
			[seat('general'), { type: 'answerPoll', answer: 1 }],
			[seat('adviser-1'), { type: 'answerPoll', answer: 1 }],
			[facilitator, { type: 'end' }],
			[seat('minister'), { type: 'answerPoll', answer: 0 }],
			[seat('general'), { type: 'answerPoll', answer: 0 }]
		]);
		// Before: one in three said Yes; after: both who answered did.
		expect(questions(briefing)['opinion-shift']).toEqual({ before: [1, 2], after: [2, 0], gained: 0, lost: 1 });
	});

	it('says there is nothing to ask about when no vote was held and nobody answered', () => {
		const state = play(seatedGame(), [[facilitator, { type: 'end' }]]);
		expect(discussionQuestions(debrief(state, tinyScenario))).toEqual([
			{ kind: 'closest-vote', grounds: null },
			{ kind: 'change-of-mind', grounds: null },
			{ kind: 'card-before-changes', grounds: null },
			{ kind: 'opinion-shift', grounds: null }
		]);
	});

	it('counts no close vote where everyone abstained, and no card when none came before a change', () => {
		const state = play(atFirstClause(), [
			[facilitator, { type: 'openVote' }],
			vote('minister', 'abstain'),
			vote('general', 'yes'),
			vote('general', 'abstain'),
			[facilitator, { type: 'closeVote' }]
		]);
		const q = questions(state);
		expect(q['closest-vote']).toBeNull();
		expect(q['card-before-changes']).toEqual({ cards: [], preceded: 0, changes: 1, playedBy: [] });
	});

	it('leaves the poll unchanged when the shares did not move', () => {
		const state = play(seatedGame(), [
			[seat('minister'), { type: 'answerPoll', answer: 0 }],
			[facilitator, { type: 'end' }],
			[seat('general'), { type: 'answerPoll', answer: 0 }]
		]);
		expect(questions(state)['opinion-shift']).toEqual({ before: [1, 0], after: [1, 0], gained: null, lost: null });
	});
});
