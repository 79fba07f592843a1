import { describe, expect, it } from 'vitest';
import { facilitatorView, seatView, spectatorView } from '../../../src/lib/game/view';
import type { GameConfig } from '../../../src/lib/game/types';
import { tinyScenario } from '../../helpers/tiny-scenario';
import { facilitator, play, seat, seatedGame } from '../../helpers/game';

function midVote(ballot: GameConfig['ballot']) {
	return play(seatedGame({ ballot }), [
		[facilitator, { type: 'openVote', clause: 'scope' }],
		[seat('minister'), { type: 'castVote', choice: 'yes' }],
		[seat('general'), { type: 'castVote', choice: 'no' }]
	]);
}

describe('views', () => {
	it('gives a seat its own brief and objectives, and nobody else’s', () => {
		const state = seatedGame();
		const mine = seatView(state, 'general', tinyScenario);
		expect(mine.you.brief).toBe('Private brief of general.');
		expect(mine.you.objectives.weights).toEqual({ 'scope.broad': 100 });
		const text = JSON.stringify(mine);
		expect(text).not.toContain('Private brief of minister');
		expect(JSON.stringify(spectatorView(state, tinyScenario))).not.toContain('Private brief');
		expect(JSON.stringify(facilitatorView(state, tinyScenario))).not.toContain('Private brief');
	});

	it('shows a live named tally to everyone while the vote is open', () => {
		const view = spectatorView(midVote({ tally: 'live', ballots: 'named' }), tinyScenario);
		expect(view.votes[0].counts).toEqual({ yes: 1, no: 1, abstain: 0 });
		expect(view.votes[0].ballots).toEqual({ minister: 'yes', general: 'no' });
	});

	it('hides counts and ballots of a hidden tally until the vote closes, but tells each seat its own ballot', () => {
		const state = midVote({ tally: 'hidden', ballots: 'named' });
		for (const view of [spectatorView(state, tinyScenario), facilitatorView(state, tinyScenario), seatView(state, 'minister', tinyScenario)]) {
			expect(view.votes[0].counts).toBeNull();
			expect(view.votes[0].ballots).toBeNull();
			expect(view.votes[0].ballotsIn).toBe(2);
			expect(JSON.stringify(view.votes)).not.toMatch(/"(yes|no)"/);
		}
		expect(seatView(state, 'minister', tinyScenario).you.ballot).toBe('yes');
		expect(seatView(state, 'adviser-1', tinyScenario).you.ballot).toBeNull();
		const closed = play(state, [[facilitator, { type: 'closeVote' }]]);
		expect(spectatorView(closed, tinyScenario).votes[0].counts).toEqual({ yes: 1, no: 1, abstain: 0 });
	});

	it('never names who voted what under secret ballots, even after the vote closes', () => {
		const state = play(midVote({ tally: 'live', ballots: 'secret' }), [[facilitator, { type: 'closeVote' }]]);
		for (const view of [spectatorView(state, tinyScenario), facilitatorView(state, tinyScenario), seatView(state, 'adviser-1', tinyScenario)]) {
			expect(view.votes[0].ballots).toBeNull();
			expect(view.votes[0].counts).toEqual({ yes: 1, no: 1, abstain: 0 });
		}
	});

	it('tells the facilitator who has not voted yet', () => {
		const view = facilitatorView(midVote({ tally: 'hidden', ballots: 'secret' }), tinyScenario);
		expect(view.notVoted).toEqual(['adviser-1']);
	});
});
