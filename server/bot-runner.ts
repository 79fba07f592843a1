/**
 * Plays the scripted seats of live rooms, and the facilitator's part in solo games. After any
 * change in a room it looks for the next move — a bot's, then the autopilot's — and submits it
 * through the room's queue with the same checks as a person's, at a human pace (or at once).
 */
import { decideForFacilitator } from '../src/lib/game/bots/autopilot';
import { voiceOf, voicesOf } from '../src/lib/game/bots/explain';
import { decideForSeat } from '../src/lib/game/bots/seat-bot';
import type { Action, Actor } from '../src/lib/game/types';
import { facilitatorView, seatView } from '../src/lib/game/view';
import type { Scenario } from '../src/lib/scenario/schema';
import type { Clock } from './clock';
import type { Room, Rooms } from './rooms';

export interface BotPace {
	/** Milliseconds between a change at the table and a bot's answer; 0 and 0 play instantly. */
	minMs: number;
	maxMs: number;
}

export const HUMAN_PACE: BotPace = { minMs: 1500, maxMs: 4500 };
export const INSTANT: BotPace = { minMs: 0, maxMs: 0 };

export class BotRunner {
	private scheduled = new Map<string, () => void>();
	private stopped = false;

	constructor(
		private rooms: Rooms,
		private scenario: Scenario,
		private clock: Clock,
		private pace: BotPace,
		private log: (msg: string, err?: unknown) => void
	) {}

	/** Something changed in the room: schedule its next scripted move, if it has scripted parts. */
	nudge(room: Room) {
		if (this.stopped || this.scheduled.has(room.code)) return;
		const state = room.state;
		if (!state.seats.some((s) => s.bot) && !state.config.autopilot) return;
		const delay = this.delayFor(state.seq, state.config.seed);
		const fire = () => {
			this.scheduled.delete(room.code);
			void this.step(room);
		};
		const cancel = delay === 0 ? immediate(fire) : this.clock.wakeAt(this.clock.now() + delay, fire);
		this.scheduled.set(room.code, cancel);
	}

	/** The room left memory: its next scripted move, if one is waiting, is not made. */
	forget(code: string) {
		this.scheduled.get(code)?.();
		this.scheduled.delete(code);
	}

	stop() {
		this.stopped = true;
		for (const cancel of this.scheduled.values()) cancel();
		this.scheduled.clear();
	}

	/** A pause that varies like a person's but is the same every time the game is replayed. */
	private delayFor(seq: number, seed: number): number {
		const { minMs, maxMs } = this.pace;
		if (maxMs <= 0) return 0;
		const spread = ((seed ^ Math.imul(seq + 1, 2654435761)) >>> 0) % (maxMs - minMs + 1);
		return minMs + spread;
	}

	private nextMove(room: Room): { actor: Actor; action: Action } | null {
		const state = room.state;
		if (state.paused) return null;
		// Seats take turns from the one after the last to act, so every bot gets its say.
		const order = [...state.seats.slice(room.botTurn), ...state.seats.slice(0, room.botTurn)];
		for (const seat of order) {
			if (!seat.bot || seat.player === null) continue;
			const action = decideForSeat(seatView(state, seat.id, this.scenario), voiceOf(this.scenario, seat.roleId), voicesOf(this.scenario, seat.roleId));
			if (action) {
				room.botTurn = (state.seats.indexOf(seat) + 1) % state.seats.length;
				return { actor: { kind: 'seat', seat: seat.id, bot: true }, action };
			}
		}
		if (!state.config.autopilot) return null;
		const action = decideForFacilitator(facilitatorView(state, this.scenario), { eager: false, quiet: true });
		return action ? { actor: { kind: 'system' }, action } : null;
	}

	/** One scripted move; whatever goes wrong in it is logged and stays with this room. */
	private async step(room: Room) {
		let move: ReturnType<BotRunner['nextMove']> = null;
		try {
			move = this.nextMove(room);
			if (!move) return;
			const result = await this.rooms.submit(room, move.actor, move.action);
			if (result.ok) this.rooms.changed(room);
			// A refused scripted move is a bug in the bot, not the player's problem: log it, wait for the next change.
			else this.log(`scripted move refused in ${room.code}: ${move.action.type} ${result.code}`);
		} catch (err) {
			this.log(`scripted move failed in ${room.code}${move ? ` (${move.action.type})` : ''}`, err);
		}
	}
}

function immediate(fn: () => void): () => void {
	const handle = setImmediate(fn);
	return () => clearImmediate(handle);
}
