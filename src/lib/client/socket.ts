/** The browser's typed Socket.IO connection to the game server (same origin). */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../protocol/events';
import { CONNECTION_OPTIONS } from './connection';

export type GameSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Connects to the game server. A connection for one room names it in the handshake's query, so
 * that in cluster mode the proxy in front of the servers sends it to the server of that room.
 */
export function connectToGame(room?: string): GameSocket {
	return io({ ...CONNECTION_OPTIONS, ...(room ? { query: { room } } : {}) });
}

/** Emits a request and resolves with the server's acknowledgement, or a timeout refusal. */
type AckOf<E extends keyof ClientToServerEvents> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

export function request<E extends keyof ClientToServerEvents>(
	socket: GameSocket,
	event: E,
	payload: Parameters<ClientToServerEvents[E]>[0]
): Promise<AckOf<E>> {
	const noAnswer = {
		ok: false,
		code: 'internal',
		message: 'The server did not answer. Check your connection; your last action may not have counted.',
		params: { unanswered: 'yes' }
	} as AckOf<E>;
	return new Promise((resolve) => {
		// The generic event name defeats Socket.IO's overloads; the signature above keeps the types.
		(socket.timeout(10_000) as unknown as Socket).emit(event, payload, (err: Error | null, res: AckOf<E>) =>
			resolve(err ? noAnswer : res)
		);
	});
}
