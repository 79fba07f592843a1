/**
 * The database file's schema, as numbered steps. The file's `PRAGMA user_version` says how many
 * steps it has had; opening it applies the rest in order, each in a transaction of its own, so a
 * step that fails leaves the file as the step before left it.
 *
 * To change the schema, add a step at the end of `migrations` with the next number and the SQL
 * that takes a file from the step before to yours — never edit a step that has shipped, since
 * files already past it will not run it again. Rows that must be rewritten are rewritten in the
 * step's SQL too. Then add to tests/integration/migrations.test.ts a file as the step before
 * left it, and check the code reads it after your step.
 *
 * A file whose version is higher than the last step here was written by a newer Pact Room: it is
 * refused untouched, rather than read by code that does not know its tables.
 */
import type Database from 'better-sqlite3';

export interface Migration {
	version: number;
	/** What the step brings, for the next person reading the list. */
	brings: string;
	sql: string;
}

export const migrations: readonly Migration[] = [
	{
		version: 1,
		brings: 'classes, their rooms, each room’s action log and its seats’ tokens',
		sql: `
			create table classes (
				id text primary key,
				facilitator_token_hash text not null,
				created_at integer not null
			);
			create table rooms (
				code text primary key,
				class_id text references classes(id),
				config text not null,
				facilitator_token_hash text not null,
				created_at integer not null
			);
			create table actions (
				room text not null references rooms(code),
				seq integer not null,
				actor text not null,
				action text not null,
				at integer not null,
				primary key (room, seq)
			);
			create table seat_tokens (
				room text not null references rooms(code),
				seat text not null,
				token_hash text not null,
				primary key (room, seat)
			);`
	},
	{
		version: 2,
		brings: 'client action ids, so a retried action is applied once; each id is kept once per room',
		sql: `
			alter table actions add column action_id text;
			create unique index actions_by_client_id on actions (room, action_id) where action_id is not null;`
	},
	{
		version: 3,
		brings: 'snapshots of rooms whose secret votes were sealed, and the action ids of the ballots deleted then',
		sql: `
			create table snapshots (
				room text primary key references rooms(code),
				seq integer not null,
				state text not null
			);
			-- Enough to answer a late retry of a sealed ballot, and nothing that says which ballot a seat cast.
			create table sealed_action_ids (
				room text not null references rooms(code),
				action_id text not null,
				actor text not null,
				type text not null,
				primary key (room, action_id)
			);`
	},
	{
		version: 4,
		brings: 'the seat-taking action that issued each seat token, so a retry of it can hand back that seat and no other',
		sql: `alter table seat_tokens add column action_id text;`
	},
	{
		version: 5,
		brings:
			'sealed ballots’ action ids as a bare set: no voter, no arrival order, so they cannot be lined up with the snapshot’s anonymous ballots',
		// A table without rowids keeps its rows in key order, and the ids are copied in random order,
		// so not even where a row sits in its page says when its ballot came. The dropped table's pages
		// are overwritten (secure_delete).
		sql: `
			create table sealed_ballot_ids (
				room text not null references rooms(code),
				action_id text not null,
				primary key (room, action_id)
			) without rowid;
			insert into sealed_ballot_ids (room, action_id) select room, action_id from sealed_action_ids order by random();
			drop table sealed_action_ids;`
	},
	{
		version: 6,
		brings:
			'one bare set for the action ids whose rows a snapshot replaced — sealed ballots and opinion-poll answers — with each one’s type, so a retry of either is still told from a reuse; and the rooms whose logged poll answers are still to be counted',
		sql: `
			create table unlinked_action_ids (
				room text not null references rooms(code),
				action_id text not null,
				type text not null,
				primary key (room, action_id)
			) without rowid;
			insert into unlinked_action_ids (room, action_id, type) select room, action_id, 'castVote' from sealed_ballot_ids order by random();
			drop table sealed_ballot_ids;
			-- Rooms whose log still holds poll answers beside their seats, as earlier versions kept
			-- them: found once, here, and counted into a snapshot by the server when it starts.
			create table rooms_with_logged_poll_answers (room text primary key references rooms(code)) without rowid;
			insert into rooms_with_logged_poll_answers (room) select distinct room from actions where json_extract(action, '$.type') = 'answerPoll';`
	}
];

/** The file was written by a newer Pact Room than this one. */
export class SchemaTooNew extends Error {
	constructor(
		readonly found: number,
		readonly known: number
	) {
		super(`the database was written by a newer version of Pact Room (schema ${found}; this version knows up to ${known}), and is left untouched`);
	}
}

/** Brings the file up to the last step; throws SchemaTooNew, having written nothing, for a file past it. */
export function migrate(db: Database.Database, steps: readonly Migration[] = migrations): void {
	const latest = steps.at(-1)?.version ?? 0;
	const version = () => db.pragma('user_version', { simple: true }) as number;
	// Each transaction is immediate: a second server opening the same file waits, then finds the step made.
	const step = db.transaction((next: Migration | 'unnumbered') => {
		const at = version();
		if (at > latest) throw new SchemaTooNew(at, latest);
		// A file from before numbered steps says 0: what it holds tells how far it had come.
		if (next === 'unnumbered') {
			if (at === 0 && unnumberedVersion(db) > 0) db.pragma(`user_version = ${unnumberedVersion(db)}`);
		} else if (at === next.version - 1) {
			db.exec(next.sql);
			db.pragma(`user_version = ${next.version}`);
		}
	});
	step.immediate('unnumbered');
	const before = version();
	for (const next of steps) step.immediate(next);
	// A step may drop rows that must not be read again (sealed ballots' voters): their old pages
	// leave the write-ahead log too.
	if (version() !== before) db.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * The step a file written before numbered steps had reached: its tables were created when
 * missing and the action id column added when missing, so its shape says which steps it has.
 */
function unnumberedVersion(db: Database.Database): number {
	const tables = new Set(db.prepare<[], { name: string }>(`select name from sqlite_master where type = 'table'`).all().map((t) => t.name));
	if (!tables.has('rooms')) return 0;
	if (tables.has('sealed_action_ids')) return 3;
	const columns = db.prepare<[], { name: string }>('pragma table_info(actions)').all();
	return columns.some((c) => c.name === 'action_id') ? 2 : 1;
}
