/**
 * Database files as the store wrote them before its schema steps were numbered (user_version 0):
 * it created each table if missing and added the action id column if missing, so a file kept the
 * shape of the version that made it. The SQL is that code's, as it stood at each shape.
 */
import Database from 'better-sqlite3';

const rooms = `
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
`;

const actionIds = `
alter table actions add column action_id text;
create unique index if not exists actions_by_client_id on actions (room, action_id) where action_id is not null;
`;

const sealedBallots = `
create table if not exists snapshots (
	room text primary key references rooms(code),
	seq integer not null,
	state text not null
);
create table if not exists sealed_action_ids (
	room text not null references rooms(code),
	action_id text not null,
	actor text not null,
	type text not null,
	primary key (room, action_id)
);
`;

/** The shapes an unnumbered file can have, oldest first, each with the tables and columns it holds. */
export const UNNUMBERED_SHAPES = {
	'before client action ids': { sql: rooms, tables: ['classes', 'rooms', 'actions', 'seat_tokens'] },
	'before sealed ballots': { sql: rooms + actionIds, tables: ['classes', 'rooms', 'actions', 'seat_tokens'] },
	'as the last unnumbered version left it': {
		sql: rooms + actionIds + sealedBallots,
		tables: ['classes', 'rooms', 'actions', 'seat_tokens', 'snapshots', 'sealed_action_ids']
	}
} as const;

export type UnnumberedShape = keyof typeof UNNUMBERED_SHAPES;

/**
 * The voter an unnumbered file kept beside each sealed ballot's id. The current store keeps no
 * voter to copy, so the old rows are given this made-up one, found nowhere else in the file, which
 * the migration must leave nowhere.
 */
export const UNNUMBERED_SEALED_VOTER = '{"kind":"seat","seat":"voter-kept-by-an-old-file"}';

/** Where an unnumbered table's rows come from, when the current file keeps them differently. */
const UNNUMBERED_SOURCES: Record<string, string> = {
	sealed_action_ids: `select room, action_id, '${UNNUMBERED_SEALED_VOTER}', 'castVote' from played.unlinked_action_ids where type = 'castVote'`
};

/**
 * Writes an unnumbered file of the given shape at `file`, in write-ahead logging as the store kept
 * it, holding every row of a file the current store wrote (`played`) that the shape has room for.
 */
export function writeUnnumbered(file: string, shape: UnnumberedShape, played: string): void {
	const { sql, tables } = UNNUMBERED_SHAPES[shape];
	const db = new Database(file);
	db.pragma('journal_mode = WAL');
	db.exec(sql);
	db.prepare('attach ? as played').run(played);
	db.transaction(() => {
		for (const table of tables) {
			const columns = db
				.prepare<[], { name: string }>(`pragma main.table_info(${table})`)
				.all()
				.map((c) => c.name)
				.join(', ');
			db.exec(`insert into main.${table} (${columns}) ${UNNUMBERED_SOURCES[table] ?? `select ${columns} from played.${table}`}`);
		}
	})();
	db.exec('detach played');
	db.close();
}
