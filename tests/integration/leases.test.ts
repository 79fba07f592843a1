/**
 * Cluster mode's one owner per room: two game servers on one PostgreSQL database. A server serves
 * a room only while it holds the room's lease; one paused (SIGSTOP) past its lease is fenced out —
 * an action it takes in while paused is refused when it resumes, nothing of it stored — and it lets
 * the room go, while the server that took the lease over serves the room from the log.
 */
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, connect, req } from '../helpers/clients';
import { killAllKillable, spawnKillable } from '../helpers/killable-server';
import { postgresMissing, startPostgres, type TestPostgres } from '../helpers/postgres';
import { tempDatabase } from '../helpers/server';
import { LeaseLost, RoomDeleted } from '../../server/store/store';
import type { GameConfig } from '../../src/lib/game/types';

const LEASE_MS = 1000;
let postgres: TestPostgres | undefined;

beforeAll(async () => {
	if (!postgresMissing) postgres = await startPostgres();
}, 60_000);
afterEach(async () => {
	closeAll();
	await killAllKillable();
});
afterAll(() => postgres?.stop());
if (postgresMissing) console.warn(postgresMissing);

const serverOn = (url: string, node: string) =>
	spawnKillable(tempDatabase(), { DATABASE_URL: url, PACT_ROOM_NODE_ID: node, PACT_ROOM_LEASE_MS: String(LEASE_MS) });

const logOf = async (url: string, code: string) => {
	const db = new pg.Client({ connectionString: url });
	await db.connect();
	try {
		return (await db.query<{ seq: number; action: string }>('select seq, action from actions where room = $1 order by seq', [code])).rows.map((r) => ({
			seq: r.seq,
			type: JSON.parse(r.action).type
		}));
	} finally {
		await db.end();
	}
};

describe.skipIf(postgresMissing !== null)('room leases across two servers', () => {
	it('refuse a paused former owner’s write once another server took the room, and the former owner lets it go', async () => {
		const url = await postgres!.freshDatabase();
		const a = await serverOn(url, 'server-a');
		const b = await serverOn(url, 'server-b');

		// The room is created through A, and served by A once its facilitator enters there.
		const atA = await connect(a.url);
		const { code, facilitatorToken } = await req(atA, 'createGame', { votingRule: 'majority' });
		expect(await req(atA, 'enterRoom', { code, facilitatorToken })).toMatchObject({ ok: true });
		expect(await req(atA, 'action', { type: 'lockRoom' })).toMatchObject({ ok: true, seq: 1 });

		// While A holds the lease, B does not serve the room: a browser there is told it is moving.
		const atB = await connect(b.url);
		expect(await req(atB, 'enterRoom', { code, facilitatorToken })).toMatchObject({ ok: false, code: 'room_moved' });

		// A is paused past its lease with an action on its way in; B takes the room over meanwhile.
		a.child.kill('SIGSTOP');
		const late = req(atA, 'action', { type: 'unlockRoom' });
		const aLetGo = new Promise((resolve) => atA.once('disconnect', resolve));
		await new Promise((resolve) => setTimeout(resolve, LEASE_MS * 1.5));
		await expect.poll(async () => (await req(atB, 'enterRoom', { code, facilitatorToken })).ok, { timeout: 5000, interval: 200 }).toBe(true);

		// Resumed, A finds it no longer holds the room: the action it took in is refused, unstored,
		// though B has written nothing since that its sequence number would collide with.
		// (Its renewal may find the lease lost first and close the connection before the answer goes out.)
		a.child.kill('SIGCONT');
		const answer = await late.then((res: { code?: string }) => res.code, (err: Error) => err.message);
		expect(['room_moved', 'socket has been disconnected']).toContain(answer);
		await aLetGo;
		expect(await logOf(url, code)).toEqual([{ seq: 1, type: 'lockRoom' }]);
		expect(await req(atB, 'action', { type: 'start' })).toMatchObject({ ok: true, seq: 2 });
		expect(await logOf(url, code)).toEqual([
			{ seq: 1, type: 'lockRoom' },
			{ seq: 2, type: 'start' }
		]);

		// A browser entering at A now (as the proxy sends the room's browsers back to a server that
		// came back) is told to wait while A asks for the room; B hands it over at its next renewal,
		// sending its own browsers on, and A serves the room from the log.
		const bLetGo = new Promise((resolve) => atB.once('disconnect', resolve));
		const again = await connect(a.url);
		expect(await req(again, 'enterRoom', { code, facilitatorToken })).toMatchObject({ ok: false, code: 'room_moved' });
		await bLetGo;
		await expect.poll(async () => (await req(again, 'enterRoom', { code, facilitatorToken })).ok, { timeout: 5000, interval: 200 }).toBe(true);
		expect(await req(again, 'action', { type: 'advance' })).toMatchObject({ ok: true, seq: 3 });
	});

	it('hand a room over at once when its server shuts down gracefully, releasing its lease', async () => {
		const url = await postgres!.freshDatabase();
		const a = await serverOn(url, 'server-a');
		const b = await serverOn(url, 'server-b');
		const atA = await connect(a.url);
		const { code, facilitatorToken } = await req(atA, 'createGame', { votingRule: 'majority' });
		await req(atA, 'enterRoom', { code, facilitatorToken });
		expect(await req(atA, 'action', { type: 'start' })).toMatchObject({ ok: true });

		await a.kill('SIGTERM');
		expect(a.child.exitCode, 'A shut down cleanly, releasing its leases').toBe(0);
		// No waiting for the lease to run out: B takes the room from the log as soon as it is asked
		// (a busy machine may need a few tries to reach it).
		const atB = await connect(b.url);
		await expect
			.poll(async () => (await req(atB, 'enterRoom', { code, facilitatorToken })).view?.phase, { timeout: 3000, interval: 100 })
			.toBe('briefing');
	});
});

describe.skipIf(postgresMissing !== null)('the PostgreSQL store’s leases', () => {
	it('let one server write to a room at a time, each new holder fencing out the one before', async () => {
		const { openPgStore } = await import('../../server/store/pg-store');
		const url = await postgres!.freshDatabase();
		const [a, b] = await Promise.all(['server-a', 'server-b'].map((node) => openPgStore(url, { node, leaseMs: 60_000 })));
		const config = { scenarioId: 'test' } as unknown as GameConfig;
		await a.createClass({ id: 'CLASS00001', facilitatorTokenHash: 'h', createdAt: 1 }, [{ code: 'ROOMAA', classId: 'CLASS00001', config, facilitatorTokenHash: 'h', createdAt: 1 }]);
		const entry = (seq: number) => [{ entry: { seq, actor: { kind: 'facilitator' as const }, action: { type: 'advance' as const }, at: seq } }];

		// Nobody holds it yet: nobody writes.
		await expect(a.append('ROOMAA', entry(1))).rejects.toBeInstanceOf(LeaseLost);
		expect(await a.leases.claim('ROOMAA')).toBe(true);
		expect(await b.leases.claim('ROOMAA')).toBe(false);
		await a.append('ROOMAA', entry(1));
		await expect(b.append('ROOMAA', entry(2))).rejects.toBeInstanceOf(LeaseLost);
		await expect(b.setSeatToken('ROOMAA', { seat: 'dermer', hash: 'x' })).rejects.toBeInstanceOf(LeaseLost);

		// Released, the room goes to B with a higher epoch; A's next write is refused, even in a group with B's.
		await a.leases.release('ROOMAA');
		expect(await b.leases.claim('ROOMAA')).toBe(true);
		expect(b.leases.epochOf('ROOMAA')).toBeGreaterThan(1);
		await expect(a.append('ROOMAA', entry(2))).rejects.toBeInstanceOf(LeaseLost);
		await b.append('ROOMAA', entry(2));
		expect((await b.log('ROOMAA')).map((e) => e.seq)).toEqual([1, 2]);
		await Promise.all([a.close(), b.close()]);
	});

	it('report a lease that ran out unrenewed as lost, and refuse writes under it', async () => {
		const { openPgStore } = await import('../../server/store/pg-store');
		const url = await postgres!.freshDatabase();
		const store = await openPgStore(url, { node: 'server-a', leaseMs: 60_000 });
		const config = { scenarioId: 'test' } as unknown as GameConfig;
		await store.createClass({ id: 'CLASS00001', facilitatorTokenHash: 'h', createdAt: 1 }, [{ code: 'ROOMAA', classId: 'CLASS00001', config, facilitatorTokenHash: 'h', createdAt: 1 }]);
		expect(await store.leases.claim('ROOMAA')).toBe(true);
		// As if this server had been paused past its lease: the lease runs out in the database.
		const db = new pg.Client({ connectionString: url });
		await db.connect();
		await db.query(`update room_leases set expires_at = now() - interval '1 second'`);
		await db.end();
		await expect(store.append('ROOMAA', [{ entry: { seq: 1, actor: { kind: 'facilitator' }, action: { type: 'advance' }, at: 1 } }])).rejects.toBeInstanceOf(LeaseLost);
		const lost: string[] = [];
		store.leases.onLost = (code) => lost.push(code);
		await store.leases.renew();
		expect(lost).toEqual(['ROOMAA']);
		expect(store.leases.epochOf('ROOMAA')).toBeUndefined();
		await store.close();
	});
	it('tell a room’s server that another server deleted the room: its writes refused as deleted, its renewal reporting it deleted, not lost; rooms past keeping another server serves left to that one', async () => {
		const { openPgStore } = await import('../../server/store/pg-store');
		const url = await postgres!.freshDatabase();
		const [a, b] = await Promise.all([openPgStore(url, { node: 'server-a', leaseMs: 60_000 }), openPgStore(url, { node: 'server-b', leaseMs: 60_000 })]);
		const config = { scenarioId: 'test' } as unknown as GameConfig;
		const room = (code: string) => ({ code, classId: 'CLASS00001', config, facilitatorTokenHash: 'h', createdAt: 1 });
		await a.createClass({ id: 'CLASS00001', facilitatorTokenHash: 'h', createdAt: 1 }, [room('ROOMAA'), room('ROOMBB'), room('ROOMCC')]);
		expect(await a.leases.claim('ROOMAA')).toBe(true);
		expect(await a.leases.claim('ROOMBB')).toBe(true);
		// Past keeping, but served by A: B leaves them to A, which deletes them itself and tells their browsers.
		expect(await b.roomsIdleSince(2)).toEqual(['ROOMCC']);
		expect((await a.roomsIdleSince(2)).sort()).toEqual(['ROOMAA', 'ROOMBB', 'ROOMCC']);

		await b.deleteRooms(['ROOMAA', 'ROOMBB']);
		await expect(a.append('ROOMAA', [{ entry: { seq: 1, actor: { kind: 'facilitator' }, action: { type: 'advance' }, at: 1 } }])).rejects.toBeInstanceOf(RoomDeleted);
		const deleted: string[] = [];
		const lost: string[] = [];
		a.leases.onDeleted = (code) => deleted.push(code);
		a.leases.onLost = (code) => lost.push(code);
		await a.leases.renew();
		expect(deleted).toEqual(['ROOMBB']);
		expect(lost).toEqual([]);
		expect(a.leases.epochOf('ROOMBB')).toBeUndefined();
		await Promise.all([a.close(), b.close()]);
	});

	it('remember a room’s home: kept by a server standing in for it, which hands the room back once its home has been up for a lease; live rooms nobody holds are found, idle ones are not', async () => {
		const { openPgStore } = await import('../../server/store/pg-store');
		const url = await postgres!.freshDatabase();
		const LEASE = 600;
		const open = (node: string) => openPgStore(url, { node, leaseMs: LEASE });
		const [a, b] = await Promise.all([open('server-a'), open('server-b')]);
		const config = { scenarioId: 'test' } as unknown as GameConfig;
		const room = (code: string) => ({ code, classId: 'CLASS00001', config, facilitatorTokenHash: 'h', createdAt: 1 });
		await a.createClass({ id: 'CLASS00001', facilitatorTokenHash: 'h', createdAt: 1 }, [room('ROOMAA'), room('ROOMBB')]);
		const db = new pg.Client({ connectionString: url });
		await db.connect();
		const homeOf = async (code: string) => (await db.query<{ home: string | null }>('select home from room_leases where room = $1', [code])).rows[0].home;
		const told = (leases: typeof a.leases, event: 'onHomeBack' | 'onUnserved') => {
			const codes = new Set<string>();
			leases[event] = (code) => codes.add(code);
			return codes;
		};
		const handBackByB = told(b.leases, 'onHomeBack');
		const unservedForB = told(b.leases, 'onUnserved');

		// A takes both rooms, the first server to: it is their home. Then it shuts down, letting them go.
		expect(await a.leases.claim('ROOMAA')).toBe(true);
		expect(await a.leases.claim('ROOMBB')).toBe(true);
		await a.close();
		// B takes the one whose browsers reach it, standing in for A; the other, nobody has open, B
		// finds unserved once its lease has been out for a lease's length more.
		expect(await b.leases.claim('ROOMAA')).toBe(true);
		expect(await homeOf('ROOMAA')).toBe('server-a');
		await expect.poll(() => unservedForB.has('ROOMBB'), { timeout: 5 * LEASE }).toBe(true);
		expect(unservedForB.has('ROOMAA')).toBe(false);

		// A comes back: B hands the room back once A has been up for a lease's length, not before.
		const again = await open('server-a');
		const unservedForA = told(again.leases, 'onUnserved');
		expect(handBackByB.size).toBe(0);
		await expect.poll(() => handBackByB.has('ROOMAA'), { timeout: 5 * LEASE }).toBe(true);
		// Let go for home, the room is A's to take at once, with nobody asking; and A's still.
		await b.leases.release('ROOMAA', 'home');
		await expect.poll(() => unservedForA.has('ROOMAA'), { timeout: 5 * LEASE }).toBe(true);
		expect(await again.leases.claim('ROOMAA', false)).toBe(true);
		expect(await homeOf('ROOMAA')).toBe('server-a');

		// Left idle, a room is taken again only when someone opens it, on the server that becomes its home.
		await again.leases.release('ROOMAA', 'idle');
		expect(await homeOf('ROOMAA')).toBeNull();
		unservedForA.clear();
		await new Promise((resolve) => setTimeout(resolve, 3 * LEASE));
		expect(unservedForA.has('ROOMAA')).toBe(false);
		expect(await b.leases.claim('ROOMAA')).toBe(true);
		expect(await homeOf('ROOMAA')).toBe('server-b');
		await db.end();
		await Promise.all([again.close(), b.close()]);
	});
});
