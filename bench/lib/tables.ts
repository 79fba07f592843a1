/**
 * What both client harnesses do to get a load going: create rooms of six seats, seat a client in
 * each, and have a facilitator open the first clause's vote.
 */
import type { Socket } from 'socket.io-client';

export const SEATS = ['dermer', 'idf-chief', 'mossad-director', 'white-house-adviser-1', 'white-house-adviser-2', 'white-house-adviser-3'];

/** Rooms of six seats, every step left to the facilitator; `extra` adds settings (a tally, say). */
const ROOM_SETTINGS = { votingRule: 'majority', seatCounts: { 'white-house-adviser': 3 }, timers: { briefing: null, opening: null, debate: null, vote: null } };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function ask<T = any>(socket: Socket, event: string, payload: unknown): Promise<T> {
	return socket.timeout(30_000).emitWithAck(event, payload);
}

/** Runs `fn` over the items, `size` at a time. */
export async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<void>) {
	for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

/** Creates `count` rooms, as classes of up to twelve tables, from one connection. */
export async function createRooms(host: Socket, count: number, extra: Record<string, unknown> = {}) {
	const rooms: { code: string; facilitatorToken: string }[] = [];
	while (rooms.length < count) {
		const created = await ask(host, 'createGame', { ...ROOM_SETTINGS, ...extra, tables: Math.min(12, count - rooms.length) });
		if (!created.ok) throw new Error(`createGame refused: ${created.message}`);
		for (const code of created.codes) rooms.push({ code, facilitatorToken: created.facilitatorToken });
	}
	return rooms;
}

/**
 * Enters a room on this connection. In cluster mode a room just created on another server is
 * `room_moved` until that server lets it go: entered again a moment later, as a page does.
 */
async function enter(socket: Socket, payload: { code: string; facilitatorToken?: string }) {
	for (let tries = 0; ; tries++) {
		const entered = await ask(socket, 'enterRoom', payload);
		if (entered.ok) return;
		if (entered.code !== 'room_moved' || tries > 150) throw new Error(`enterRoom refused: ${entered.message}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** Enters a room on this connection and takes a seat; resolves with the accepted answer. */
export async function takeSeat(socket: Socket, code: string, seat: string) {
	await enter(socket, { code });
	const taken = await ask(socket, 'action', { type: 'takeSeat', seat, name: `Player ${seat}` });
	if (!taken.ok) throw new Error(`takeSeat refused: ${taken.message}`);
	return taken as { ok: true; seq: number; seatToken: string };
}

/** As the room's facilitator on this connection: starts the game, opens the first clause's vote, and leaves. */
export async function openFirstVote(facilitator: Socket, code: string, facilitatorToken: string) {
	await enter(facilitator, { code, facilitatorToken });
	for (const type of ['start', 'advance', 'advance', 'openVote']) {
		const res = await ask(facilitator, 'action', { type });
		if (!res.ok) throw new Error(`${type} refused: ${res.message}`);
	}
	facilitator.disconnect();
}
