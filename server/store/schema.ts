/**
 * The database file: its tables, and the settings every connection to it uses. The file is opened
 * twice — by the writer thread, which makes every change, and by the server's own thread, which
 * reads — and write-ahead logging lets the reads go on while a write is being synced.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

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

export function openDatabase(file: string): Database.Database {
	mkdirSync(dirname(file), { recursive: true });
	const db = new Database(file);
	db.pragma('journal_mode = WAL');
	// Every commit is on disk before it returns, unless the log is synced by the store itself (log-sync.ts).
	db.pragma('synchronous = FULL');
	db.pragma('foreign_keys = ON');
	// Deleted rows (the ballots of a sealed secret vote) are overwritten, not left in free pages.
	db.pragma('secure_delete = ON');
	db.exec(schema);
	// Databases from before client action ids gain the column; the index keeps each id once per room.
	const columns = db.prepare<[], { name: string }>('pragma table_info(actions)').all();
	if (!columns.some((c) => c.name === 'action_id')) db.exec('alter table actions add column action_id text');
	db.exec('create unique index if not exists actions_by_client_id on actions (room, action_id) where action_id is not null');
	const tokenColumns = db.prepare<[], { name: string }>('pragma table_info(seat_tokens)').all();
	if (!tokenColumns.some((c) => c.name === 'action_id')) db.exec('alter table seat_tokens add column action_id text');
	return db;
}
