/** The browser's typed Socket.IO connection to the game server (same origin). */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../protocol/events';

export type GameSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function connectToGame(): GameSocket {
	return io({ reconnectionDelayMax: 5000 });
}

/** Emits a request and resolves with the server's acknowledgement, or a timeout refusal. */
export function request<E extends keyof ClientToServerEvents>(
	socket: GameSocket,
	event: E,
	payload: Parameters<ClientToServerEvents[E]>[0]
): Promise<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0]> {
	return new Promise((resolve) => {
		// @ts-expect-error: the generic event name defeats Socket.IO's overloads; the types above hold.
		socket.timeout(10_000).emit(event, payload, (err: Error | null, res) => {
			if (err) resolve({ ok: false, code: 'internal', message: 'The server did not answer. Check your connection; your last action may not have counted.' });
			else resolve(res);
		});
	});
}
