/**
 * The embedded store: one SQLite file in WAL mode. Changes are committed in groups and each
 * resolves once committed, so an acknowledged vote survives the server being killed; the log is
 * synced to disk within `syncEveryMs` (100 ms by default), or before each change resolves with 0
 * (log-sync.ts). Reads are made on the server's own thread and see every committed change.
 *
 * Where the commits run: a writer thread keeps the server's thread free while the disk works,
 * which pays on a machine with cores to spare; on one with two or fewer, the extra thread only
 * competes with the server's own for a core, and committing inline at the end of each event-loop
 * turn is faster (bench/load.ts: p99 12–14 ms inline against 27–29 ms with the thread, on two cores).
 */
import { availableParallelism } from 'node:os';
import { DEFAULT_SYNC_EVERY_MS, type WriterChoice } from '../config';
import { openDatabase } from './schema';
import type { Action } from '../../src/lib/game/types';
import type { AppliedAction, Store, Unlinked } from './store';
import { InlineWriter } from './inline-writer';
import { Writer } from './writer';

type Reads = 'getClass' | 'roomsOfClass' | 'getRoom' | 'snapshot' | 'roomsWithLoggedPollAnswers' | 'log' | 'actionIds' | 'roomsActiveSince' | 'roomsIdleSince' | 'seatTokens';

/** The embedded store answers every read at once, on the server's thread. */
export type SqliteStore = Omit<Store, Reads> & { [K in Reads]: (...args: Parameters<Store[K]>) => Awaited<ReturnType<Store[K]>> };

export function openSqliteStore(file: string, options: { writer?: WriterChoice; syncEveryMs?: number } = {}): SqliteStore {
	const db = openDatabase(file);
	const choice = options.writer ?? 'auto';
	const syncEveryMs = options.syncEveryMs ?? DEFAULT_SYNC_EVERY_MS;
	const inline = choice === 'inline' || (choice === 'auto' && availableParallelism() <= 2);
	const writer = inline ? new InlineWriter(db, syncEveryMs) : new Writer(file, syncEveryMs);

	const selectClass = db.prepare<[string], { id: string; facilitator_token_hash: string; created_at: number }>('select * from classes where id = ?');
	const selectClassRooms = db.prepare<[string], { code: string }>('select code from rooms where class_id = ? order by rowid');
	const selectRoom = db.prepare<
		[string],
		{ code: string; class_id: string | null; config: string; facilitator_token_hash: string; created_at: number }
	>('select * from rooms where code = ?');
	const selectActionIds = db.prepare<[string], { action_id: string; seq: number; actor: string; action: string }>(
		'select action_id, seq, actor, action from actions where room = ? and action_id is not null'
	);
	const selectLog = db.prepare<[string, number], { seq: number; actor: string; action: string; at: number; action_id: string | null }>(
		'select seq, actor, action, at, action_id from actions where room = ? and seq > ? order by seq'
	);
	const selectSnapshot = db.prepare<[string], { seq: number; state: string }>('select seq, state from snapshots where room = ?');
	const selectRoomsWithPollAnswers = db.prepare<[], { room: string }>('select room from rooms_with_logged_poll_answers');
	const selectUnlinkedActionIds = db.prepare<[string], { action_id: string; type: Unlinked }>(
		'select action_id, type from unlinked_action_ids where room = ?'
	);
	const selectActive = db.prepare<[number], { room: string }>('select distinct room from actions where at >= ?');
	// A room's last action is the one with its highest sequence number, found through the log's key
	// rather than by reading every action: this runs every minute on the server's thread.
	const selectIdle = db.prepare<[number], { code: string }>(
		'select code from rooms where coalesce((select at from actions where room = rooms.code order by seq desc limit 1), created_at) < ?'
	);
	const selectTokens = db.prepare<[string], { seat: string; token_hash: string; action_id: string | null }>(
		'select seat, token_hash, action_id from seat_tokens where room = ?'
	);

	return {
		createClass(record, rooms) {
			return writer.write({ op: 'createClass', record, rooms });
		},
		getClass(id) {
			const row = selectClass.get(id);
			return row && { id: row.id, facilitatorTokenHash: row.facilitator_token_hash, createdAt: row.created_at };
		},
		roomsOfClass(id) {
			return selectClassRooms.all(id).map((r) => r.code);
		},
		getRoom(code) {
			const row = selectRoom.get(code);
			if (!row) return undefined;
			return {
				code: row.code,
				classId: row.class_id,
				config: JSON.parse(row.config),
				facilitatorTokenHash: row.facilitator_token_hash,
				createdAt: row.created_at
			};
		},
		append(code, appends) {
			return writer.write({ op: 'append', code, appends });
		},
		setSeatToken(code, change) {
			return writer.write({ op: 'setSeatToken', code, change });
		},
		keepSnapshot(code, snapshot) {
			return writer.write({ op: 'keepSnapshot', code, snapshot });
		},
		roomsWithLoggedPollAnswers() {
			return selectRoomsWithPollAnswers.all().map((r) => r.room);
		},
		snapshot(code) {
			const row = selectSnapshot.get(code);
			return row && { seq: row.seq, state: JSON.parse(row.state) };
		},
		log(code, after = 0) {
			return selectLog.all(code, after).map((r) => ({
				seq: r.seq,
				actor: JSON.parse(r.actor),
				action: JSON.parse(r.action),
				at: r.at,
				...(r.action_id === null ? {} : { actionId: r.action_id })
			}));
		},
		actionIds(code) {
			const ids = new Map<string, AppliedAction>(
				selectActionIds.all(code).map((r) => {
					const action = JSON.parse(r.action) as Action;
					return [r.action_id, { seq: r.seq, actor: JSON.parse(r.actor), type: action.type, ...(action.type === 'takeSeat' ? { seat: action.seat } : {}) }];
				})
			);
			const snapshotAt = selectSnapshot.get(code)?.seq ?? 0;
			for (const r of selectUnlinkedActionIds.all(code)) ids.set(r.action_id, { seq: snapshotAt, type: r.type });
			return ids;
		},
		roomsActiveSince(at) {
			return selectActive.all(at).map((r) => r.room);
		},
		roomsIdleSince(at) {
			return selectIdle.all(at).map((r) => r.code);
		},
		deleteRooms(codes) {
			return writer.write({ op: 'deleteRooms', codes });
		},
		seatTokens(code) {
			return selectTokens.all(code).map((r) => ({ seat: r.seat, hash: r.token_hash, ...(r.action_id === null ? {} : { actionId: r.action_id }) }));
		},
		async close() {
			await writer.close();
			db.close();
		}
	};
}
