/**
 * The live rooms: each room's state is folded from its stored log on first use and kept in
 * memory; actions of a room are applied one at a time, appended to the store, and only then
 * acknowledged. Actions that queue up in a room while its last ones are being stored are applied
 * one after another and stored together: one write for all of them, each answered once it is
 * stored, and one update to the room's browsers.
 */
import { freeze } from 'immer';
import { apply, createGame } from '../src/lib/game/engine';
import type { Outcome } from '../src/lib/game/outcome';
import { refuse, type Refusal } from '../src/lib/protocol/errors';
import type { Action, Actor, GameConfig, GameState, TimerStep } from '../src/lib/game/types';
import type { Scenario } from '../src/lib/scenario/schema';
import { LeaseLost, RoomDeleted, type Append, type AppliedAction, type RoomRecord, type SeatToken, type SeatTokenChange, type Snapshot, type Store, type Unlinked } from './store/store';
import type { Clock } from './clock';
import { hashToken, newClassId, newRoomCode, newToken, sameHash } from './tokens';
import { randomBytes, randomInt } from 'node:crypto';
import { sealVotes, votesToSeal } from '../src/lib/game/seal';
import { withChunkedHistories } from '../src/lib/game/ballot-history';
import { playLimits } from '../src/lib/game/limits';

/** A pseudonym for one seat in one sealed vote: random, so nothing about the seat can be read back. */
const pseudonym = () => `voter-${randomBytes(6).toString('hex')}`;

/** The actions a snapshot replaced keep their id, to answer a retry, and lose who sent them. */
function forgetActors(room: Room, snapshot: Snapshot) {
	for (const [id, applied] of room.actionIds)
		if ((snapshot.unlinks as string[]).includes(applied.type)) room.actionIds.set(id, { seq: snapshot.seq, type: applied.type });
}

export interface Room {
	code: string;
	state: GameState;
	facilitatorTokenHash: string;
	/** Seat id → the token that holds it (its hash, and the seat-taking action that issued it). */
	seatTokens: Map<string, Omit<SeatToken, 'seat'>>;
	/** Actions and other changes waiting their turn in this room, oldest first. */
	queue: Queued[];
	/** Settles once the queue has run dry: the work queued so far is done. */
	tail: Promise<void>;
	/** Cancels the wake-up armed for the room's running timer. */
	cancelWakeUp: (() => void) | null;
	/** The seat index the next scripted move is looked for from, so bots take turns. */
	botTurn: number;
	/** Client action ids already applied in this room, with what each was. */
	actionIds: Map<string, AppliedAction>;
	/** When the room was last loaded or changed: an idle room leaves memory after a while. */
	lastUsed: number;
	/** Deleted (past keeping, or by its facilitator): every action still queued is refused. */
	deleted: boolean;
	/** Let go because another server now holds its lease (cluster mode): every action still queued is refused. */
	movedAway: boolean;
}

/** What loading a room answers, in cluster mode, while another server holds its lease. */
export const ELSEWHERE = Symbol('served by another server');

/** How long rooms are kept: in memory while in use, in the store until past keeping. */
export interface Keeping {
	/** A room is deleted this long after its last action; null keeps every room. */
	retentionMs: number | null;
	/** A room nobody is in leaves memory after this long, to be loaded again on demand. */
	idleMs: number;
}

export const DEFAULT_KEEPING: Keeping = { retentionMs: 30 * 24 * 60 * 60 * 1000, idleMs: 10 * 60 * 1000 };

/**
 * Why a room left memory: nobody was in it, it was deleted (past keeping, or by its facilitator),
 * or, in cluster mode, this server lost its lease and another serves it now.
 */
export type Unloaded = 'idle' | 'past-keeping' | 'by-facilitator' | 'moved';

/** How often rooms past keeping are looked for, and idle ones let go. */
const SWEEP_EVERY_MS = 60 * 1000;

/** An accepted action's sequence number; a retried action id gets its first answer again, marked duplicate. */
export type Submitted = { ok: true; seq: number; seatToken?: string; duplicate?: true } | Refusal;

type Answer<T> = { resolve: (value: T) => void; reject: (err: unknown) => void };
/** A client's action, or another change to the room (moving a seat) that must not interleave with them. */
type Queued =
	| ({ kind: 'action'; actor: Actor; action: Action; actionId?: string } & Answer<Submitted>)
	| ({ kind: 'task'; run: () => Promise<unknown> } & Answer<unknown>);
type QueuedAction = Extract<Queued, { kind: 'action' }>;

export type GameOptions = Partial<Pick<GameConfig, 'votingRule' | 'ballot' | 'seatCounts' | 'botSeats' | 'autopilot' | 'botsFillEmptySeats' | 'pace' | 'agenda'>> & {
	timers?: Partial<Record<TimerStep, number | null>>;
};

const SYSTEM: Actor = { kind: 'system' };

const gone = (code: string) => refuse('unknown_room', `There is no game with the code ${code} any more: it has been deleted.`, { code, deleted: 'yes' });
/**
 * The answer to an action in a room this server has let go (cluster mode): the browser reconnects,
 * reaches the room's server, and sends the action again with its id.
 */
export const moved = () => refuse('room_moved', 'This game is moving to another server, or its server is reconnecting to its database; trying again in a moment.');

export class Rooms {
	private live = new Map<string, Room>();
	/** Rooms whose queue is being worked through. */
	private running = new Set<Room>();
	/** Told whenever a room changes without a client asking: a timer ran out, a scripted role moved. */
	onChange: (room: Room) => void = () => {};
	/** Told of a fault in one room; the room stays loaded and every other room goes on. */
	onError: (err: unknown, context: string) => void = (err, context) => console.error(context, err);
	/** Whether any browser is in the room: a watched room never leaves memory. */
	isWatched: (code: string) => boolean = () => false;
	/** Told when a room leaves memory — only idle, or deleted and by whom — so nothing else keeps hold of it. */
	onUnload: (code: string, why: Unloaded) => void = () => {};
	private cancelSweep: (() => void) | null = null;
	/** Rooms being deleted: never loaded again meanwhile. */
	private deleting = new Set<string>();
	/** Rooms let go because another server took their lease, until loaded here again: their browsers are told it moved. */
	private letGoOf = new Map<string, number>();
	/** Rooms being loaded from the store, so two browsers entering at once share one load. */
	private loading = new Map<string, Promise<Room | undefined | typeof ELSEWHERE>>();

	constructor(
		private store: Store,
		private scenario: Scenario,
		private clock: Clock,
		private keeping: Keeping = DEFAULT_KEEPING
	) {
		if (store.leases) {
			store.leases.onLost = (code) => this.letGo(code);
			store.leases.onWanted = (code) => void this.handOff(code, 'wanted').catch((err) => this.onError(err, `room ${code} could not be handed over`));
			store.leases.onHomeBack = (code) => void this.handOff(code, 'home').catch((err) => this.onError(err, `room ${code} could not be handed back`));
			store.leases.onUnserved = (code) => void this.takeOver(code).catch((err) => this.onError(err, `room ${code} could not be taken over`));
			store.leases.onDeleted = (code) => this.deletedElsewhere(code);
		}
	}

	/**
	 * Creates a class: `tables` rooms with the same settings, run from one console with one
	 * facilitator key. A single game is a class of one table.
	 */
	async createClass(tables: number, options: GameOptions = {}): Promise<{ classId: string; codes: string[]; facilitatorToken: string }> {
		const d = this.scenario.defaults;
		const facilitatorToken = newToken();
		const facilitatorTokenHash = hashToken(facilitatorToken);
		const createdAt = this.clock.now();
		let classId = newClassId();
		while (await this.store.getClass(classId)) classId = newClassId();
		const codes = new Set<string>();
		while (codes.size < tables) {
			const code = newRoomCode();
			if (!(await this.store.getRoom(code))) codes.add(code);
		}
		const records: RoomRecord[] = [...codes].map((code) => ({
			code,
			classId,
			config: {
				scenarioId: this.scenario.id,
				votingRule: options.votingRule ?? d.votingRule,
				ballot: options.ballot ?? d.ballot,
				seatCounts: options.seatCounts ?? {},
				// Steps the facilitator did not set keep the scenario's timings.
				timers: { ...d.timers, ...Object.fromEntries(Object.entries(options.timers ?? {}).filter(([, v]) => v !== undefined)) },
				// Each table its own deal.
				seed: randomInt(2 ** 31),
				botSeats: options.botSeats ?? [],
				autopilot: options.autopilot ?? false,
				botsFillEmptySeats: options.botsFillEmptySeats ?? false,
				...(options.pace ? { pace: options.pace } : {}),
				...(options.agenda ? { agenda: options.agenda } : {}),
				limits: playLimits(this.scenario)
			},
			facilitatorTokenHash,
			createdAt
		}));
		await this.store.createClass({ id: classId, facilitatorTokenHash, createdAt }, records);
		return { classId, codes: [...codes], facilitatorToken };
	}

	/**
	 * Reloads the rooms played in recently, so their timers run again after a restart without
	 * waiting for someone to reconnect. A room that cannot be replayed is reported and left alone.
	 */
	async resumeActive(since: number): Promise<Room[]> {
		const resumed: Room[] = [];
		for (const code of await this.store.roomsActiveSince(since)) {
			try {
				const room = await this.load(code);
				if (room && room !== ELSEWHERE) resumed.push(room);
			} catch (err) {
				this.onError(err, `room ${code} could not be loaded`);
			}
		}
		return resumed;
	}

	/** The room codes of a class, if the key opens it. */
	async openClass(classId: string, facilitatorToken: string): Promise<string[] | Refusal> {
		const record = await this.store.getClass(classId);
		if (!record) return refuse('unknown_room', `There is no class ${classId}. Check the console link.`);
		if (!sameHash(hashToken(facilitatorToken), record.facilitatorTokenHash))
			return refuse('bad_token', 'This console link is not valid for that class. Use the link shown when the class was created.');
		return this.store.roomsOfClass(classId);
	}

	/** The room with this code if it is in memory (a browser is in it, or it was used lately). */
	get(code: string): Room | undefined {
		const cached = this.live.get(code);
		if (cached) cached.lastUsed = this.clock.now();
		return cached;
	}

	/**
	 * The room with this code, loaded and replayed from the store if it is not in memory yet; in
	 * cluster mode only once this server holds its lease, and ELSEWHERE while another server does.
	 */
	load(code: string, ask = true): Promise<Room | undefined | typeof ELSEWHERE> {
		const cached = this.get(code);
		if (cached) return Promise.resolve(cached);
		if (this.deleting.has(code)) return Promise.resolve(undefined);
		// Two browsers entering at once share one load: a room is replayed once and held once.
		let loading = this.loading.get(code);
		if (!loading) {
			loading = this.replay(code, ask).finally(() => this.loading.delete(code));
			this.loading.set(code, loading);
		}
		return loading;
	}

	/**
	 * Cluster mode: serves a live room no server holds — its server died, or it is coming back
	 * home — though no browser asked for it, so its timer and scripted roles go on. Should another
	 * server take it first, that one serves it, and it is not asked for.
	 */
	async takeOver(code: string): Promise<void> {
		const room = await this.load(code, false);
		if (room && room !== ELSEWHERE) this.changed(room);
	}

	private async replay(code: string, ask: boolean): Promise<Room | undefined | typeof ELSEWHERE> {
		const record = await this.store.getRoom(code);
		if (!record) return undefined;
		const leases = this.store.leases;
		if (leases && !(await leases.claim(code, ask))) return ELSEWHERE;
		try {
			return await this.fold(code, record);
		} catch (err) {
			await leases?.release(code);
			throw err;
		}
	}

	/** Folds the room from its snapshot and log, and holds it in memory with its timer armed. */
	private async fold(code: string, record: RoomRecord): Promise<Room | undefined> {
		// A sealed secret vote or a counted poll answer left a snapshot; the log before it no longer
		// holds their rows.
		const snapshot = await this.store.snapshot(code);
		let state = snapshot ? freeze(withChunkedHistories(snapshot.state), true) : createGame(code, record.config, this.scenario);
		const log = await this.store.log(code, snapshot?.seq);
		for (const entry of log) {
			const outcome = apply(state, entry.action, entry.actor, { now: entry.at, scenario: this.scenario });
			// A logged action was accepted once; if it no longer applies the rules changed underneath it.
			if (!outcome.ok) throw new Error(`room ${code}: logged action ${entry.seq} no longer applies (${outcome.code})`);
			state = outcome.state;
		}
		const seatTokens = new Map<string, Omit<SeatToken, 'seat'>>();
		for (const { seat, ...token } of await this.store.seatTokens(code)) {
			// A token for a seat this table does not have (left by an older version's bug) opens nothing.
			if (state.seats.some((s) => s.id === seat)) seatTokens.set(seat, token);
			else this.onError(new Error(`a stored token names seat "${seat}", which this table does not have; it is ignored`), `room ${code}`);
		}
		const room: Room = {
			code,
			state,
			facilitatorTokenHash: record.facilitatorTokenHash,
			seatTokens,
			queue: [],
			tail: Promise.resolve(),
			cancelWakeUp: null,
			botTurn: 0,
			actionIds: await this.store.actionIds(code),
			lastUsed: this.clock.now(),
			deleted: false,
			movedAway: false
		};
		this.live.set(code, room);
		this.letGoOf.delete(code);
		this.armTimer(room);
		// An older version logged poll answers beside their seat: they are counted into a snapshot now.
		if (log.some((entry) => entry.action.type === 'answerPoll')) {
			const counted: Snapshot = { seq: state.seq, state, unlinks: ['answerPoll'] };
			forgetActors(room, counted);
			this.task(room, () => this.store.keepSnapshot(code, counted)).catch((err) => this.onError(err, `room ${code}: its logged poll answers could not be counted`));
		}
		return room;
	}

	/**
	 * Loads every room whose log still holds poll answers beside their seats, as an older version
	 * kept them, so loading counts them into a snapshot and deletes the rows. Run at start-up.
	 */
	async countLoggedPollAnswers(): Promise<void> {
		for (const code of await this.store.roomsWithLoggedPollAnswers()) {
			try {
				const room = await this.load(code);
				if (room && room !== ELSEWHERE) await this.task(room, async () => {});
			} catch (err) {
				this.onError(err, `room ${code} could not be loaded`);
			}
		}
	}

	/** Works out who a browser is from the tokens it presents. */
	authenticate(room: Room, tokens: { seatToken?: string; facilitatorToken?: string }): Actor | Refusal {
		if (tokens.facilitatorToken) {
			if (!sameHash(hashToken(tokens.facilitatorToken), room.facilitatorTokenHash))
				return refuse('bad_token', 'This facilitator link is not valid for this room. Use the link shown when the game was created.');
			return { kind: 'facilitator' };
		}
		if (tokens.seatToken) {
			const hash = hashToken(tokens.seatToken);
			for (const [seat, stored] of room.seatTokens)
				if (sameHash(hash, stored.hash) && room.state.seats.some((s) => s.id === seat)) return { kind: 'seat', seat };
			return refuse('bad_token', 'Your saved seat is no longer valid in this room. Choose a seat again.');
		}
		return { kind: 'guest' };
	}

	/** Applies an action in the room's queue; resolves once it is stored, or refused. */
	submit(room: Room, actor: Actor, action: Action, actionId?: string): Promise<Submitted> {
		if (room.deleted) return Promise.resolve(gone(room.code));
		if (room.movedAway) return Promise.resolve(moved());
		return new Promise((resolve, reject) => this.enqueue(room, { kind: 'action', actor, action, actionId, resolve, reject }));
	}

	/** Runs a change to the room in its queue, between actions, never beside one. */
	private task<T>(room: Room, run: () => Promise<T>): Promise<T> {
		return new Promise((resolve, reject) => this.enqueue(room, { kind: 'task', run, resolve: resolve as (value: unknown) => void, reject }));
	}

	private enqueue(room: Room, item: Queued) {
		room.queue.push(item);
		// The queue runs until it is empty; only an idle room needs it started, on the next microtask.
		if (this.running.has(room)) return;
		this.running.add(room);
		room.tail = Promise.resolve().then(() => this.runQueue(room));
	}

	/**
	 * Works through the room's queue. Actions waiting together are applied in order, each to the
	 * state the one before it left, and stored in one write; none of them changes the room in
	 * memory, nor is answered, until that write is stored. A failed write refuses them all and
	 * leaves the room as it was.
	 */
	private async runQueue(room: Room): Promise<void> {
		while (room.queue.length > 0) {
			const head = room.queue[0];
			if ((room.deleted || room.movedAway) && head.kind === 'action') {
				room.queue.shift();
				head.resolve(room.deleted ? gone(room.code) : moved());
				continue;
			}
			if (head.kind === 'task') {
				room.queue.shift();
				await head.run().then(head.resolve, head.reject);
				continue;
			}
			const done = head.actionId === undefined ? undefined : room.actionIds.get(head.actionId);
			if (done !== undefined) {
				// A retry of an action already applied (its acknowledgement was lost) is answered, not applied again.
				room.queue.shift();
				await this.retried(room, head.actionId!, done, head.actor, head.action).then(head.resolve, head.reject);
				continue;
			}
			await this.applyTogether(room, this.takeActions(room));
		}
		this.running.delete(room);
	}

	/**
	 * Takes the actions at the head of the queue that can be applied together: up to the first
	 * change of another kind, or a repeat of an action id (answered on its own once the first is stored).
	 */
	private takeActions(room: Room): QueuedAction[] {
		const taken: QueuedAction[] = [];
		const ids = new Set<string>();
		for (const item of room.queue) {
			if (item.kind !== 'action') break;
			if (item.actionId !== undefined) {
				if (ids.has(item.actionId) || (taken.length > 0 && room.actionIds.has(item.actionId))) break;
				ids.add(item.actionId);
			}
			taken.push(item);
		}
		room.queue.splice(0, taken.length);
		return taken;
	}

	private async applyTogether(room: Room, actions: QueuedAction[]): Promise<void> {
		let state = room.state;
		const appends: Append[] = [];
		/** The actions the rules accepted, each with its answer once their write is stored. */
		const accepted: { item: QueuedAction; answer: Submitted }[] = [];
		for (const item of actions) {
			try {
				const at = this.clock.now();
				const outcome = apply(state, item.action, item.actor, { now: at, scenario: this.scenario });
				if (!outcome.ok) {
					item.resolve(outcome);
					continue;
				}
				const { action, actor, actionId } = item;
				// Taking a seat issues its token; freeing one revokes it.
				const seatToken = action.type === 'takeSeat' ? newToken() : undefined;
				const tokenChange =
					action.type === 'takeSeat'
						? { seat: action.seat, hash: hashToken(seatToken!), actionId }
						: action.type === 'releaseSeat'
							? { seat: action.seat, hash: null }
							: undefined;
				// A secret vote this action closed is sealed before anything is stored, and stored as a
				// snapshot; so is a poll answer once counted, whose logged row would name its seat.
				const sealing = votesToSeal(state, outcome.state);
				const next = sealVotes(outcome.state, sealing, pseudonym);
				const unlinks: Unlinked[] = sealing.length > 0 ? ['castVote', 'answerPoll'] : action.type === 'answerPoll' ? ['answerPoll'] : [];
				const snapshot = unlinks.length > 0 ? { seq: next.seq, state: next, unlinks } : undefined;
				appends.push({ entry: { seq: next.seq, actor, action, at, actionId }, tokenChange, snapshot });
				accepted.push({ item, answer: { ok: true, seq: next.seq, ...(seatToken ? { seatToken } : {}) } });
				state = next;
			} catch (err) {
				item.reject(err);
			}
		}
		if (appends.length === 0) return;
		// Stored first: if this fails, the room's state in memory is unchanged and nothing is acknowledged.
		// The room's queue waits meanwhile; other rooms go on, and their changes share the commit.
		try {
			await this.store.append(room.code, appends);
		} catch (err) {
			// Another server deleted the room (its class, from a console there): nothing was stored.
			if (err instanceof RoomDeleted) {
				for (const { item } of accepted) item.resolve(gone(room.code));
				this.deletedElsewhere(room.code);
				return;
			}
			// Another server took the room (this one was paused or cut off past its lease): nothing was
			// stored, and this server lets the room go; its browsers reconnect to the new owner. In
			// cluster mode any other failure is met the same way: the database may have gone away after
			// committing, before answering, so the room is folded from the log again when next entered,
			// and each browser sends its action again with its id, to be applied once.
			if (err instanceof LeaseLost || this.clustered) {
				if (!(err instanceof LeaseLost)) this.onError(err, `room ${room.code}: actions could not be stored; the room is loaded again from the log`);
				for (const { item } of accepted) item.resolve(moved());
				this.letGo(room.code);
				return;
			}
			for (const { item } of accepted) item.reject(err);
			return;
		}
		room.state = state;
		room.lastUsed = this.clock.now();
		for (const { entry, tokenChange, snapshot } of appends) {
			if (entry.actionId !== undefined)
				room.actionIds.set(entry.actionId, {
					seq: entry.seq,
					actor: entry.actor,
					type: entry.action.type,
					...(entry.action.type === 'takeSeat' ? { seat: entry.action.seat } : {})
				});
			// Sealed ballots and counted poll answers answer a retry with the snapshot's number and
			// forget who sent them, as after a restart.
			if (snapshot) forgetActors(room, snapshot);
			if (tokenChange) this.applyTokenChange(room, tokenChange);
		}
		this.armTimer(room);
		for (const { item, answer } of accepted) item.resolve(answer);
	}

	/**
	 * Keeps one wake-up armed for the room's running timer. When it fires, the expiry goes through
	 * the same queue, engine and store as any action; the engine refuses it if it is not yet due
	 * (the timer was extended meanwhile), and a fresh wake-up is armed.
	 */
	private armTimer(room: Room) {
		room.cancelWakeUp?.();
		room.cancelWakeUp = null;
		const timer = room.state.timer;
		if (!timer || room.state.paused || room.deleted || room.movedAway) return;
		room.cancelWakeUp = this.clock.wakeAt(timer.endsAt, () => {
			room.cancelWakeUp = null;
			this.submit(room, SYSTEM, { type: 'expireTimer' }).then(
				(result) => (result.ok ? this.changed(room) : this.armTimer(room)),
				(err) => this.onError(err, `room ${room.code}: timer expiry failed`)
			);
		});
	}

	/**
	 * Tells the server a room changed on its own (a timer, a scripted role). A fault while bringing
	 * its browsers up to date is logged and stays with that room: nothing a room holds can stop the
	 * process, and with it every other class.
	 */
	changed(room: Room) {
		try {
			this.onChange(room);
		} catch (err) {
			this.onError(err, `room ${room.code}: could not send the change`);
		}
	}

	/** Resolves once every action queued in the room so far has been applied and stored (or refused). */
	settled(room: Room): Promise<void> {
		return room.tail;
	}

	/** Resolves once every action queued in any room has been applied and stored (or refused). */
	async drain(): Promise<void> {
		// An action can queue another behind it (a timer expiry); wait until no queue has grown.
		for (;;) {
			const tails = new Map([...this.live.values()].map((room) => [room, room.tail]));
			await Promise.all(tails.values());
			if ([...this.live.values()].every((room) => tails.get(room) === room.tail)) return;
		}
	}

	/** Cancels every armed wake-up, for shutdown. */
	stopTimers() {
		this.cancelSweep?.();
		this.cancelSweep = null;
		for (const room of this.live.values()) room.cancelWakeUp?.();
	}

	/**
	 * Deletes the class's rooms at its facilitator's word, everything about them at once; its codes
	 * are unknown from then on.
	 */
	async deleteClass(classId: string, facilitatorToken: string): Promise<{ ok: true; codes: string[] } | Refusal> {
		const codes = await this.openClass(classId, facilitatorToken);
		if (!Array.isArray(codes)) return codes;
		await this.delete(codes, 'by-facilitator');
		return { ok: true, codes };
	}

	/**
	 * Deletes rooms from the store and from memory. A loaded room is closed in its own queue, so
	 * the actions queued before are stored first (then deleted with the rest) and any after refused.
	 */
	async delete(codes: string[], why: Exclude<Unloaded, 'idle'>): Promise<void> {
		for (const code of codes) this.deleting.add(code);
		try {
			const closing = codes.flatMap((code) => {
				const room = this.live.get(code);
				return room ? [this.task(room, async () => this.close(room))] : [];
			});
			await Promise.all(closing);
			await this.store.deleteRooms(codes);
		} finally {
			for (const code of codes) this.deleting.delete(code);
		}
		for (const code of codes) {
			this.letGoOf.delete(code);
			this.onUnload(code, why);
		}
	}

	/**
	 * Cluster mode: another server deleted a room this one serves (its class, from a console there;
	 * a room past keeping is deleted by the server serving it). It is closed as if deleted here:
	 * what is still queued is refused, and its browsers are told.
	 */
	deletedElsewhere(code: string) {
		const room = this.live.get(code);
		if (!room || room.deleted) return;
		this.close(room);
		this.letGoOf.delete(code);
		this.onUnload(code, 'by-facilitator');
	}

	/**
	 * Lets go of a room whose lease this server lost: its timer stops, what is still queued in it is
	 * refused, and it leaves memory at once, so nothing here acts for it while another server does.
	 */
	letGo(code: string) {
		const room = this.live.get(code);
		if (room && !room.movedAway) this.moveAway(room, true);
	}

	/** Stops serving a room here: its timer stops, what is still queued is refused, its browsers (if any) are sent on. */
	private moveAway(room: Room, watched: boolean) {
		room.movedAway = true;
		room.cancelWakeUp?.();
		room.cancelWakeUp = null;
		this.live.delete(room.code);
		if (watched) this.letGoOf.set(room.code, this.clock.now());
		this.onUnload(room.code, watched ? 'moved' : 'idle');
	}

	/** Whether rooms are shared with other servers (cluster mode), each served where it holds its lease. */
	get clustered(): boolean {
		return this.store.leases !== undefined;
	}

	/**
	 * Cluster mode: lets go of a room, releasing its lease, so that it is served by another server.
	 * It drains as a server shutting down does: what is queued in it before is stored first, what
	 * comes after is answered `room_moved`, its browsers here are sent on (they reconnect through
	 * the proxy), and its timer and scripted roles go on where it is loaded next. Why:
	 * - `left`: its last browser here left; it is served wherever its browsers are next (a room
	 *   with a browser here stays);
	 * - `wanted`: another server asked for it, as the proxy sends its browsers there now;
	 * - `home`: this server stood in for the room's home server, which is back and takes it at once.
	 */
	async handOff(code: string, why: 'left' | 'wanted' | 'home' = 'left'): Promise<void> {
		const room = this.live.get(code);
		const leases = this.store.leases;
		if (!room || !leases) return;
		await this.task(room, async () => {
			const watched = this.isWatched(code);
			if ((watched && why === 'left') || room.movedAway || room.deleted) return;
			this.moveAway(room, watched);
			await leases.release(code, why === 'home' ? 'home' : 'elsewhere');
		});
	}

	/** Stops a room's timer and marks it deleted, so what is still queued in it is refused. */
	private close(room: Room) {
		room.deleted = true;
		room.cancelWakeUp?.();
		room.cancelWakeUp = null;
		this.live.delete(room.code);
	}

	/**
	 * Starts looking, now and every minute, for rooms past keeping (deleted) and rooms nobody has
	 * been in for a while (let go from memory, loaded again when someone comes back).
	 */
	startSweeping() {
		const sweep = () => void this.sweep().catch((err) => this.onError(err, 'rooms past keeping could not be deleted'));
		sweep();
		// On the machine's own clock, not the game's: it keeps the rooms, it times nothing in them.
		const every = setInterval(sweep, SWEEP_EVERY_MS).unref();
		this.cancelSweep = () => clearInterval(every);
	}

	/** One look: deletes rooms past keeping, lets idle ones go. */
	async sweep(): Promise<void> {
		const now = this.clock.now();
		// Browsers of a room let go reconnected long since: it need not be remembered.
		for (const [code, at] of this.letGoOf) if (now - at > this.keeping.idleMs) this.letGoOf.delete(code);
		for (const room of [...this.live.values()]) {
			if (now - room.lastUsed < this.keeping.idleMs || this.running.has(room) || room.queue.length > 0) continue;
			if (this.isWatched(room.code)) continue;
			// Its timer and scripted roles stop with it; a timer that ran out meanwhile is applied
			// when the room is loaded again, as after a restart.
			room.cancelWakeUp?.();
			this.live.delete(room.code);
			this.onUnload(room.code, 'idle');
			// Another server may take the room at once should a browser of it reach that one.
			await this.store.leases?.release(room.code, 'idle');
		}
		if (this.keeping.retentionMs === null) return;
		const expired = await this.store.roomsIdleSince(now - this.keeping.retentionMs);
		if (expired.length > 0) await this.delete(expired, 'past-keeping');
	}

	/** How many days a room is kept after its last action; null when rooms are kept for good. */
	get retentionDays(): number | null {
		return this.keeping.retentionMs === null ? null : Math.round(this.keeping.retentionMs / (24 * 60 * 60 * 1000));
	}

	/** Whether this server let the room go to another (cluster mode) and has not loaded it since. */
	hasMoved(code: string): boolean {
		return this.letGoOf.has(code);
	}

	/** How many rooms are in memory now. */
	get loaded(): number {
		return this.live.size;
	}

	/**
	 * Answers a retried action id with its first answer and nothing more. An id reused for
	 * something else is refused, never silently "accepted".
	 *
	 * Every guest is the same actor, so a seat-taking retry proves nothing about who sends it: it
	 * hands back the seat the action took — never another — and only while the token that action
	 * issued still holds it (not after the facilitator freed the seat or moved it to another
	 * device), never through a lock. The first answer's token was lost with it and only its hash
	 * is kept, so the retry gets a fresh token in its place.
	 */
	private async retried(room: Room, actionId: string, done: AppliedAction, actor: Actor, action: Action): Promise<Submitted> {
		// A sealed ballot's voter is not kept: its id alone answers a retry, which changes nothing.
		if (done.type !== action.type || (done.actor !== undefined && JSON.stringify(done.actor) !== JSON.stringify(actor)))
			return refuse('bad_payload', 'That action id was already used for a different action; send each action with a new id.');
		if (action.type !== 'takeSeat') return { ok: true, seq: done.seq, duplicate: true };
		if (action.seat !== done.seat)
			return refuse('bad_payload', 'That action id was already used to take another seat; send each action with a new id.');
		if (!room.state.seats.some((s) => s.id === action.seat)) return refuse('unknown_seat', `There is no seat "${action.seat}" at this table.`);
		if (room.state.locked) return refuse('room_locked', 'The facilitator has locked this room: no one new can take a seat. Ask them to unlock it.');
		if (room.seatTokens.get(action.seat)?.actionId !== actionId)
			return refuse('seat_taken', 'That seat is no longer yours: the facilitator freed it or moved it to another device. Choose a free seat.');
		const seatToken = newToken();
		const change = { seat: action.seat, hash: hashToken(seatToken), actionId };
		await this.store.setSeatToken(room.code, change);
		this.applyTokenChange(room, change);
		return { ok: true, seq: done.seq, seatToken, duplicate: true };
	}

	private applyTokenChange(room: Room, change: SeatTokenChange) {
		if (change.hash === null) room.seatTokens.delete(change.seat);
		else room.seatTokens.set(change.seat, { hash: change.hash, ...(change.actionId === undefined ? {} : { actionId: change.actionId }) });
	}

	/**
	 * Moves a seat to another device: a fresh token replaces the old one, which stops working.
	 * Runs in the room's queue so it cannot interleave with the seat's own actions.
	 */
	reissueSeat(room: Room, seatId: string): Promise<{ ok: true; seatToken: string } | Refusal> {
		return this.task(room, async () => {
			const seat = room.state.seats.find((s) => s.id === seatId);
			if (!seat) return refuse('unknown_seat', `There is no seat "${seatId}" at this table.`);
			if (seat.player === null) return refuse('seat_empty', 'Nobody is sitting in that seat; share the join link instead.');
			const seatToken = newToken();
			const change = { seat: seatId, hash: hashToken(seatToken) };
			await this.store.setSeatToken(room.code, change);
			this.applyTokenChange(room, change);
			return { ok: true as const, seatToken };
		});
	}
}
