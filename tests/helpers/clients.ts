/** Real socket.io-client connections for integration tests, with promise-shaped requests. */
import { io, type Socket } from 'socket.io-client';
import type { AnyView } from '../../src/lib/game/view';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/lib/protocol/events';

export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents> & { views: AnyView[] };

const open: TestClient[] = [];

export async function connect(url: string): Promise<TestClient> {
	const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false }) as TestClient;
	socket.views = [];
	socket.on('view', (view) => socket.views.push(view));
	open.push(socket);
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', () => resolve());
		socket.once('connect_error', reject);
	});
	return socket;
}

export function closeAll() {
	for (const socket of open.splice(0)) socket.disconnect();
}

/** Emits any event with any payload (tests send malformed ones on purpose) and awaits the ack. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function req(socket: Socket, event: string, payload?: unknown): Promise<any> {
	return socket.timeout(5000).emitWithAck(event, payload);
}

/** Resolves with the first view (already received or still to come) that satisfies the test. */
export function viewWhere(socket: TestClient, test: (v: AnyView) => boolean, timeout = 5000): Promise<AnyView> {
	const seen = socket.views.findLast(test);
	if (seen) return Promise.resolve(seen);
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			socket.off('view', listener);
			reject(new Error(`no matching view within ${timeout} ms; last: ${JSON.stringify(socket.views.at(-1))?.slice(0, 300)}`));
		}, timeout);
		const listener = (view: AnyView) => {
			if (!test(view)) return;
			clearTimeout(timer);
			socket.off('view', listener);
			resolve(view);
		};
		socket.on('view', listener);
	});
}
