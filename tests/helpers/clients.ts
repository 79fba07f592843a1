/** Real socket.io-client connections for integration tests, with promise-shaped requests. */
import { io, type Socket } from 'socket.io-client';
import { HeldView } from '../../src/lib/client/held-view';
import type { AnyView } from '../../src/lib/game/view';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/lib/protocol/events';

/**
 * A test's browser: `views` lists every whole view it came to hold from what was pushed to it
 * (whole views and patches, put together as the game's pages do), in order.
 */
export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents> & { views: AnyView[]; held: HeldView; lostPatches: number };

const open: TestClient[] = [];

/**
 * Tells listeners of a view the client came to hold, and notes it on the recorded event that made
 * it: the last pushed event, or the acknowledgement `ack` that carried the update.
 */
function took(socket: TestClient, view: AnyView, ack?: unknown) {
	socket.views.push(view);
	const received = (socket as { received?: { event: string; payload: unknown[]; view?: AnyView }[] }).received;
	if (ack !== undefined) pendingAckViews.set(ack as object, view);
	const last = received?.at(-1);
	if (ack === undefined && last && (last.event === 'view' || last.event === 'patch')) last.view = view;
	for (const listener of viewListeners.get(socket) ?? []) listener(view);
}
const viewListeners = new WeakMap<TestClient, Set<(view: AnyView) => void>>();
/** Views made by updates inside acknowledgements, for the recorder to note beside the answer. */
export const pendingAckViews = new WeakMap<object, AnyView>();

export async function connect(url: string): Promise<TestClient> {
	const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false }) as TestClient;
	socket.views = [];
	socket.held = new HeldView();
	socket.lostPatches = 0;
	viewListeners.set(socket, new Set());
	socket.on('view', (view) => {
		if (socket.held.receive(view)) took(socket, socket.held.view!);
	});
	socket.on('patch', (patch) => {
		const before = socket.held.view;
		// Patches that never find their view (the entry's answer was read around these helpers, as
		// the fuzzing tests do) are counted, not thrown: a test waiting for a view then says so.
		if (socket.held.patch(patch) === 'lost') socket.lostPatches += 1;
		if (socket.held.view !== before) took(socket, socket.held.view!);
	});
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
export async function req(socket: Socket, event: string, payload?: unknown): Promise<any> {
	const res = await socket.timeout(5000).emitWithAck(event, payload);
	// The view in an entry's answer is the one the next patches apply to.
	const client = socket as unknown as Partial<TestClient>;
	const held = client.held;
	if (event === 'enterRoom' && res?.ok && res.view && held) held.receive(res.view);
	// An action's sender finds its own update in the answer, as the game's pages do.
	if (event === 'action' && res?.ok && res.update && held) {
		const before = held.view;
		if (held.update(res.update) === 'lost') client.lostPatches! += 1;
		if (held.view !== before) took(client as TestClient, held.view!, res);
	}
	return res;
}

/** Resolves with the first view (already received or still to come) that satisfies the test. */
export function viewWhere(socket: TestClient, test: (v: AnyView) => boolean, timeout = 5000): Promise<AnyView> {
	const seen = socket.views.findLast(test);
	if (seen) return Promise.resolve(seen);
	return new Promise((resolve, reject) => {
		const listeners = viewListeners.get(socket)!;
		const timer = setTimeout(() => {
			listeners.delete(listener);
			reject(new Error(`no matching view within ${timeout} ms (${socket.lostPatches} patches found no view); last: ${JSON.stringify(socket.views.at(-1))?.slice(0, 300)}`));
		}, timeout);
		const listener = (view: AnyView) => {
			if (!test(view)) return;
			clearTimeout(timer);
			listeners.delete(listener);
			resolve(view);
		};
		listeners.add(listener);
	});
}
