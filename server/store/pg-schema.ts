/**
 * The PostgreSQL store's tables (cluster mode), as numbered steps like the SQLite file's
 * (migrations.ts): `pact_room_schema` records the last step taken; a server applies the rest in
 * order, each in a transaction of its own, holding an advisory lock so that servers starting
 * together take each step once. A database past the last step here was written by a newer Pact
 * Room and is refused untouched.
 *
 * The tables mirror the SQLite file's, with the action's type in a column of its own (what a
 * snapshot deletes is chosen by it), the room leases that give each room one server at a time, and
 * the servers alive now.
 */
import type pg from 'pg';
import { SchemaTooNew, type Migration } from './migrations';

export const pgMigrations: readonly Migration[] = [
	{
		version: 1,
		brings: 'classes, rooms, action logs, seat tokens, snapshots, the bare set of unlinked action ids, and room leases',
		sql: `
			create table classes (
				id text primary key,
				facilitator_token_hash text not null,
				created_at bigint not null
			);
			create table rooms (
				code text primary key,
				class_id text references classes(id),
				config text not null,
				facilitator_token_hash text not null,
				created_at bigint not null,
				-- The order rooms were created in, which the class console lists them by.
				created_order bigint generated always as identity
			);
			create index rooms_by_class on rooms (class_id, created_order);
			create table actions (
				room text not null references rooms(code),
				seq integer not null,
				actor text not null,
				action text not null,
				type text not null,
				at bigint not null,
				action_id text,
				primary key (room, seq)
			);
			create unique index actions_by_client_id on actions (room, action_id) where action_id is not null;
			create index actions_by_time on actions (at);
			create table seat_tokens (
				room text not null references rooms(code),
				seat text not null,
				token_hash text not null,
				action_id text,
				primary key (room, seat)
			);
			create table snapshots (
				room text primary key references rooms(code),
				seq integer not null,
				state text not null
			);
			-- No key, no order: the ids are copied in random order, so nothing lines them up with a
			-- snapshot's anonymous ballots or poll counts.
			create table unlinked_action_ids (
				room text not null references rooms(code),
				action_id text not null,
				type text not null
			);
			create index unlinked_action_ids_by_room on unlinked_action_ids (room);
			-- Which server serves a room, until when, and the epoch that fences out every earlier holder;
			-- and which other server asked for it, because browsers of the room reach that one now.
			create table room_leases (
				room text primary key,
				owner text not null,
				epoch bigint not null,
				expires_at timestamptz not null,
				wanted_by text
			);
			-- Rate-limit counts every server shares (rate-limiter-flexible's table), keyed by an HMAC
			-- of the client's address or seat under the secret below, never the address itself.
			create table rate_limits (
				key varchar(255) primary key,
				points integer not null default 0,
				expire bigint
			);
			create table cluster_secret (
				id integer primary key default 1 check (id = 1),
				secret text not null
			);`
	},
	{
		version: 2,
		brings: "each room's home server and whether it was live when let go, and the servers alive now, so that rooms move back home and no live room is left unserved",
		sql: `
			-- The server a room is served by while it is up, to which a server standing in for it hands
			-- the room back; null once the room was let go to be served wherever its browsers are next.
			alter table room_leases add column home text;
			-- Whether the room was live when its lease ran out or was let go (it was not left idle): such a
			-- room is taken over by a live server even if no browser opens it, so its timer and scripted roles go on.
			alter table room_leases add column live boolean not null default true;
			-- The servers sharing the database, each seen at every lease renewal, and since when it has
			-- been up without a break.
			create table cluster_nodes (
				node text primary key,
				up_since timestamptz not null,
				seen_at timestamptz not null
			);`
	}
];

/** An arbitrary constant naming the advisory lock that servers take to migrate one at a time. */
const MIGRATION_LOCK = 0x7061_6374;

/** Brings the database to the last step; throws SchemaTooNew, having written nothing, for a database past it. */
export async function migratePg(pool: pg.Pool, steps: readonly Migration[] = pgMigrations): Promise<void> {
	const latest = steps.at(-1)?.version ?? 0;
	const client = await pool.connect();
	try {
		await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
		try {
			await client.query('create table if not exists pact_room_schema (version integer not null)');
			const { rows } = await client.query<{ version: number }>('select version from pact_room_schema');
			let at = rows[0]?.version ?? 0;
			if (rows.length === 0) await client.query('insert into pact_room_schema (version) values (0)');
			if (at > latest) throw new SchemaTooNew(at, latest);
			for (const step of steps) {
				if (step.version <= at) continue;
				await client.query('begin');
				try {
					await client.query(step.sql);
					await client.query('update pact_room_schema set version = $1', [step.version]);
					await client.query('commit');
				} catch (err) {
					await client.query('rollback');
					throw err;
				}
				at = step.version;
			}
		} finally {
			await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
		}
	} finally {
		client.release();
	}
}
