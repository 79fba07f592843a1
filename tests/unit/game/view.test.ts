import { describe, expect, it } from 'vitest';
import { facilitatorView, seatView, spectatorView } from '../../../src/lib/game/view';
import type { GameConfig } from '../../../src/lib/game/types';
import { tinyScenario } from '../../helpers/tiny-scenario';
import { atFirstClause, facilitator, play, seat, seatedGame, vote } from '../../helpers/game';

function midVote(ballot: GameConfig['ballot']) {
	return play(atFirstClause({ ballot }), [[facilitator, { type: 'openVote' }], vote('minister', 'yes'), vote('general', 'no')]);
}

describe('views', () => {
	it('gives a seat its own brief, objectives and hand, and nobody else’s', () => {
		const state = seatedGame();
		const mine = seatView(state, 'general', tinyScenario);
		expect(mine.you.brief).toBe('Private brief of general.');
		expect(mine.you.objectives.weights).toEqual({ 'scope.broad': 100 });
		const text = JSON.stringify(mine);
		expect(text).not.toContain('Private brief of minister');
		for (const view of [spectatorView(state, tinyScenario), facilitatorView(state, tinyScenario)]) {
			expect(JSON.stringify(view)).not.toContain('Private brief');
			expect(JSON.stringify(view)).not.toContain('weights');
		}
	});

	it('shows a live named tally to everyone while the vote is open', () => {
		const view = spectatorView(midVote({ tally: 'live', ballots: 'named' }), tinyScenario);
		expect(view.votes[0].counts).toEqual({ yes: 1, no: 1, abstain: 0 });
		expect(view.votes[0].ballots).toMatchObject({ minister: { choice: 'yes' }, general: { choice: 'no' } });
	});

	it('hides counts and ballots of a hidden tally until the vote closes, but tells each seat its own ballot', () => {
		const state = midVote({ tally: 'hidden', ballots: 'named' });
		for (const view of [spectatorView(state, tinyScenario), facilitatorView(state, tinyScenario), seatView(state, 'minister', tinyScenario)]) {
			expect(view.votes[0].counts).toBeNull();
			expect(view.votes[0].ballots).toBeNull();
			expect(view.votes[0].ballotsIn).toBe(2);
		}
		expect(JSON.stringify(seatView(state, 'adviser-1', tinyScenario))).not.toMatch(/"choice":"(yes|no)"/);
		expect(seatView(state, 'minister', tinyScenario).you.ballot?.choice).toBe('yes');
		expect(seatView(state, 'adviser-1', tinyScenario).you.ballot).toBeNull();
		const closed = play(state, [[facilitator, { type: 'closeVote' }]]);
		expect(spectatorView(closed, tinyScenario).votes[0].counts).toEqual({ yes: 1, no: 1, abstain: 0 });
	});

	it('never names who voted what under secret ballots, even after the vote closes', () => {
		const state = play(midVote({ tally: 'live', ballots: 'secret' }), [[facilitator, { type: 'closeVote' }]]);
		for (const view of [spectatorView(state, tinyScenario), facilitatorView(state, tinyScenario), seatView(state, 'adviser-1', tinyScenario)]) {
			expect(view.votes[0].ballots).toBeNull();
			expect(view.votes[0].counts).toEqual({ yes: 1, no: 1, abstain: 0 });
			expect(JSON.stringify(view.votes)).not.toContain('minister');
		}
	});

	it('tells the facilitator who has not voted yet', () => {
		expect(facilitatorView(midVote({ tally: 'hidden', ballots: 'secret' }), tinyScenario).notVoted).toEqual(['adviser-1']);
	});

	it('hides a hidden post from players and the projector, not from the facilitator', () => {
		const state = play(atFirstClause(), [
			[seat('minister'), { type: 'postArgument', stance: 'for', text: 'Rude remark' }],
			[facilitator, { type: 'hidePost', post: 1 }]
		]);
		expect(JSON.stringify(spectatorView(state, tinyScenario))).not.toContain('Rude remark');
		expect(JSON.stringify(seatView(state, 'general', tinyScenario))).not.toContain('Rude remark');
		expect(facilitatorView(state, tinyScenario).posts[0]).toMatchObject({ text: 'Rude remark', hidden: true });
	});
});
