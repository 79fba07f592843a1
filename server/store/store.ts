/** What the server needs from storage: rooms, their append-only action logs, and seat tokens. */
import type { Action, Actor, GameConfig, GameState } from '../../src/lib/game/types';
import type { SharedLimiters } from '../limits';

/** A class: tables created together and run from one console with one facilitator key. */
export interface ClassRecord {
	id: string;
	facilitatorTokenHash: string;
	createdAt: number;
}

export interface RoomRecord {
	code: string;
	classId: string | null;
	config: GameConfig;
	facilitatorTokenHash: string;
	createdAt: number;
}

/** One accepted action, as appended to a room's log. */
export interface LoggedAction {
	seq: number;
	actor: Actor;
	action: Action;
	at: number;
	/** The id the client gave the action, so a retry is recognised and applied once. */
	actionId?: string;
}

/** One accepted action to append, with what it changes beside the log. */
export interface Append {
	entry: LoggedAction;
	tokenChange?: SeatTokenChange;
	snapshot?: Snapshot;
}

/** A seat's token set (a player sat down, or the seat moved device) or revoked (hash null). */
export interface SeatTokenChange {
	seat: string;
	hash: string | null;
	/**
	 * The id of the seat-taking action that issued the token: a retry of that action may hand the
	 * seat back only while this token still holds it. None once the facilitator moved the seat.
	 */
	actionId?: string;
}

/** The token that holds a seat, as stored. */
export interface SeatToken {
	seat: string;
	hash: string;
	actionId?: string;
}

/** What a client action id was used for, so a retry can be told from a reuse. */
export interface AppliedAction {
	seq: number;
	/** Who sent it; not kept for a sealed ballot, whose voter nothing may remember. */
	actor?: Actor;
	type: Action['type'];
	/** The seat a seat-taking action took: its retry may take that seat and no other. */
	seat?: string;
}

/** The kinds of action whose logged rows a snapshot replaces: each would tie a seat to a secret. */
export type Unlinked = Extract<Action['type'], 'castVote' | 'answerPoll'>;

/**
 * A room's whole state at one sequence number, written when a secret vote is sealed or an
 * opinion-poll answer counted. Loading a room starts from its latest snapshot and applies only the
 * actions logged after it.
 */
export interface Snapshot {
	seq: number;
	state: GameState;
	/** The actions whose rows up to `seq` this snapshot replaces, to be deleted with it. */
	unlinks: Unlinked[];
}

/**
 * A read's answer: at once from the embedded SQLite file, whose reads stay synchronous (they are
 * made on the server's thread, and a room's actions never wait on one), or later from PostgreSQL.
 * Callers await it either way.
 */
export type Read<T> = T | Promise<T>;

/**
 * Changes resolve once committed (synced to disk as the store is set up to); reads see every committed change.
 * `leases` is there only in cluster mode, where several servers share one database (leases.ts).
 */
export interface Store {
	/** Stores a class with its rooms, in one transaction. */
	createClass(record: ClassRecord, rooms: RoomRecord[]): Promise<void>;
	getClass(id: string): Read<ClassRecord | undefined>;
	/** The room codes of a class, in the order they were created. */
	roomsOfClass(id: string): Read<string[]>;
	getRoom(code: string): Read<RoomRecord | undefined>;
	/**
	 * Appends accepted actions of one room, in order and in one transaction: all are stored or
	 * none. A change of seat token an action causes is written with it, so a crash can never leave
	 * a taken seat without its token or the reverse.
	 *
	 * With a snapshot (the action closed a secret vote, whose ballots the snapshot holds under
	 * pseudonyms, or answered the poll, which the snapshot holds as counts), the same transaction
	 * stores it and deletes every logged row up to it of the kinds it replaces, so no stored row
	 * ties a seat to a secret ballot or a poll answer. Their client action ids are kept as a bare
	 * set — no actor, no sequence number, no order — so a late retry is still answered as a duplicate.
	 */
	append(code: string, appends: Append[]): Promise<void>;
	/** Sets or revokes a seat's token outside any game action (moving a seat to another device). */
	setSeatToken(code: string, change: SeatTokenChange): Promise<void>;
	/** Stores a snapshot outside any game action (a room logged by an older version), deleting the rows it replaces. */
	keepSnapshot(code: string, snapshot: Snapshot): Promise<void>;
	/** The room's latest snapshot, if a secret vote has been sealed or the poll answered. */
	snapshot(code: string): Read<Omit<Snapshot, 'unlinks'> | undefined>;
	/** Rooms whose log still holds poll answers beside their seats, as versions before snapshots kept them. */
	roomsWithLoggedPollAnswers(): Read<string[]>;
	/** The logged actions after sequence number `after` (all of them by default), in order. */
	log(code: string, after?: number): Read<LoggedAction[]>;
	/**
	 * The client action ids a room has accepted: the sequence number, actor and type of each.
	 * An action a snapshot replaced reports the snapshot's sequence number and no actor.
	 */
	actionIds(code: string): Read<Map<string, AppliedAction>>;
	/** Rooms with an action at or after `at`: the ones worth reloading after a restart. */
	roomsActiveSince(at: number): Read<string[]>;
	/**
	 * Rooms whose last action (or, with none, their creation) came before `at`: past keeping. In
	 * cluster mode, not those another server serves now: that one deletes them itself, and tells
	 * their browsers why.
	 */
	roomsIdleSince(at: number): Read<string[]>;
	/**
	 * Deletes rooms and everything about them — log, snapshot, seat tokens, unlinked action ids —
	 * and each class left with no room, in one transaction; the freed pages are overwritten and
	 * the write-ahead log truncated, so nothing of them stays in the file.
	 */
	deleteRooms(codes: string[]): Promise<void>;
	seatTokens(code: string): Read<SeatToken[]>;
	/** Lets every change sent commit, then closes the file (or, in cluster mode, lets go of every lease and disconnects). */
	close(): Promise<void>;
	/** Who serves which room, when several servers share the store; absent for the embedded file, which one server owns. */
	leases?: RoomLeases;
	/** Rate-limit counters every server shares, when several share the store. */
	sharedLimiters?: SharedLimiters;
}

/**
 * Why a room's lease is let go. `idle`: nobody is in the room; it is taken again when someone
 * opens it, by the server that becomes its home. `elsewhere`: it is to be served wherever its
 * browsers are next, whose server becomes its home (or, with none, by the first server to find it
 * unserved). `home`: it goes back to its home server, which takes it at once.
 */
export type Release = 'idle' | 'elsewhere' | 'home';

/**
 * One owner per room across servers: a server serves a room only while it holds the room's lease,
 * and the store refuses its appends to a room (in the same transaction) once it no longer does.
 */
export interface RoomLeases {
	/**
	 * Takes the room's lease, or renews it if held; false while another server holds it, which is
	 * then asked to hand the room over (its browsers are being sent here) unless `ask` is false.
	 */
	claim(code: string, ask?: boolean): Promise<boolean>;
	/** Lets go of the room's lease (idle unless told why), so another server may take it at once. */
	release(code: string, why?: Release): Promise<void>;
	/** Told when a lease was lost (not renewed in time, or taken over): the room must be let go. */
	onLost: (code: string) => void;
	/** Told when another server asked for a room whose lease this one holds: the room should be handed over. */
	onWanted: (code: string) => void;
	/** Told when the home server of a room this one stands in for is back: the room should be handed back. */
	onHomeBack: (code: string) => void;
	/** Told of a live room no server holds that this one should take (its server died, or it came home). */
	onUnserved: (code: string) => void;
	/** Told when a room whose lease this server held was deleted by another server (its class deleted from a console there). */
	onDeleted: (code: string) => void;
}

/** A change refused because another server deleted the room meanwhile: nothing of it is left to serve. */
export class RoomDeleted extends Error {
	constructor(readonly room: string) {
		super(`room ${room}: deleted by another server`);
		this.name = 'RoomDeleted';
	}
}

/** An append refused because this server no longer holds the room's lease: another may be serving it. */
export class LeaseLost extends Error {
	constructor(readonly room: string) {
		super(`room ${room}: this server no longer holds its lease; another server serves it`);
		this.name = 'LeaseLost';
	}
}
