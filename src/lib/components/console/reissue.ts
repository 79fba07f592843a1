/**
 * Moving a seat to another device: the server issues the seat a fresh token (the old device is
 * told and turned into a watcher) and the new device opens /play/CODE#seat=TOKEN. The request
 * must come from a socket that entered the room as its facilitator, so this opens a short-lived
 * one of its own rather than reach into the page's live Table.
 */
import { connectToGame, request } from '$lib/client/socket';
import type { Refusal } from '$lib/protocol/errors';

export async function reissueSeat(code: string, facilitatorToken: string, seat: string): Promise<{ ok: true; seatToken: string } | Refusal> {
	const socket = connectToGame(code);
	try {
		const entered = await request(socket, 'enterRoom', { code, facilitatorToken });
		if (!entered.ok) return entered;
		const res = await request(socket, 'reissueSeat', { seat });
		return res.ok ? { ok: true, seatToken: res.seatToken } : res;
	} finally {
		socket.disconnect();
	}
}

/** The link that hands the seat to a new device. The token sits in the fragment, out of server logs. */
export const seatLink = (origin: string, code: string, seatToken: string) => `${origin}/play/${code}#seat=${seatToken}`;
