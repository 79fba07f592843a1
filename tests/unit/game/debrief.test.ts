import { describe, expect, it } from 'vitest';
import { debrief } from '../../../src/lib/game/debrief';
import { facilitatorView, seatView, spectatorView } from '../../../src/lib/game/view';
import { tinyScenario } from '../../helpers/tiny-scenario';
import { atFirstClause, attempt, facilitator, play, seat, seatedGame, vote } from '../../helpers/game';
import type { GameConfig } from '../../../src/lib/game/types';

function playedGame(ballot: GameConfig['ballot'] = { tally: 'live', ballots: 'named' }) {
	const floor = atFirstClause({ ballot });
	const card = floor.hands.general[0];
	return play(floor, [
		[facilitator, { type: 'openVote' }],
		vote('minister', 'no'),
		[seat('general'), { type: 'postArgument', stance: 'for', card, text: 'Read this.' }],
		[seat('minister'), { type: 'castVote', choice: 'yes', reason: 'Convinced', card }],
		vote('adviser-1', 'yes'),
		[facilitator, { type: 'closeVote' }],
		[facilitator, { type: 'end' }],
		[seat('minister'), { type: 'answerPoll', answer: 1 }]
	]);
}

describe('the debrief', () => {
	it('shows the adopted text, the scores with objectives, and which cards preceded a change of vote', () => {
		const state = playedGame();
		const d = debrief(state, tinyScenario);
		expect(d.signed).toBe(false);
		expect(d.treaty).toEqual([
			{ clauseId: 'scope', variantId: 'scope.narrow', skipped: false },
			{ clauseId: 'term', variantId: null, skipped: false }
		]);
		expect(d.seats.find((s) => s.seat === 'general')).toMatchObject({ objectives: { signing: 'against' }, score: { score: 30 }, cardsPlayed: 1 });
		expect(d.influences).toEqual([
			{ vote: 1, seat: 'minister', from: 'no', to: 'yes', at: 1000, cards: [{ post: 1, card: state.posts[0].card, seat: 'general' }] }
		]);
		expect(d.citations).toEqual([{ card: state.posts[0].card, reasons: [{ vote: 1, seat: 'minister', choice: 'yes', reason: 'Convinced' }] }]);
		expect(d.timeline[0].entries.map((e) => [e.seat, e.choice, e.changed])).toEqual([
			['minister', 'no', false],
			['minister', 'yes', true],
			['adviser-1', 'yes', false]
		]);
	});

	it('keeps secret ballots anonymous in the timeline, the influences and the citations', () => {
		const d = debrief(playedGame({ tally: 'live', ballots: 'secret' }), tinyScenario);
		expect(d.timeline[0].entries.every((e) => e.seat === null)).toBe(true);
		expect(d.influences[0].seat).toBeNull();
		expect(d.citations[0].reasons[0].seat).toBeNull();
	});

	it('appears in the views only at the debrief; the poll as counts for all, each answer only for its own seat', () => {
		expect(spectatorView(seatedGame(), tinyScenario).debrief).toBeNull();
		const state = playedGame();
		expect(spectatorView(state, tinyScenario).debrief?.poll.after).toEqual([0, 1]);
		expect(facilitatorView(state, tinyScenario).debrief?.poll).toEqual({ before: [0, 0], after: [0, 1] });
		expect(facilitatorView(state, tinyScenario)).not.toHaveProperty('pollBySeat');
		expect(seatView(state, 'general', tinyScenario).you.poll).toEqual({ before: false, after: false });
		expect(seatView(state, 'minister', tinyScenario).you.poll).toEqual({ before: false, after: true });
	});

	it('asks the poll at the briefing and the debrief only', () => {
		const briefing = seatedGame();
		const answered = play(briefing, [[seat('general'), { type: 'answerPoll', answer: 0 }]]);
		expect(answered.poll).toEqual({ counts: { before: [1, 0], after: [0, 0] }, answered: { before: ['general'], after: [] } });
		expect(attempt(answered, seat('general'), { type: 'answerPoll', answer: 1 })).toMatchObject({ code: 'poll_answered' });
		expect(attempt(briefing, seat('general'), { type: 'answerPoll', answer: 5 })).toMatchObject({ code: 'bad_answer' });
		expect(attempt(atFirstClause(), seat('general'), { type: 'answerPoll', answer: 0 })).toMatchObject({ code: 'poll_closed' });
	});
});
