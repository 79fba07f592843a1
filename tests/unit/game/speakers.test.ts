import { describe, expect, it } from 'vitest';
import { attempt, facilitator, newGame, play, seat, seatedGame } from '../../helpers/game';

describe('the speaker queue', () => {
	it('queues raised hands in order, gives the floor, and counts floor time per seat', () => {
		let state = play(seatedGame(), [
			[seat('general'), { type: 'raiseHand' }],
			[seat('minister'), { type: 'raiseHand' }]
		]);
		expect(state.queue).toEqual(['general', 'minister']);
		state = play(state, [[facilitator, { type: 'giveFloor', seat: 'general' }]], undefined, 10_000);
		expect(state).toMatchObject({ queue: ['minister'], speaker: { seat: 'general', since: 10_000 } });
		state = play(state, [[facilitator, { type: 'giveFloor', seat: 'minister' }]], undefined, 40_000);
		state = play(state, [[facilitator, { type: 'endFloor' }]], undefined, 45_000);
		expect(state.floorTime).toEqual({ general: 30_000, minister: 5_000 });
		expect(state.speaker).toBeNull();
	});

	it('refuses a hand raised twice, a hand lowered that is not up, and the floor for an empty seat', () => {
		const state = play(seatedGame(), [[seat('general'), { type: 'raiseHand' }]]);
		expect(attempt(state, seat('general'), { type: 'raiseHand' })).toMatchObject({ code: 'already_queued' });
		expect(attempt(state, seat('minister'), { type: 'lowerHand' })).toMatchObject({ code: 'not_queued' });
		expect(play(state, [[seat('general'), { type: 'lowerHand' }]]).queue).toEqual([]);
		expect(attempt(state, facilitator, { type: 'endFloor' })).toMatchObject({ code: 'no_speaker' });
		const half = play(newGame(), [
			[{ kind: 'guest' }, { type: 'takeSeat', seat: 'minister', name: 'M' }],
			[facilitator, { type: 'start' }]
		]);
		expect(attempt(half, facilitator, { type: 'giveFloor', seat: 'general' })).toMatchObject({ code: 'seat_empty' });
		expect(attempt(newGame(), seat('minister'), { type: 'raiseHand' })).toMatchObject({ code: 'not_seated' });
	});
});
