/**
 * A room's queue: actions that wait together are applied in order and stored in one write, each
 * answered only once that write is on disk; a refusal among them stays a refusal, a failed write
 * leaves the room as it was, and a repeated action id is applied once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Rooms, type Room } from '../../server/rooms';
import { openSqliteStore } from '../../server/store/sqlite-store';
import type { Append, Store } from '../../server/store/store';
import { shippedScenario, tempDatabase } from '../helpers/server';
import { TestClock } from '../helpers/clock';
import { removeDatabase } from '../helpers/table';

const GUEST = { kind: 'guest' } as const;
const open: { store: Store; database: string }[] = [];
afterEach(async () => {
	for (const { store, database } of open.splice(0)) {
		await store.close();
		removeDatabase(database);
	}
});

/** Rooms over a real store whose appends are recorded, and can be made to fail. */
async function setUp() {
	const database = tempDatabase();
	const store = openSqliteStore(database);
	open.push({ store, database });
	const appends: Append[][] = [];
	const failing = { next: false };
	const recording: Store = {
		...store,
		append(code, list) {
			appends.push(list);
			if (failing.next) {
				failing.next = false;
				return Promise.reject(new Error('the change was not stored: disk full'));
			}
			return store.append(code, list);
		}
	};
	const rooms = new Rooms(recording, await shippedScenario(), new TestClock());
	const { codes } = await rooms.createClass(1);
	const room = (await rooms.load(codes[0])) as Room;
	const seats = room.state.seats.map((s) => s.id);
	return { rooms, room, store, seats, appends, failing };
}

describe("a room's queue", () => {
	it('stores the actions that wait together in one write, and answers each with its own sequence number', async () => {
		const { rooms, room, store, seats, appends } = await setUp();
		const answers = await Promise.all(seats.slice(0, 4).map((seat, i) => rooms.submit(room, GUEST, { type: 'takeSeat', seat, name: `Player ${i}` })));
		expect(answers.map((a) => a.ok && a.seq)).toEqual([1, 2, 3, 4]);
		const tokens = answers.map((a) => a.ok && a.seatToken);
		expect(new Set(tokens).size).toBe(4);
		expect(appends.map((list) => list.length)).toEqual([4]);
		expect(store.log(room.code).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
		// Each seat's token works, as it will after a restart.
		expect(rooms.authenticate(room, { seatToken: tokens[2] as string })).toEqual({ kind: 'seat', seat: seats[2] });
		expect(room.state.seats.filter((s) => s.player !== null)).toHaveLength(4);
	});

	it('answers a refused action with its refusal and stores the rest', async () => {
		const { rooms, room, seats, appends } = await setUp();
		const [first, again, other] = await Promise.all([
			rooms.submit(room, GUEST, { type: 'takeSeat', seat: seats[0], name: 'Ada' }),
			rooms.submit(room, GUEST, { type: 'takeSeat', seat: seats[0], name: 'Ben' }),
			rooms.submit(room, GUEST, { type: 'takeSeat', seat: seats[1], name: 'Cy' })
		]);
		expect(first).toMatchObject({ ok: true, seq: 1 });
		expect(again).toMatchObject({ ok: false, code: 'seat_taken' });
		expect(other).toMatchObject({ ok: true, seq: 2 });
		expect(appends.map((list) => list.map((a) => a.entry.seq))).toEqual([[1, 2]]);
	});

	it('refuses them all when their write fails, leaves the room as it was, and goes on with the next', async () => {
		const { rooms, room, store, seats, failing } = await setUp();
		failing.next = true;
		const before = room.state;
		const failed = await Promise.allSettled(seats.slice(0, 3).map((seat) => rooms.submit(room, GUEST, { type: 'takeSeat', seat, name: `Ada ${seat}` })));
		expect(failed.map((f) => f.status)).toEqual(['rejected', 'rejected', 'rejected']);
		expect(room.state).toBe(before);
		expect(store.log(room.code)).toEqual([]);
		const next = await rooms.submit(room, GUEST, { type: 'takeSeat', seat: seats[0], name: 'Ada' });
		expect(next).toMatchObject({ ok: true, seq: 1 });
	});

	it('applies a repeated action id once: the repeat waits for the first to be stored and gets its answer', async () => {
		const { rooms, room, store, seats } = await setUp();
		const take = { type: 'takeSeat', seat: seats[0], name: 'Ada' } as const;
		const [first, retry] = await Promise.all([rooms.submit(room, GUEST, take, 'client-1'), rooms.submit(room, GUEST, take, 'client-1')]);
		expect(first).toMatchObject({ ok: true, seq: 1 });
		expect(retry).toMatchObject({ ok: true, seq: 1, duplicate: true });
		// The retried seat-taking gets a fresh token; the first one's answer may never have arrived.
		expect(retry.ok && retry.seatToken).not.toBe(first.ok && first.seatToken);
		expect(store.log(room.code)).toHaveLength(1);
	});

	it('keeps a change of another kind in its place between actions', async () => {
		const { rooms, room, seats } = await setUp();
		const taken = rooms.submit(room, GUEST, { type: 'takeSeat', seat: seats[0], name: 'Ada' });
		const moved = rooms.reissueSeat(room, seats[0]);
		const [seat, reissued] = await Promise.all([taken, moved]);
		// The seat was taken before it was moved: the move succeeds and only the new token works.
		expect(reissued.ok).toBe(true);
		expect(rooms.authenticate(room, { seatToken: (seat.ok && seat.seatToken) as string })).toMatchObject({ ok: false, code: 'bad_token' });
		expect(rooms.authenticate(room, { seatToken: (reissued.ok && reissued.seatToken) as string })).toEqual({ kind: 'seat', seat: seats[0] });
	});
});
