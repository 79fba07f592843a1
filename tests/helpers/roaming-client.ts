/**
 * A test's browser in one room, behaving as the game's pages do (src/lib/client/table.svelte.ts)
 * when servers come and go: it names its room in the handshake (so a proxy routes it), reconnects
 * after a drop, enters the room again with its token each time — waiting while the room moves to
 * another server — and sends an unanswered action again, with the same action id, once back in.
 */
import { io, type Socket } from 'socket.io-client';
import { HeldView } from '../../src/lib/client/held-view';
import type { AnyView } from '../../src/lib/game/view';
import type { Action } from '../../src/lib/protocol/actions';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/lib/protocol/events';

/** How long an unanswered request waits before the browser takes it as lost. */
const ANSWER_WAIT_MS = 3000;
/** How long opening a room may take, moves between servers included, before a test gives up. */
const ENTRY_WAIT_MS = 20_000;
/** How long a browser waits before entering a moving room again. */
const MOVING_WAIT_MS = 200;

type Answer = { ok: boolean; code?: string; seq?: number; seatToken?: string; duplicate?: boolean; [key: string]: unknown };

let nextId = 0;
const open = new Set<RoamingClient>();

export class RoamingClient {
	readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
	readonly held = new HeldView();
	/** When each entry (the first, and each after a reconnect) succeeded, in ms since the epoch. */
	readonly entries: number[] = [];
	/** When the connection last dropped. */
	droppedAt: number | null = null;
	/** The notices the servers sent this browser (a room deleted, a seat moved), oldest first. */
	readonly notices: { code: string; params?: Record<string, unknown> }[] = [];
	/** Why the room could not be entered, if it could not (a test fails with it). */
	failure: Error | null = null;
	private inRoom = false;
	private waiters: (() => void)[] = [];
	private closed = false;

	private constructor(
		url: string,
		readonly code: string,
		private tokens: { seatToken?: string; facilitatorToken?: string }
	) {
		this.socket = io(url, { query: { room: code }, transports: ['websocket'], forceNew: true, reconnectionDelay: 100, reconnectionDelayMax: 400 });
		this.socket.on('connect', () => void this.enter().catch((err) => (this.failure = err)));
		this.socket.on('disconnect', () => {
			this.inRoom = false;
			this.droppedAt = Date.now();
		});
		this.socket.on('notice', (notice) => this.notices.push(notice));
		this.socket.on('view', (view) => this.held.receive(view));
		this.socket.on('patch', (patch) => {
			if (this.held.patch(patch) === 'lost') void this.enter().catch((err) => (this.failure = err));
		});
		open.add(this);
	}

	/** Opens the room in a new browser and resolves once it is in. */
	static async open(url: string, code: string, tokens: { seatToken?: string; facilitatorToken?: string } = {}): Promise<RoamingClient> {
		const client = new RoamingClient(url, code, tokens);
		let timer: NodeJS.Timeout | undefined;
		const timeout = new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(client.failure ?? new Error(`${code} was not entered within ${ENTRY_WAIT_MS} ms`)), ENTRY_WAIT_MS);
		});
		try {
			await Promise.race([client.whenInRoom(), timeout]);
		} catch (err) {
			client.close();
			throw err;
		} finally {
			clearTimeout(timer);
		}
		return client;
	}

	get view(): AnyView | null {
		return this.held.view;
	}

	/** Sends an action; resends it with the same id until it is answered by a server that holds the room. */
	async act(action: Action, deadlineMs = 30_000): Promise<Answer> {
		const payload = { ...action, actionId: `roam-${process.pid}-${++nextId}` };
		const deadline = Date.now() + deadlineMs;
		for (;;) {
			if (Date.now() > deadline) throw new Error(`${action.type} was never answered`);
			await this.whenInRoom();
			const res = await this.request('action', payload);
			if (res && !(res.ok === false && res.code === 'room_moved')) {
				if (res.ok && res.seatToken) this.tokens.seatToken = res.seatToken;
				if (res.ok && res.update) this.held.update(res.update as never);
				return { ...res, actionId: payload.actionId };
			}
			// Lost with the connection, or refused by a server letting the room go: back in, then again.
			if (res) this.inRoom = false;
			await new Promise((resolve) => setTimeout(resolve, MOVING_WAIT_MS));
		}
	}

	whenInRoom(): Promise<void> {
		if (this.inRoom) return Promise.resolve();
		return new Promise((resolve) => this.waiters.push(resolve));
	}

	close() {
		this.closed = true;
		open.delete(this);
		this.socket.disconnect();
	}

	static closeAll() {
		for (const client of [...open]) client.close();
	}

	private async enter(): Promise<void> {
		while (!this.closed && this.socket.connected) {
			const res = await this.request('enterRoom', { code: this.code, ...this.tokens, lastSeq: this.held.view?.seq });
			if (res?.ok) {
				this.held.receive(res.view as never);
				this.inRoom = true;
				this.entries.push(Date.now());
				for (const resolve of this.waiters.splice(0)) resolve();
				return;
			}
			if (res && res.code !== 'room_moved') throw new Error(`could not enter ${this.code}: ${res.code}`);
			await new Promise((resolve) => setTimeout(resolve, MOVING_WAIT_MS));
		}
	}

	/** One request; null when no answer came (the connection dropped, or the server is gone). */
	private async request(event: 'action' | 'enterRoom', payload: unknown): Promise<Answer | null> {
		if (!this.socket.connected) return null;
		try {
			return await (this.socket.timeout(ANSWER_WAIT_MS) as unknown as Socket).emitWithAck(event, payload);
		} catch {
			return null;
		}
	}
}
