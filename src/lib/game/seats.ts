/** The table's seats: which exist in a game, and taking one. */
import { filterCasts } from './ballot-history';
import { produce } from 'immer';
import type { Role, Scenario } from '../scenario/schema';
import { BOT_NAME, sameName } from './names';
import { accept, refuse, type Outcome, type Refusal } from './outcome';
import { endTurn } from './speakers';
import type { Actor, GameConfig, GameState, Seat } from './types';

/** How many seats a role has in a game with this config. */
export function seatCount(role: Role, config: Pick<GameConfig, 'seatCounts'>): number {
	const asked = config.seatCounts[role.id];
	const fallback = role.core ? Math.max(1, role.seats.min) : 0;
	const n = asked ?? fallback;
	return Math.min(Math.max(n, role.seats.min), role.seats.max);
}

/**
 * The seats of a game, core roles first in scenario order. A multi-seat role's seats are
 * numbered ("white-house-adviser-2") so every seat id is stable across reloads and replays.
 */
export function buildSeats(scenario: Scenario, config: Pick<GameConfig, 'seatCounts' | 'botSeats'>): Seat[] {
	const ordered = [...scenario.roles.filter((r) => r.core), ...scenario.roles.filter((r) => !r.core)];
	return ordered.flatMap((role) => {
		const n = seatCount(role, config);
		return Array.from({ length: n }, (_, i) => {
			const id = role.seats.max > 1 ? `${role.id}-${i + 1}` : role.id;
			const bot = config.botSeats?.includes(id) ?? false;
			return { id, roleId: role.id, portfolio: role.portfolios?.[i] ?? null, side: role.side, player: bot ? BOT_NAME : null, bot };
		});
	});
}

export function takeSeat(state: GameState, actor: Actor, seatId: string, name: string): Outcome {
	if (state.phase === 'debrief') return refuse('wrong_phase', 'The game is over; seats can no longer be taken.');
	if (actor.kind === 'seat') return refuse('already_seated', 'You already hold a seat at this table.');
	if (actor.kind !== 'guest')
		return refuse('not_seated', 'The facilitator runs the table; open the join link in another browser to play a seat.');
	const index = state.seats.findIndex((s) => s.id === seatId);
	if (index < 0) return refuse('unknown_seat', `There is no seat "${seatId}" at this table.`);
	const seat = state.seats[index];
	if (seat.player !== null) return refuse('seat_taken', `${seat.player} has already taken that seat; choose a free one.`, { player: seat.player });
	if (state.locked) return refuse('room_locked', 'The facilitator has locked this room: no one new can take a seat. Ask them to unlock it.');
	const badName = state.config.limits?.distinctNames ? nameRefusal(state.seats, name) : null;
	if (badName) return badName;
	return accept(
		produce(state, (d) => void (d.seats[index].player = name)),
		{ type: 'seatTaken', seat: seatId }
	);
}

/**
 * Whether a player may sit at these seats under this name: not the scripted roles' label, and not
 * a name that looks like another player's, since players tell each other apart by name.
 */
export function nameRefusal(seats: readonly Seat[], name: string): Refusal | null {
	if (sameName(name, BOT_NAME))
		return refuse('name_reserved', `“${BOT_NAME}” is how the game marks the seats it plays itself; choose another name.`, { name: BOT_NAME });
	const namesake = seats.find((s) => s.player !== null && sameName(s.player, name));
	if (namesake) return refuse('name_taken', `Someone at this table is already called “${namesake.player}”; add an initial or choose another name.`, { name: namesake.player ?? name });
	return null;
}

/**
 * The facilitator frees a seat (a player left, or sat in the wrong chair). The seat keeps its
 * hand and its place in the game for whoever takes it next; the old player's token is revoked
 * by the server.
 */
export function releaseSeat(state: GameState, actor: Actor, seatId: string, now: number): Outcome {
	if (actor.kind !== 'facilitator') return refuse('not_facilitator', 'Only the facilitator can free a seat.');
	const index = state.seats.findIndex((s) => s.id === seatId);
	if (index < 0) return refuse('unknown_seat', `There is no seat "${seatId}" at this table.`);
	if (state.seats[index].player === null) return refuse('seat_empty', 'Nobody is sitting in that seat.');
	return accept(
		produce(state, (d) => {
			d.seats[index].player = null;
			d.seats[index].bot = false;
			d.queue = d.queue.filter((s) => s !== seatId);
			if (d.speaker?.seat === seatId) endTurn(d, now);
			// The player has left the table: their ballot in the open vote goes with them, and so do
			// the ballots they cast before it, or the debrief would show the seat's next player
			// changing a mind that was never theirs.
			const open = d.votes.at(-1);
			if (open?.status === 'open') {
				delete open.ballots[seatId];
				open.history = filterCasts(open.history, (cast) => cast.seat !== seatId);
			}
			// Their poll answers stay counted (they are not known any more) and the seat's next
			// player may answer for themselves.
			for (const when of ['before', 'after'] as const) d.poll.answered[when] = d.poll.answered[when].filter((s) => s !== seatId);
		}),
		{ type: 'seatTaken', seat: seatId }
	);
}

/**
 * The facilitator hands a human's seat to a scripted role (the player dropped out). The server
 * only allows it after the seat has been away for a grace period; the player takes it back on return.
 */
export function handToBot(state: GameState, actor: Actor, seatId: string): Outcome {
	if (actor.kind !== 'facilitator') return refuse('not_facilitator', 'Only the facilitator can hand a seat to a scripted role.');
	const index = state.seats.findIndex((s) => s.id === seatId);
	if (index < 0) return refuse('unknown_seat', `There is no seat "${seatId}" at this table.`);
	const seat = state.seats[index];
	if (seat.player === null) return refuse('seat_empty', 'Nobody is sitting in that seat.');
	if (seat.bot) return refuse('bot_holds_seat', 'A scripted role already plays that seat.');
	if (state.phase === 'debrief') return refuse('wrong_phase', 'The game is over.');
	return accept(
		produce(state, (d) => void (d.seats[index].bot = true)),
		{ type: 'seatTaken', seat: seatId }
	);
}

/** A player returns to a seat a scripted role was keeping for them. */
export function takeBackSeat(state: GameState, actor: Actor): Outcome {
	if (actor.kind !== 'seat' || actor.bot) return refuse('not_seated', 'Only the seat’s own player can take it back.');
	const index = state.seats.findIndex((s) => s.id === actor.seat && s.player !== null);
	if (index < 0) return refuse('not_seated', 'Only the seat’s own player can take it back.');
	if (!state.seats[index].bot) return refuse('seat_not_with_bot', 'You already hold your seat.');
	return accept(
		produce(state, (d) => void (d.seats[index].bot = false)),
		{ type: 'seatTaken', seat: actor.seat }
	);
}

/** The facilitator locks the room so no one new can sit down (a class is complete), or opens it again. */
export function lockRoom(state: GameState, actor: Actor, locked: boolean): Outcome {
	if (actor.kind !== 'facilitator') return refuse('not_facilitator', `Only the facilitator can ${locked ? 'lock' : 'unlock'} the room.`);
	return accept(
		produce(state, (d) => void (d.locked = locked)),
		{ type: 'agendaChanged' }
	);
}
