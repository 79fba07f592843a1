/** The speaker queue: seats raise a hand, the facilitator gives the floor, floor time is counted. */
import { produce, type Draft } from 'immer';
import { actingSeat, asFacilitator, isRefusal } from './guards';
import { accept, refuse, type Outcome } from './outcome';
import type { Actor, Context, GameState } from './types';

const open = (state: GameState) => state.phase !== 'lobby' && state.phase !== 'debrief';
const closedMessage = 'The speaker queue opens when the game starts and closes at the debrief.';

/** Ends the current speaker's turn, adding it to their floor time. */
export function endTurn(d: Draft<GameState>, now: number) {
	if (!d.speaker) return;
	d.floorTime[d.speaker.seat] = (d.floorTime[d.speaker.seat] ?? 0) + Math.max(0, now - d.speaker.since);
	d.speaker = null;
}

export function raiseHand(state: GameState, actor: Actor): Outcome {
	const seat = actingSeat(state, actor);
	if (isRefusal(seat)) return seat;
	if (!open(state)) return refuse('wrong_phase', closedMessage);
	if (state.queue.includes(seat.id) || state.speaker?.seat === seat.id)
		return refuse('already_queued', 'Your hand is already up (or you have the floor).');
	return accept(
		produce(state, (d) => void d.queue.push(seat.id)),
		{ type: 'speakerChanged' }
	);
}

export function lowerHand(state: GameState, actor: Actor): Outcome {
	const seat = actingSeat(state, actor);
	if (isRefusal(seat)) return seat;
	if (!state.queue.includes(seat.id)) return refuse('not_queued', 'Your hand is not up.');
	return accept(
		produce(state, (d) => void (d.queue = d.queue.filter((s) => s !== seat.id))),
		{ type: 'speakerChanged' }
	);
}

export function giveFloor(state: GameState, actor: Actor, seatId: string, ctx: Context): Outcome {
	const no = asFacilitator(actor, 'give the floor');
	if (no) return no;
	if (!open(state)) return refuse('wrong_phase', closedMessage);
	const seat = state.seats.find((s) => s.id === seatId);
	if (!seat) return refuse('unknown_seat', `There is no seat "${seatId}" at this table.`);
	if (seat.player === null) return refuse('seat_empty', 'Nobody is sitting in that seat.');
	return accept(
		produce(state, (d) => {
			endTurn(d, ctx.now);
			d.speaker = { seat: seatId, since: ctx.now };
			d.queue = d.queue.filter((s) => s !== seatId);
		}),
		{ type: 'speakerChanged' }
	);
}

export function endFloor(state: GameState, actor: Actor, ctx: Context): Outcome {
	const no = asFacilitator(actor, 'end a speaker’s turn');
	if (no) return no;
	if (!state.speaker) return refuse('no_speaker', 'Nobody has the floor.');
	return accept(
		produce(state, (d) => endTurn(d, ctx.now)),
		{ type: 'speakerChanged' }
	);
}
