/**
 * The store's two ways of committing — a writer thread, and inline on the server's thread — with
 * the log synced before each answer or every 100 ms, keep the same promises: every change resolves
 * only once it is committed (another connection reads
 * it), changes sent together are committed together, and one that fails is refused alone while
 * the rest of its batch is stored; a room's actions appended together are stored all or none.
 */
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../server/store/sqlite-store';
import type { GameConfig } from '../../src/lib/game/types';
import { tempDatabase } from '../helpers/server';
import { removeDatabase } from '../helpers/table';

const databases: string[] = [];
afterAll(() => databases.forEach(removeDatabase));

const config = { scenarioId: 'test', votingRule: 'majority', ballot: { tally: 'live', ballots: 'named' }, seatCounts: {}, timers: {}, seed: 1, botSeats: [] } as unknown as GameConfig;

/** One facilitator action to append, numbered `seq`. */
const advance = (seq: number) => [{ entry: { seq, actor: { kind: 'facilitator' as const }, action: { type: 'advance' as const }, at: seq } }];

describe.each([
	['thread', 0],
	['thread', 100],
	['inline', 0],
	['inline', 100]
] as const)('the store committing %s, syncing every %i ms', (writer, syncEveryMs) => {
	it('resolves each change once another connection can read it, and refuses only the change that fails', async () => {
		const database = tempDatabase();
		databases.push(database);
		const store = openSqliteStore(database, { writer, syncEveryMs });
		const rooms = ['ROOMAA', 'ROOMBB'].map((code) => ({ code, classId: 'CLASS00001', config, facilitatorTokenHash: 'h', createdAt: 1 }));
		await store.createClass({ id: 'CLASS00001', facilitatorTokenHash: 'h', createdAt: 1 }, rooms);

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

		const reader = new Database(database, { readonly: true });
		const count = reader.prepare<[string], { n: number }>('select count(*) as n from actions where room = ?');
		expect([count.get('ROOMAA')!.n, count.get('ROOMBB')!.n]).toEqual([20, 20]);
		reader.close();
		expect(store.log('ROOMBB').map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
		await store.close();

		const again = openSqliteStore(database, { writer, syncEveryMs });
		expect(again.log('ROOMAA')).toHaveLength(20);
		expect(again.roomsOfClass('CLASS00001')).toEqual(['ROOMAA', 'ROOMBB']);
		await again.close();
	});

	it("stores a room's actions appended together all or none", async () => {
		const database = tempDatabase();
		databases.push(database);
		const store = openSqliteStore(database, { writer, syncEveryMs });
		await store.createClass({ id: 'CLASS00001', facilitatorTokenHash: 'h', createdAt: 1 }, [
			{ code: 'ROOMAA', classId: 'CLASS00001', config, facilitatorTokenHash: 'h', createdAt: 1 }
		]);
		await store.append('ROOMAA', [...advance(1), ...advance(2)]);
		// The second of these repeats a sequence number: neither is stored.
		await expect(store.append('ROOMAA', [...advance(3), ...advance(2)])).rejects.toThrow(/not stored/);
		await store.append('ROOMAA', [...advance(3), ...advance(4), ...advance(5)]);
		expect(store.log('ROOMAA').map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
		await store.close();
	});
});
