/**
 * A retried seat-taking action id is the one way a guest could once take a seat it had no right
 * to: every guest is the same actor, so the retry proved nothing. These tests replay it as an
 * attacker would, over the real socket, and check that each attempt is refused, that the seat's
 * holder never notices, and that the server stays up for every room.
 */
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/log';
import { openSqliteStore } from '../../server/store/sqlite-store';
import { hashToken } from '../../server/tokens';
import { seatView, spectatorView, type AnyView } from '../../src/lib/game/view';
import { closeAll, connect, req, viewWhere, type TestClient } from '../helpers/clients';
import { shippedScenario, startServer, tempDatabase, type RunningServer } from '../helpers/server';

let running: RunningServer | undefined;
afterEach(async () => {
	closeAll();
	await running?.server.close();
	running = undefined;
});

const briefingOnly = { briefing: 60, opening: null, debate: null, vote: null };

/** A table with its facilitator in the room and a timed briefing. */
async function table(url: string) {
	const host = await connect(url);
	const { code, facilitatorToken } = await req(host, 'createGame', { timers: briefingOnly });
	await req(host, 'enterRoom', { code, facilitatorToken });
	return { host, code, facilitatorToken };
}

async function guest(url: string, code: string): Promise<TestClient> {
	const client = await connect(url);
	expect(await req(client, 'enterRoom', { code })).toMatchObject({ ok: true, view: { as: 'spectator' } });
	return client;
}

describe('a replayed seat-taking action id', () => {
	it('takes no other seat, no freed or moved seat, nothing through a lock and no seat that does not exist', async () => {
		running = await startServer();
		const { url } = running;
		const { host, code } = await table(url);
		const attacker = await guest(url, code);
		expect(await req(attacker, 'action', { type: 'takeSeat', seat: 'dermer', name: 'Mallory', actionId: 'attack-0001' })).toMatchObject({ ok: true });
		const holder = await guest(url, code);
		const held = await req(holder, 'action', { type: 'takeSeat', seat: 'idf-chief', name: 'Hana', actionId: 'holder-0001' });
		expect(held).toMatchObject({ ok: true, seatToken: expect.any(String) });
		const notices: unknown[] = [];
		holder.on('notice', (n) => notices.push(n));

		// The same id, from a fresh guest connection, naming every kind of seat it has no right to.
		const replay = async (seat: string, actionId = 'attack-0001') => {
			const again = await guest(url, code);
			return req(again, 'action', { type: 'takeSeat', seat, name: 'Mallory', actionId });
		};
		expect(await replay('idf-chief')).toMatchObject({ ok: false, code: 'bad_payload' });
		expect(await replay('no-such-seat')).toMatchObject({ ok: false, code: 'bad_payload' });

		await req(host, 'action', { type: 'lockRoom' });
		expect(await replay('dermer')).toMatchObject({ ok: false, code: 'room_locked' });
		await req(host, 'action', { type: 'unlockRoom' });

		await req(host, 'action', { type: 'releaseSeat', seat: 'dermer' });
		expect(await replay('dermer')).toMatchObject({ ok: false, code: 'seat_taken' });
		const afterFreed = (await req(await connect(url), 'enterRoom', { code })).view as AnyView;
		expect(afterFreed.seats.find((s) => s.id === 'dermer')?.player).toBeNull();

		expect(await req(attacker, 'action', { type: 'takeSeat', seat: 'mossad-director', name: 'Mallory', actionId: 'attack-0002' })).toMatchObject({ ok: true });
		expect(await req(host, 'reissueSeat', { seat: 'mossad-director' })).toMatchObject({ ok: true });
		expect(await replay('mossad-director', 'attack-0002')).toMatchObject({ ok: false, code: 'seat_taken' });

		// The seat's holder was never told to leave, and still holds it.
		expect(notices).toEqual([]);
		expect(await req(holder, 'action', { type: 'takeSeat', seat: 'dermer', name: 'Hana' })).toMatchObject({ code: 'already_seated' });
		const reopened = await connect(url);
		expect(await req(reopened, 'enterRoom', { code, seatToken: held.seatToken })).toMatchObject({ view: { as: 'seat', you: { seat: 'idf-chief' } } });

		// Every room on the server goes on: the game starts and its timer runs out as it should.
		expect(await req(host, 'action', { type: 'start' })).toMatchObject({ ok: true });
		running.clock.advance(61_000);
		await viewWhere(host, (v) => v.phase === 'opening');
		expect(running.server.rooms.get(code)?.seatTokens.has('no-such-seat')).toBe(false);
	});

	it('hands the same seat back to the browser whose answer was lost, with a fresh token, while that token holds it', async () => {
		running = await startServer();
		const { url } = running;
		const { code } = await table(url);
		const player = await guest(url, code);
		const first = await req(player, 'action', { type: 'takeSeat', seat: 'dermer', name: 'Ron', actionId: 'mine-00001' });
		player.disconnect();

		const back = await guest(url, code);
		const retried = await req(back, 'action', { type: 'takeSeat', seat: 'dermer', name: 'Ron', actionId: 'mine-00001' });
		expect(retried).toMatchObject({ ok: true, seq: first.seq, seatToken: expect.any(String) });
		expect(retried.seatToken).not.toBe(first.seatToken);
		// The retry's token now holds the seat; the lost answer's token no longer does.
		expect(await req(await connect(url), 'enterRoom', { code, seatToken: first.seatToken })).toMatchObject({ code: 'bad_token' });
		expect(await req(await connect(url), 'enterRoom', { code, seatToken: retried.seatToken })).toMatchObject({ view: { as: 'seat', you: { seat: 'dermer' } } });
		// And a retry of the retry still works, because the token it issued holds the seat.
		expect(await req(await guest(url, code), 'action', { type: 'takeSeat', seat: 'dermer', name: 'Ron', actionId: 'mine-00001' })).toMatchObject({ ok: true });
	});

	it('after a restart, ignores a stored token for a seat the table does not have, and keeps serving', async () => {
		const database = tempDatabase();
		running = await startServer(database);
		const { code, facilitatorToken } = await table(running.url);
		await running.server.close();
		running = undefined;
		// What an older version's bug could leave in the file.
		const store = openSqliteStore(database);
		await store.setSeatToken(code, { seat: 'no-such-seat', hash: hashToken('x'.repeat(32)) });
		await store.close();

		let logged = '';
		const sink = new Writable({ write: (chunk, _e, done) => void ((logged += chunk), done()) });
		running = await startServer(database, { logger: createLogger('info', sink) });
		const host = await connect(running.url);
		expect(await req(host, 'enterRoom', { code, facilitatorToken })).toMatchObject({ ok: true });
		expect(await req(await connect(running.url), 'enterRoom', { code, seatToken: 'x'.repeat(32) })).toMatchObject({ code: 'bad_token' });
		const player = await guest(running.url, code);
		expect(await req(player, 'action', { type: 'takeSeat', seat: 'dermer', name: 'Ron' })).toMatchObject({ ok: true });
		expect(await req(host, 'action', { type: 'start' })).toMatchObject({ ok: true });
		running.clock.advance(61_000);
		await viewWhere(host, (v) => v.phase === 'opening');
		expect(logged).toContain('no-such-seat');
	});
});

describe('a fault in one room', () => {
	it('is logged with the room and stays there: other rooms and the process go on', async () => {
		let logged = '';
		const sink = new Writable({ write: (chunk, _e, done) => void ((logged += chunk), done()) });
		running = await startServer(undefined, { logger: createLogger('info', sink) });
		const broken = await table(running.url);
		const fine = await table(running.url);
		for (const t of [broken, fine]) expect(await req(t.host, 'action', { type: 'start' })).toMatchObject({ ok: true });

		const rooms = running.server.rooms;
		const send = rooms.onChange;
		rooms.onChange = (room) => {
			if (room.code === broken.code) throw new Error('a fault in this room only');
			send(room);
		};
		running.clock.advance(61_000);
		await viewWhere(fine.host, (v) => v.phase === 'opening');
		await rooms.drain();
		expect(rooms.get(broken.code)?.state.phase).toBe('opening');
		const fault = logged
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line))
			.find((e) => e.err?.message === 'a fault in this room only');
		expect(fault?.msg).toContain(broken.code);
		// The broken room's browsers catch up on the next change that reaches them.
		rooms.onChange = send;
		expect(await req(broken.host, 'action', { type: 'advance' })).toMatchObject({ ok: true });
	});
});

describe('guests seating themselves', () => {
	/** Every browser holds exactly the view the rules give its seat, or the spectators' one. */
	async function everyViewMatches(url: string, code: string, clients: TestClient[], seatOf: Map<TestClient, string>) {
		const scenario = await shippedScenario();
		await expect
			.poll(() => {
				const state = running!.server.rooms.get(code)!.state;
				return clients.map((c) => {
					const seat = seatOf.get(c);
					const due = seat ? seatView(state, seat, scenario) : spectatorView(state, scenario);
					return JSON.stringify(c.held.view) === JSON.stringify(due) ? 'ok' : `${seat ?? 'spectator'} holds ${c.held.view?.as}`;
				});
			})
			.toEqual(clients.map(() => 'ok'));
		for (const c of clients) expect(c.lostPatches).toBe(0);
	}

	it('each gets its own seat view, one after another and all at once', async () => {
		running = await startServer();
		const { url } = running;
		const { code } = await table(url);
		const guests = await Promise.all(Array.from({ length: 6 }, () => guest(url, code)));
		const seatOf = new Map<TestClient, string>();
		await everyViewMatches(url, code, guests, seatOf);

		// The last to enter first: the guests before it in the room still hold the spectators' view.
		for (const [client, seat] of [
			[guests[5], 'dermer'],
			[guests[4], 'idf-chief']
		] as const) {
			expect(await req(client, 'action', { type: 'takeSeat', seat, name: seat })).toMatchObject({ ok: true });
			seatOf.set(client, seat);
			await everyViewMatches(url, code, guests, seatOf);
		}

		const free = running.server.rooms.get(code)!.state.seats.filter((s) => s.player === null).map((s) => s.id);
		const together = guests.slice(1, 1 + Math.min(3, free.length));
		const answers = await Promise.all(together.map((c, i) => req(c, 'action', { type: 'takeSeat', seat: free[i], name: `Player ${i}` })));
		for (const [i, answer] of answers.entries()) {
			expect(answer).toMatchObject({ ok: true });
			seatOf.set(together[i], free[i]);
		}
		await everyViewMatches(url, code, guests, seatOf);
	});
});
