/**
 * The embedded store: one SQLite file. Every write is committed (WAL, synchronous FULL) before
 * the server acknowledges the action, so an acknowledged vote survives a kill -9.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AppliedAction, ClassRecord, LoggedAction, RoomRecord, SeatTokenChange, Snapshot, Store } from './store';

const schema = `
create table if not exists classes (
	id text primary key,
	facilitator_token_hash text not null,
	created_at integer not null
);
create table if not exists rooms (
	code text primary key,
	class_id text references classes(id),
	config text not null,
	facilitator_token_hash text not null,
	created_at integer not null
);
create table if not exists actions (
	room text not null references rooms(code),
	seq integer not null,
	actor text not null,
	action text not null,
	at integer not null,
	primary key (room, seq)
);
create table if not exists seat_tokens (
	room text not null references rooms(code),
	seat text not null,
	token_hash text not null,
	primary key (room, seat)
);
create table if not exists snapshots (
	room text primary key references rooms(code),
	seq integer not null,
	state text not null
);
-- Client action ids of ballots deleted when their secret vote was sealed: enough to answer a
-- late retry, and nothing that says which ballot a seat cast.
create table if not exists sealed_action_ids (
	room text not null references rooms(code),
	action_id text not null,
	actor text not null,
	type text not null,
	primary key (room, action_id)
);
`;

export function openSqliteStore(file: string): Store {
	if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
	const db = new Database(file);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = FULL');
	db.pragma('foreign_keys = ON');
	// Deleted rows (the ballots of a sealed secret vote) are overwritten, not left in free pages.
	db.pragma('secure_delete = ON');
	db.exec(schema);
	// Databases from before client action ids gain the column; the index keeps each id once per room.
	const columns = db.prepare<[], { name: string }>('pragma table_info(actions)').all();
	if (!columns.some((c) => c.name === 'action_id')) db.exec('alter table actions add column action_id text');
	db.exec('create unique index if not exists actions_by_client_id on actions (room, action_id) where action_id is not null');

	const insertClass = db.prepare('insert into classes (id, facilitator_token_hash, created_at) values (?, ?, ?)');
	const selectClass = db.prepare<[string], { id: string; facilitator_token_hash: string; created_at: number }>(
		'select * from classes where id = ?'
	);
	const selectClassRooms = db.prepare<[string], { code: string }>('select code from rooms where class_id = ? order by rowid');
	const insertRoom = db.prepare(
		'insert into rooms (code, class_id, config, facilitator_token_hash, created_at) values (?, ?, ?, ?, ?)'
	);
	const selectRoom = db.prepare<
		[string],
		{ code: string; class_id: string | null; config: string; facilitator_token_hash: string; created_at: number }
	>('select * from rooms where code = ?');
	const insertAction = db.prepare('insert into actions (room, seq, actor, action, at, action_id) values (?, ?, ?, ?, ?, ?)');
	const selectActionIds = db.prepare<[string], { action_id: string; seq: number; actor: string; action: string }>(
		'select action_id, seq, actor, action from actions where room = ? and action_id is not null'
	);
	const selectLog = db.prepare<[string, number], { seq: number; actor: string; action: string; at: number; action_id: string | null }>(
		'select seq, actor, action, at, action_id from actions where room = ? and seq > ? order by seq'
	);
	const upsertSnapshot = db.prepare(
		'insert into snapshots (room, seq, state) values (?, ?, ?) on conflict (room) do update set seq = excluded.seq, state = excluded.state'
	);
	const selectSnapshot = db.prepare<[string], { seq: number; state: string }>('select seq, state from snapshots where room = ?');
	const keepSealedActionIds = db.prepare(
		`insert into sealed_action_ids (room, action_id, actor, type)
		 select room, action_id, actor, json_extract(action, '$.type') from actions
		 where room = ? and seq <= ? and json_extract(action, '$.type') = 'castVote' and action_id is not null`
	);
	const deleteBallots = db.prepare(`delete from actions where room = ? and seq <= ? and json_extract(action, '$.type') = 'castVote'`);
	const selectSealedActionIds = db.prepare<[string], { action_id: string; actor: string; type: string }>(
		'select action_id, actor, type from sealed_action_ids where room = ?'
	);
	const upsertToken = db.prepare(
		'insert into seat_tokens (room, seat, token_hash) values (?, ?, ?) on conflict (room, seat) do update set token_hash = excluded.token_hash'
	);
	const selectActive = db.prepare<[number], { room: string }>('select distinct room from actions where at >= ?');
	const deleteToken = db.prepare('delete from seat_tokens where room = ? and seat = ?');
	const selectTokens = db.prepare<[string], { seat: string; token_hash: string }>(
		'select seat, token_hash from seat_tokens where room = ?'
	);

	const setSeatToken = (code: string, change: SeatTokenChange) => {
		if (change.hash === null) deleteToken.run(code, change.seat);
		else upsertToken.run(code, change.seat, change.hash);
	};
	const append = db.transaction((code: string, e: LoggedAction, tokenChange?: SeatTokenChange, snapshot?: Snapshot) => {
		insertAction.run(code, e.seq, JSON.stringify(e.actor), JSON.stringify(e.action), e.at, e.actionId ?? null);
		if (tokenChange) setSeatToken(code, tokenChange);
		if (snapshot) {
			upsertSnapshot.run(code, snapshot.seq, JSON.stringify(snapshot.state));
			keepSealedActionIds.run(code, snapshot.seq);
			deleteBallots.run(code, snapshot.seq);
		}
	});
	const appendAndSeal: Store['append'] = (code, entry, tokenChange, snapshot) => {
		append(code, entry, tokenChange, snapshot);
		// The deleted ballots' old pages are still in the write-ahead log until it is checkpointed.
		if (snapshot) db.pragma('wal_checkpoint(TRUNCATE)');
	};

	return {
		createClass(record: ClassRecord) {
			insertClass.run(record.id, record.facilitatorTokenHash, record.createdAt);
		},
		getClass(id: string) {
			const row = selectClass.get(id);
			return row && { id: row.id, facilitatorTokenHash: row.facilitator_token_hash, createdAt: row.created_at };
		},
		roomsOfClass(id: string) {
			return selectClassRooms.all(id).map((r) => r.code);
		},
		createRoom(room: RoomRecord) {
			insertRoom.run(room.code, room.classId, JSON.stringify(room.config), room.facilitatorTokenHash, room.createdAt);
		},
		getRoom(code: string) {
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
		append: appendAndSeal,
		setSeatToken,
		snapshot(code: string) {
			const row = selectSnapshot.get(code);
			return row && { seq: row.seq, state: JSON.parse(row.state) };
		},
		log(code: string, after = 0) {
			return selectLog.all(code, after).map((r) => ({
				seq: r.seq,
				actor: JSON.parse(r.actor),
				action: JSON.parse(r.action),
				at: r.at,
				...(r.action_id === null ? {} : { actionId: r.action_id })
			}));
		},
		actionIds(code: string) {
			const ids = new Map<string, AppliedAction>(
				selectActionIds.all(code).map((r) => [r.action_id, { seq: r.seq, actor: JSON.parse(r.actor), type: JSON.parse(r.action).type }])
			);
			const sealedAt = selectSnapshot.get(code)?.seq ?? 0;
			for (const r of selectSealedActionIds.all(code))
				ids.set(r.action_id, { seq: sealedAt, actor: JSON.parse(r.actor), type: r.type as AppliedAction['type'] });
			return ids;
		},
		roomsActiveSince(at: number) {
			return selectActive.all(at).map((r) => r.room);
		},
		seatTokens(code: string) {
			return selectTokens.all(code).map((r) => ({ seat: r.seat, hash: r.token_hash }));
		},
		close() {
			db.close();
		}
	};
}
