/**
 * One browser's live view of a table: the view the server last sent, who is connected, and the
 * state of the connection. Pages read it; its methods send intents and return the server's answer.
 */
import type { AnyView } from '../game/view';
import type { Action } from '../protocol/actions';
import type { Refusal } from '../protocol/errors';
import type { Ack, ServerToClientEvents } from '../protocol/events';
import { HeldView, type PatchOutcome } from './held-view';
import { baseLocale, getLocale } from '../i18n/paraglide/runtime';
import { localizeView } from './localize';
import { reference } from './reference.svelte';
import { connectToGame, request, type GameSocket } from './socket';
import { ownPoll, saved } from './storage';

export type Connection = 'connecting' | 'connected' | 'reconnecting';

/** How long a patch may wait for the view it applies to before the room is entered afresh. */
const PATCH_WAIT_MS = 3000;
/** How long to wait before entering again a room that is moving to another server (cluster mode). */
const ROOM_MOVING_WAIT_MS = 1000;

/** 16 random bytes as hex: works on plain-http classroom networks, where crypto.randomUUID does not. */
function newActionId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class Table {
	/** The server's latest view for this browser, in the scenario's English; null until the room is entered. */
	private received = $state<AnyView | null>(null);
	/**
	 * That view in the page's language: what pages show. A page in another language waits for its
	 * words (a moment, asked for at once) rather than flash the English first; if they cannot be
	 * had, it shows the English.
	 */
	readonly view = $derived(
		this.received && (getLocale() === baseLocale || reference.current || reference.settled) ? localizeView(this.received, reference.current) : null
	);
	/** Seat ids with a browser connected right now. */
	connectedSeats = $state<string[]>([]);
	connection = $state<Connection>('connecting');
	/** Why the room could not be entered (wrong code, bad link), shown in place of the table. */
	entryError = $state<Refusal | null>(null);
	/** Server clock minus this device's clock, so timers count down the same everywhere. */
	clockOffset = $state(0);
	/**
	 * What the server told this browser about its own standing (its seat moved to another device,
	 * or freed by the facilitator). The saved seat token is forgotten; the page shows the message
	 * and, with the spectator view that follows, the seat picker. Clear it with dismissNotice().
	 */
	notice = $state<Parameters<ServerToClientEvents['notice']>[0] | null>(null);

	readonly code: string;
	/** The plain view behind `view`, which patches are applied to. */
	private held = new HeldView();
	private socket: GameSocket;
	private facilitatorToken: string | undefined;
	private spectator: boolean;

	/**
	 * options.facilitatorToken enters as the facilitator; options.spectator enters as a watcher
	 * even when this browser holds a seat in the room (the projector must never show a seat's secrets).
	 */
	constructor(code: string, options: { facilitatorToken?: string; spectator?: boolean } = {}) {
		this.code = code;
		this.facilitatorToken = options.facilitatorToken;
		this.spectator = options.spectator ?? false;
		this.socket = connectToGame(this.code);
		// A page in another language words the table from the reference texts in that language.
		if (getLocale() !== baseLocale) void reference.load();
		this.socket.on('connect', () => this.enter());
		this.socket.on('notice', (notice) => {
			// A seat opened in another tab of this browser keeps its token: that tab uses it too.
			if (notice.code !== 'seat_opened_elsewhere') {
				saved.forget('seat', this.code);
				ownPoll.forget(this.code);
			}
			if (notice.code === 'room_deleted') {
				// Nothing of a deleted room stays on the page either: not the brief, not the table.
				this.socket.disconnect();
				this.held = new HeldView();
				this.received = null;
				this.entryError = { ok: false, code: 'unknown_room', message: notice.message, params: { code: this.code, deleted: 'yes', ...notice.params } };
				return;
			}
			this.notice = notice;
		});
		this.socket.on('disconnect', () => (this.connection = 'reconnecting'));
		this.socket.on('view', (view, serverTime) => {
			this.clockOffset = serverTime - Date.now();
			// Views arrive in order, but an ack's view may race a broadcast: keep the newest.
			if (this.held.receive(view)) this.received = this.held.view;
		});
		this.socket.on('patch', (patch, serverTime) => {
			this.clockOffset = serverTime - Date.now();
			this.take(this.held.patch(patch));
		});
		this.socket.on('presence', (seats) => (this.connectedSeats = seats));
	}

	/** Shows the held view once a patch or view has changed it; recovers when patches lose their view. */
	private take(outcome: PatchOutcome) {
		if (outcome === 'applied') this.received = this.held.view;
		// A patch whose view never came: start again from a whole view.
		else if (outcome === 'lost') this.enter();
		else if (outcome === 'waiting') setTimeout(() => this.held.behind && this.enter(), PATCH_WAIT_MS);
	}

	/** Enters the room on every (re)connect, presenting whatever token this browser holds. */
	private async enter(): Promise<void> {
		const seatToken = this.facilitatorToken || this.spectator ? undefined : saved.get('seat', this.code);
		const res = await request(this.socket, 'enterRoom', {
			code: this.code,
			seatToken,
			facilitatorToken: this.facilitatorToken,
			lastSeq: this.received?.seq
		});
		if (!res.ok && res.code === 'bad_token' && seatToken) {
			// The saved seat is gone (e.g. another server's room): drop it and watch as a guest.
			saved.forget('seat', this.code);
			return this.enter();
		}
		if (!res.ok && res.code === 'room_moved') {
			// The room is changing servers: its new server takes it within a few seconds.
			await new Promise((resolve) => setTimeout(resolve, ROOM_MOVING_WAIT_MS));
			return this.enter();
		}
		if (!res.ok) {
			this.entryError = res;
			this.connection = 'connected';
		} else {
			this.entryError = null;
			this.clockOffset = res.serverTime - Date.now();
			if (this.held.receive(res.view)) this.received = this.held.view;
			this.connection = 'connected';
		}
		for (const resolve of this.enteredWaiters.splice(0)) resolve();
	}

	/** Resolves once the room has been entered again after a reconnect. */
	private enteredWaiters: (() => void)[] = [];
	private whenEntered(): Promise<void> {
		return new Promise((resolve) => this.enteredWaiters.push(resolve));
	}

	/**
	 * Sends an action with an id of its own. If the server does not answer (the connection
	 * dropped), it is sent once more with the same id after reconnecting: the server applies an id
	 * once, so a vote cast just before a drop is neither lost nor doubled.
	 */
	async act(action: Action): Promise<Ack<{ seq: number }>> {
		const payload = { ...action, actionId: newActionId() };
		// While the connection is down the room is entered again first: an action sent now would be
		// sent on reconnecting, ahead of the entry, and refused as from outside the room.
		if (this.connection === 'reconnecting') await this.whenEntered();
		let res = await request(this.socket, 'action', payload);
		// Unanswered because the connection dropped, or refused because the room was moving servers.
		if (!res.ok && ((res.code === 'internal' && !this.socket.connected) || res.code === 'room_moved')) {
			// The room is entered again first, so the retry comes from the same seat.
			await this.whenEntered();
			res = await request(this.socket, 'action', payload);
		}
		if (res.ok && res.seatToken) {
			saved.set('seat', this.code, res.seatToken);
			this.notice = null;
		}
		// This browser's own update comes in the answer rather than as a message of its own.
		if (res.ok && res.update) this.take(this.held.update(res.update));
		return res;
	}

	/** Sends an action and answers null when accepted, or the server's refusal to show the user. */
	async attempt(action: Action): Promise<Refusal | null> {
		const res = await this.act(action);
		return res.ok ? null : res;
	}

	dismissNotice() {
		this.notice = null;
	}

	/** The server's clock, now. */
	serverNow() {
		return Date.now() + this.clockOffset;
	}

	close() {
		this.socket.disconnect();
	}
}
