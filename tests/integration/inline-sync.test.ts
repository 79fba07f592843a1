/**
 * The store commits without SQLite's own sync and syncs the write-ahead log itself, off the
 * server's thread. These tests hold that sync back. Syncing before each answer (0 ms): no change
 * resolves before the log holding it has been synced, changes made while a sync is under way are
 * committed together after it with one sync, and a failed sync refuses the changes it carried.
 * Syncing every so often: changes resolve once committed, the log is synced within the interval,
 * and after a failed sync every change is refused with the reason.
 */
import { fstatSync, statSync } from 'node:fs';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openSqliteStore } from '../../server/store/sqlite-store';
import type { GameConfig } from '../../src/lib/game/types';
import { tempDatabase } from '../helpers/server';
import { removeDatabase } from '../helpers/table';

type Synced = (err: NodeJS.ErrnoException | null) => void;
const syncs = vi.hoisted(() => ({ held: [] as { fd: number; done: (err: NodeJS.ErrnoException | null) => void }[] }));

vi.mock('node:fs', async (importOriginal) => {
	const fs = await importOriginal<typeof import('node:fs')>();
	return { ...fs, fdatasync: (fd: number, done: Synced) => void syncs.held.push({ fd, done }) };
});

const databases: string[] = [];
afterAll(() => databases.forEach(removeDatabase));
beforeEach(() => void (syncs.held.length = 0));

const config = { scenarioId: 'test', votingRule: 'majority', ballot: { tally: 'live', ballots: 'named' }, seatCounts: {}, timers: {}, seed: 1, botSeats: [] } as unknown as GameConfig;
/** One facilitator action to append, numbered `seq`. */
const advance = (seq: number) => [{ entry: { seq, actor: { kind: 'facilitator' as const }, action: { type: 'advance' as const }, at: seq } }];
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Tracks whether a promise has settled yet. */
function watch(promise: Promise<unknown>) {
	const seen = { settled: false, error: null as unknown };
	promise.then(
		() => void (seen.settled = true),
		(err) => void ((seen.settled = true), (seen.error = err))
	);
	return seen;
}

async function openStore(syncEveryMs = 0) {
	const database = tempDatabase();
	databases.push(database);
	const store = openSqliteStore(database, { writer: 'inline', syncEveryMs });
	const created = store.createClass({ id: 'CLASS00001', facilitatorTokenHash: 'h', createdAt: 1 }, [
		{ code: 'ROOMAA', classId: 'CLASS00001', config, facilitatorTokenHash: 'h', createdAt: 1 }
	]);
	if (syncEveryMs === 0) {
		await turn();
		syncs.held.shift()!.done(null);
	}
	await created;
	return { store, database };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the inline writer syncing the log before each answer', () => {
	it('resolves a change only once the write-ahead log holding it is synced', async () => {
		const { store, database } = await openStore();
		const appended = watch(store.append('ROOMAA', advance(1)));
		await turn();
		// Committed (the store reads it) but not yet synced: not acknowledged.
		expect(store.log('ROOMAA')).toHaveLength(1);
		expect(syncs.held).toHaveLength(1);
		expect(fstatSync(syncs.held[0].fd).ino).toBe(statSync(`${database}-wal`).ino);
		await turn();
		expect(appended.settled).toBe(false);
		syncs.held.shift()!.done(null);
		await turn();
		expect(appended).toEqual({ settled: true, error: null });
		await store.close();
	});

	it('commits the changes made during a sync together after it, with one sync, and answers them in order', async () => {
		const { store } = await openStore();
		const order: number[] = [];
		const first = store.append('ROOMAA', advance(1)).then(() => order.push(1));
		await turn();
		// Three more changes, each in a turn of its own while the first sync is under way.
		const later = [2, 3, 4].map(async (seq) => {
			const appended = store.append('ROOMAA', advance(seq));
			await turn();
			return appended.then(() => order.push(seq));
		});
		await Promise.all([turn(), turn(), turn()]);
		await turn();
		expect(syncs.held).toHaveLength(1);
		expect(store.log('ROOMAA')).toHaveLength(1);
		syncs.held.shift()!.done(null);
		await first;
		await turn();
		// The three are committed as one group, with one sync.
		expect(store.log('ROOMAA')).toHaveLength(4);
		expect(syncs.held).toHaveLength(1);
		expect(order).toEqual([1]);
		syncs.held.shift()!.done(null);
		await Promise.all(later);
		expect(order).toEqual([1, 2, 3, 4]);
		await store.close();
	});

	it('refuses the changes a failed sync carried, saying they may not be on disk', async () => {
		const { store } = await openStore();
		const appended = watch(store.append('ROOMAA', advance(1)));
		await turn();
		syncs.held.shift()!.done(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
		await turn();
		expect(appended.settled).toBe(true);
		expect(String(appended.error)).toMatch(/may not be on disk: EIO/);
		// The next change gets a sync of its own.
		const next = store.append('ROOMAA', advance(2));
		await turn();
		syncs.held.shift()!.done(null);
		await expect(next).resolves.toBeUndefined();
		await store.close();
	});
});

describe('the inline writer syncing the log every so often', () => {
	it('answers a change once committed and syncs the log within the interval, once for every change made meanwhile', async () => {
		const { store, database } = await openStore(40);
		// The class's creation is synced within 40 ms.
		await wait(60);
		expect(syncs.held).toHaveLength(1);
		syncs.held.shift()!.done(null);
		await store.append('ROOMAA', advance(1));
		await store.append('ROOMAA', advance(2));
		expect(syncs.held).toHaveLength(0);
		await wait(60);
		expect(syncs.held).toHaveLength(1);
		expect(fstatSync(syncs.held[0].fd).ino).toBe(statSync(`${database}-wal`).ino);
		// Changes made during that sync get one more.
		await store.append('ROOMAA', advance(3));
		syncs.held.shift()!.done(null);
		await wait(60);
		expect(syncs.held).toHaveLength(1);
		syncs.held.shift()!.done(null);
		const closed = store.close();
		await closed;
		expect(syncs.held).toHaveLength(0);
	});

	it('syncs what is left when closed', async () => {
		const { store } = await openStore(10_000);
		await store.append('ROOMAA', advance(1));
		const closed = watch(store.close());
		await turn();
		expect(closed.settled).toBe(false);
		expect(syncs.held).toHaveLength(1);
		syncs.held.shift()!.done(null);
		await turn();
		expect(closed).toEqual({ settled: true, error: null });
	});

	it('refuses every change after a failed sync, saying why', async () => {
		const { store } = await openStore(20);
		await wait(40);
		syncs.held.shift()!.done(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
		await turn();
		await expect(store.append('ROOMAA', advance(1))).rejects.toThrow(/could not be synced to disk: EIO/);
		expect(store.log('ROOMAA')).toEqual([]);
	});
});
