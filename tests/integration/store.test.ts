/**
 * Every store keeps the same promises — the SQLite file committing in a writer thread or inline on
 * the server's thread, with its log synced before each answer or every 100 ms, and PostgreSQL
 * (cluster mode): every change resolves only once it is committed (another connection reads it),
 * changes sent together are committed together, and one that fails is refused alone while the rest
 * of its batch is stored; a room's actions appended together are stored all or none; a snapshot
 * replaces the rows it unlinks, keeping only their action ids; deleting rooms leaves nothing of
 * them; a room's idleness is judged by its last action.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../server/store/sqlite-store';
import type { Append, Store } from '../../server/store/store';
import type { GameConfig, GameState } from '../../src/lib/game/types';
import { tempDatabase } from '../helpers/server';
import { removeDatabase } from '../helpers/table';
import { postgresMissing, startPostgres, type TestPostgres } from '../helpers/postgres';

const databases: string[] = [];
afterAll(() => databases.forEach(removeDatabase));

const config = { scenarioId: 'test', votingRule: 'majority', ballot: { tally: 'live', ballots: 'named' }, seatCounts: {}, timers: {}, seed: 1, botSeats: [] } as unknown as GameConfig;

/** One facilitator action to append, numbered `seq`. */
const advance = (seq: number): Append[] => [{ entry: { seq, actor: { kind: 'facilitator' as const }, action: { type: 'advance' as const }, at: seq } }];
/** A seat's ballot, numbered `seq`, with the client's id for it. */
const ballot = (seq: number, seat: string): Append => ({
	entry: { seq, actor: { kind: 'seat', seat }, action: { type: 'castVote', choice: 'yes' } as never, at: seq, actionId: `vote-${seat}` }
});

/** A store under test, a second connection counting what it committed, and a way to open it again. */
interface Opened {
	store: Store;
	committedActions(room: string): Promise<number>;
	/** Every row of every table, as an inspector reads them through a connection of its own. */
	everyRow(): Promise<string>;
	reopen(): Promise<Store>;
}

interface Backend {
	name: string;
	skip: string | null;
	open(): Promise<Opened>;
}

const sqlite = (writer: 'thread' | 'inline', syncEveryMs: number): Backend => ({
	name: `the SQLite store committing ${writer}, syncing every ${syncEveryMs} ms`,
	skip: null,
	async open() {
		const database = tempDatabase();
		databases.push(database);
		const read = <T>(fn: (db: Database.Database) => T) => {
			const db = new Database(database, { readonly: true });
			try {
				return fn(db);
			} finally {
				db.close();
			}
		};
		return {
			store: openSqliteStore(database, { writer, syncEveryMs }),
			committedActions: async (room) => read((db) => db.prepare<[string], { n: number }>('select count(*) as n from actions where room = ?').get(room)!.n),
			everyRow: async () =>
				read((db) =>
					db
						.prepare<[], { name: string }>(`select name from sqlite_master where type = 'table'`)
						.all()
						.map(({ name }) => JSON.stringify(db.prepare(`select * from "${name}"`).all()))
						.join('\n')
				),
			reopen: async () => openSqliteStore(database, { writer, syncEveryMs })
		};
	}
});

let postgres: TestPostgres | undefined;
const readers: pg.Pool[] = [];
/** The PostgreSQL store, each group synced before it resolves (as shipped) or not (PACT_ROOM_PG_SYNC_COMMIT=off). */
const postgresql = (syncCommit: boolean): Backend => ({
	name: `the PostgreSQL store, commits ${syncCommit ? 'synced' : 'not synced'}`,
	skip: postgresMissing,
	async open() {
		const { openPgStore } = await import('../../server/store/pg-store');
		const url = await postgres!.freshDatabase();
		const reader = new pg.Pool({ connectionString: url, max: 1 });
		readers.push(reader);
		const store = await openPgStore(url, { node: 'test-node', leaseMs: 60_000, syncCommit });
		// This server serves the rooms it writes to.
		for (const room of ['ROOMAA', 'ROOMBB']) await store.leases.claim(room);
		return {
			store,
			committedActions: async (room) => Number((await reader.query('select count(*) as n from actions where room = $1', [room])).rows[0].n),
			async everyRow() {
				const { rows: tables } = await reader.query<{ name: string }>(`select tablename as name from pg_tables where schemaname = 'public'`);
				const all = await Promise.all(tables.map(({ name }) => reader.query(`select * from "${name}"`).then((r) => JSON.stringify(r.rows))));
				return all.join('\n');
			},
			reopen: async () => {
				const again = await openPgStore(url, { node: 'test-node', leaseMs: 60_000, syncCommit });
				for (const room of ['ROOMAA', 'ROOMBB']) await again.leases.claim(room);
				return again;
			}
		};
	}
});

beforeAll(async () => {
	if (!postgresMissing) postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
	await Promise.all(readers.map((reader) => reader.end()));
	await postgres?.stop();
});
if (postgresMissing) console.warn(postgresMissing);

const backends = [sqlite('thread', 0), sqlite('thread', 100), sqlite('inline', 0), sqlite('inline', 100), postgresql(true), postgresql(false)];

const room = (code: string) => ({ code, classId: 'CLASS00001', config, facilitatorTokenHash: 'h', createdAt: 1 });

describe.each(backends)('$name', (backend) => {
	const test = backend.skip ? it.skip : it;

	test('resolves each change once another connection can read it, and refuses only the change that fails', async () => {
		const { store, committedActions, reopen } = await backend.open();
		await store.createClass({ id: 'CLASS00001', facilitatorTokenHash: 'h', createdAt: 1 }, [room('ROOMAA'), room('ROOMBB')]);

		// Forty actions in two rooms sent at once, with one that repeats a sequence number.
		const sent = [
			...Array.from({ length: 20 }, (_, i) => store.append('ROOMAA', advance(i + 1))),
			...Array.from({ length: 20 }, (_, i) => store.append('ROOMBB', advance(i + 1))),
			store.append('ROOMAA', advance(7))
		];
		const outcomes = await Promise.allSettled(sent);
		expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(40);
		const refused = outcomes.at(-1)!;
		expect(refused.status).toBe('rejected');
		expect(String((refused as PromiseRejectedResult).reason)).toMatch(/not stored/);

		expect([await committedActions('ROOMAA'), await committedActions('ROOMBB')]).toEqual([20, 20]);
		expect((await store.log('ROOMBB')).map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
		await store.close();

		const again = await reopen();
		expect(await again.log('ROOMAA')).toHaveLength(20);
		expect(await again.roomsOfClass('CLASS00001')).toEqual(['ROOMAA', 'ROOMBB']);
		await again.close();
	});

	test("stores a room's actions appended together all or none", async () => {
		const { store } = await backend.open();
		await store.createClass({ id: 'CLASS00001', facilitatorTokenHash: 'h', createdAt: 1 }, [room('ROOMAA')]);
		await store.append('ROOMAA', [...advance(1), ...advance(2)]);
		// The second of these repeats a sequence number: neither is stored.
		await expect(store.append('ROOMAA', [...advance(3), ...advance(2)])).rejects.toThrow(/not stored/);
		await store.append('ROOMAA', [...advance(3), ...advance(4), ...advance(5)]);
		expect((await store.log('ROOMAA')).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
		await store.close();
	});

	test("replaces a sealed vote's ballots with its snapshot: no row ties a seat to its ballot, and each ballot's id still answers a retry", async () => {
		const { store, everyRow } = await backend.open();
		await store.createClass({ id: 'CLASS00001', facilitatorTokenHash: 'h', createdAt: 1 }, [room('ROOMAA')]);
		await store.append('ROOMAA', [...advance(1), ballot(2, 'dermer'), ballot(3, 'idf-chief')]);
		expect(await everyRow()).toContain('dermer');
		const state = { seq: 4, sealed: 'voter-0a1b2c' } as unknown as GameState;
		await store.append('ROOMAA', [{ ...advance(4)[0], snapshot: { seq: 4, state, unlinks: ['castVote', 'answerPoll'] } }]);

		expect((await store.log('ROOMAA')).map((e) => e.seq)).toEqual([1, 4]);
		expect(await store.snapshot('ROOMAA')).toEqual({ seq: 4, state });
		const ids = await store.actionIds('ROOMAA');
		expect(ids.get('vote-dermer')).toEqual({ seq: 4, type: 'castVote' });
		expect(ids.get('vote-idf-chief')).toEqual({ seq: 4, type: 'castVote' });
		// The ids name the seats here only because the test chose them so; no row holds a seat beside a ballot.
		const rows = (await everyRow()).replaceAll('vote-dermer', '').replaceAll('vote-idf-chief', '');
		expect(rows).not.toContain('dermer');
		expect(rows).not.toContain('idf-chief');
		await store.close();
	});

	test('deletes rooms with everything about them, and their class once it has no room; judges idleness by the last action', async () => {
		const { store, everyRow } = await backend.open();
		await store.createClass({ id: 'CLASS00001', facilitatorTokenHash: 'h', createdAt: 1 }, [room('ROOMAA'), room('ROOMBB')]);
		await store.append('ROOMAA', [
			{ ...advance(1)[0], tokenChange: { seat: 'dermer', hash: 'token-hash-of-dermer', actionId: 'take-1' } },
			{ entry: { seq: 2, actor: { kind: 'seat', seat: 'dermer' }, action: { type: 'advance' }, at: 500 } }
		]);
		expect(await store.roomsIdleSince(100)).toEqual(['ROOMBB']);
		expect((await store.roomsActiveSince(400)).sort()).toEqual(['ROOMAA']);
		expect(await store.seatTokens('ROOMAA')).toEqual([{ seat: 'dermer', hash: 'token-hash-of-dermer', actionId: 'take-1' }]);

		await store.deleteRooms(['ROOMAA']);
		expect(await store.getRoom('ROOMAA')).toBeUndefined();
		expect(await store.getClass('CLASS00001')).toBeDefined();
		expect(await everyRow()).not.toMatch(/ROOMAA|token-hash-of-dermer/);
		await store.deleteRooms(['ROOMBB']);
		expect(await store.getClass('CLASS00001')).toBeUndefined();
		await store.close();
	});
});
