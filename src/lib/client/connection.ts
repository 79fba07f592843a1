/**
 * How a browser connects and reconnects, shared with the benchmarks that stand in for browsers.
 *
 * WebSocket first: a page is in the room after one handshake instead of several long-polling round
 * trips; a network that blocks WebSockets still gets in over long-polling (tryAllTransports).
 * After a drop or a server restart, attempts come every half second at first, never more than two
 * seconds apart, randomised so a class does not knock all at once.
 */
import type { ManagerOptions, SocketOptions } from 'socket.io-client';

export const CONNECTION_OPTIONS: Partial<ManagerOptions & SocketOptions> = {
	transports: ['websocket', 'polling'],
	tryAllTransports: true,
	reconnectionDelay: 500,
	reconnectionDelayMax: 2000,
	randomizationFactor: 0.5
};
