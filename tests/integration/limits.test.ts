/** What one client may ask of the server: rate limits, page origins, transports and retried actions. */
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { parseTrustProxy } from '../../server/client-address';
import { openSqliteStore } from '../../server/store/sqlite-store';
import { closeAll, connect, req } from '../helpers/clients';
import { GENEROUS_LIMITS, startServer, type RunningServer } from '../helpers/server';

let running: RunningServer;
afterEach(async () => {
	closeAll();
	await running.server.close();
});

async function seatedTable(url: string, seat = 'dermer') {
	const host = await connect(url);
	const { code, facilitatorToken } = await req(host, 'createGame', { timers: { briefing: null, opening: null, debate: null, vote: null } });
	await req(host, 'enterRoom', { code, facilitatorToken });
	const player = await connect(url);
	await req(player, 'enterRoom', { code });
	const { seatToken } = await req(player, 'action', { type: 'takeSeat', seat, name: 'P' });
	for (const type of ['start', 'advance', 'advance', 'openVote'] as const) await req(host, 'action', { type });
	return { host, player, code, seatToken };
}

function storedActions(code: string) {
	const store = openSqliteStore(running.database);
	try {
		return store.log(code);
	} finally {
		store.close();
	}
}

describe('rate limits', () => {
	it('throttles a client sending 100 actions a second with a clear error, while another room carries on', async () => {
		running = await startServer(undefined, { limits: { ...GENEROUS_LIMITS, actionsPerSecond: 10 } });
		const flood = await seatedTable(running.url);
		const calm = await seatedTable(running.url);
		await new Promise((r) => setTimeout(r, 1100));

		const answers = await Promise.all(
			Array.from({ length: 100 }, (_, i) => req(flood.player, 'action', { type: 'castVote', choice: i % 2 ? 'yes' : 'no' }))
		);
		const limited = answers.filter((a) => !a.ok);
		expect(limited.length).toBeGreaterThanOrEqual(85);
		expect(limited[0]).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('wait a second') });
		// The other room, at the same moment, is unaffected.
		expect(await req(calm.player, 'action', { type: 'castVote', choice: 'yes' })).toMatchObject({ ok: true });
		// And the flooding client may act again a second later.
		await new Promise((r) => setTimeout(r, 1100));
		expect(await req(flood.player, 'action', { type: 'castVote', choice: 'abstain' })).toMatchObject({ ok: true });
	});

	it('cuts off a connection that keeps guessing, yet lets a right code in from the same network however much it guessed', async () => {
		running = await startServer(undefined, {
			limits: { ...GENEROUS_LIMITS, wrongGuessesPerConnection: 5, wrongGuessesPer10Minutes: 8, slowWrongGuessMs: 300 }
		});
		const host = await connect(running.url);
		const { code, facilitatorToken } = await req(host, 'createGame', {});
		await req(host, 'enterRoom', { code });
		const { seatToken } = await req(host, 'action', { type: 'takeSeat', seat: 'dermer', name: 'Seated' });
		// One page guesses: five wrong codes, then it may try no more — not even the right one.
		const guesser = await connect(running.url);
		for (let i = 0; i < 5; i++) expect(await req(guesser, 'enterRoom', { code: 'ZZZZZZ' })).toMatchObject({ code: 'unknown_room' });
		expect(await req(guesser, 'enterRoom', { code: 'ZZZZZZ' })).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('Reload the page') });
		expect(await req(guesser, 'enterRoom', { code })).toMatchObject({ code: 'rate_limited' });
		// A valid seat or facilitator link still opens on that page.
		expect(await req(guesser, 'enterRoom', { code, seatToken })).toMatchObject({ ok: true, view: { as: 'seat' } });
		expect(await req(guesser, 'enterRoom', { code, facilitatorToken })).toMatchObject({ ok: true, view: { as: 'facilitator' } });
		// A second page on the same network takes the address past its limit: its wrong guesses are
		// answered slowly and each costs a new connection.
		const second = await connect(running.url);
		for (let i = 0; i < 3; i++) expect(await req(second, 'enterRoom', { code: 'YYYYYY' })).toMatchObject({ code: 'unknown_room' });
		const before = Date.now();
		expect(await req(second, 'enterRoom', { code: 'YYYYYY' })).toMatchObject({ code: 'unknown_room' });
		expect(Date.now() - before).toBeGreaterThanOrEqual(290);
		expect(await req(second, 'enterRoom', { code: 'YYYYYY' })).toMatchObject({ code: 'rate_limited' });
		// A student behind the same router, with the right code, walks straight in, and so does the next.
		for (let i = 0; i < 2; i++) {
			const student = await connect(running.url);
			const started = Date.now();
			expect(await req(student, 'enterRoom', { code })).toMatchObject({ ok: true, view: { as: 'spectator' } });
			expect(Date.now() - started).toBeLessThan(250);
		}
	});

	it('believes X-Forwarded-For only from the proxies TRUST_PROXY names, so each client behind one keeps its own limits', async () => {
		const from = async (forwardedFor: string) => {
			const socket = io(running.url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { 'X-Forwarded-For': forwardedFor } });
			await new Promise((resolve) => socket.once('connect', () => resolve(undefined)));
			const answers = [await req(socket, 'createGame', {}), await req(socket, 'createGame', {})];
			socket.close();
			return answers.map((a) => (a.ok ? 'ok' : a.code));
		};
		// The server's peer is a proxy on this machine: each address it forwards is counted apart, and
		// what a client wrote further left in the header (a spoof) is not believed.
		running = await startServer(undefined, { limits: { ...GENEROUS_LIMITS, createsPer10Minutes: 1 }, trustProxy: parseTrustProxy('loopback') });
		expect(await from('203.0.113.1')).toEqual(['ok', 'rate_limited']);
		expect(await from('203.0.113.2')).toEqual(['ok', 'rate_limited']);
		expect(await from('203.0.113.3, 203.0.113.2')).toEqual(['rate_limited', 'rate_limited']);
		await running.server.close();
		// With no trusted proxy the header is anyone's to write, and ignored: one address, one limit.
		running = await startServer(undefined, { limits: { ...GENEROUS_LIMITS, createsPer10Minutes: 1 } });
		expect(await from('203.0.113.1')).toEqual(['ok', 'rate_limited']);
		expect(await from('203.0.113.2')).toEqual(['rate_limited', 'rate_limited']);
	});

	it('limits how many games one address creates', async () => {
		running = await startServer(undefined, { limits: { ...GENEROUS_LIMITS, createsPer10Minutes: 2 } });
		const host = await connect(running.url);
		expect(await req(host, 'createGame', {})).toMatchObject({ ok: true });
		expect(await req(host, 'createGame', {})).toMatchObject({ ok: true });
		expect(await req(host, 'createGame', {})).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('ten minutes') });
	});
});

describe('re-entering a seat', () => {
	/** Two tabs of one seat take it from each other in a tight loop for `ms`; every answer is returned. */
	async function fight(code: string, seatToken: string, ms: number) {
		const tabs = [await connect(running.url), await connect(running.url)];
		const answers: { ok: boolean; code?: string; message?: string }[] = [];
		const until = Date.now() + ms;
		await Promise.all(
			tabs.map(async (tab) => {
				while (Date.now() < until) answers.push(await req(tab, 'enterRoom', { code, seatToken }));
			})
		);
		return { tabs, answers };
	}

	async function watchedSeat() {
		const host = await connect(running.url);
		const { code } = await req(host, 'createGame', {});
		await req(host, 'enterRoom', { code });
		const { seatToken } = await req(host, 'action', { type: 'takeSeat', seat: 'dermer', name: 'Tabs' });
		host.disconnect();
		const watcher = await connect(running.url);
		await req(watcher, 'enterRoom', { code });
		const presence: string[][] = [];
		watcher.on('presence', (seats) => presence.push(seats));
		return { code, seatToken, presence };
	}

	it('sends a room at most a few presence updates a second however fast tabs re-enter, and always the last', async () => {
		running = await startServer();
		const { code, seatToken, presence } = await watchedSeat();
		const { tabs, answers } = await fight(code, seatToken, 2000);
		expect(answers.length).toBeGreaterThan(100);
		// At most one every quarter second, plus the first and the last.
		expect(presence.length).toBeLessThanOrEqual(2000 / 250 + 2);
		await new Promise((r) => setTimeout(r, 400));
		expect(presence.at(-1)).toEqual(['dermer']);
		// Nothing is lost: once both tabs have gone, the room hears so.
		for (const tab of tabs) tab.disconnect();
		await new Promise((r) => setTimeout(r, 400));
		expect(presence.at(-1)).toEqual([]);
	});

	it('refuses a seat re-entered too often in a minute, with a clear message, while other seats enter', async () => {
		running = await startServer(undefined, { limits: { ...GENEROUS_LIMITS, seatEntriesPerMinute: 10 } });
		const { code, seatToken } = await watchedSeat();
		const { answers } = await fight(code, seatToken, 500);
		expect(answers.filter((a) => a.ok)).toHaveLength(10);
		expect(answers.at(-1)).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('10 times in the last minute') });
		const other = await connect(running.url);
		await req(other, 'enterRoom', { code });
		const { seatToken: mossad } = await req(other, 'action', { type: 'takeSeat', seat: 'mossad-director', name: 'Calm' });
		expect(await req(await connect(running.url), 'enterRoom', { code, seatToken: mossad })).toMatchObject({ ok: true, view: { as: 'seat' } });
	});
});

describe('retried actions', () => {
	it('applies an action once however often it is sent with the same id', async () => {
		running = await startServer();
		const { player, code } = await seatedTable(running.url);
		const before = storedActions(code).length;
		const vote = { type: 'castVote', choice: 'yes', actionId: 'retry-0123456789' };
		const first = await req(player, 'action', vote);
		const again = await req(player, 'action', vote);
		const third = await req(player, 'action', { ...vote, choice: 'no' });
		expect(first).toMatchObject({ ok: true });
		expect(again).toEqual({ ok: true, seq: first.seq });
		expect(third).toEqual({ ok: true, seq: first.seq });
		const log = storedActions(code);
		expect(log.length).toBe(before + 1);
		expect(log.at(-1)).toMatchObject({ action: { type: 'castVote', choice: 'yes' }, actionId: 'retry-0123456789' });
		expect(await req(player, 'action', { type: 'castVote', choice: 'no', actionId: 'x' })).toMatchObject({ code: 'bad_payload' });
	});

	it('refuses an id reused by another sender or for another kind of action, instead of pretending', async () => {
		running = await startServer();
		const { host, player } = await seatedTable(running.url);
		await req(player, 'action', { type: 'castVote', choice: 'yes', actionId: 'used-once-000001' });
		const reused = await req(host, 'action', { type: 'closeVote', actionId: 'used-once-000001' });
		expect(reused).toMatchObject({ code: 'bad_payload', message: expect.stringContaining('new id') });
		expect(await req(player, 'action', { type: 'raiseHand', actionId: 'used-once-000001' })).toMatchObject({ code: 'bad_payload' });
	});

	it('gives a retried seat-taking the seat and a fresh token, so a lost answer does not lose the seat', async () => {
		running = await startServer();
		const host = await connect(running.url);
		const { code } = await req(host, 'createGame', {});
		const first = await connect(running.url);
		await req(first, 'enterRoom', { code });
		const take = { type: 'takeSeat', seat: 'dermer', name: 'Avi', actionId: 'sit-down-000001' };
		const answered = await req(first, 'action', take);
		first.disconnect();
		// The answer never arrived: the browser reconnects as a guest and sends the same action again.
		const again = await connect(running.url);
		await req(again, 'enterRoom', { code });
		const retried = await req(again, 'action', take);
		expect(retried).toMatchObject({ ok: true, seq: answered.seq, seatToken: expect.any(String) });
		expect(await req(again, 'action', { type: 'raiseHand' })).toMatchObject({ code: 'wrong_phase' });
		const later = await connect(running.url);
		expect(await req(later, 'enterRoom', { code, seatToken: retried.seatToken })).toMatchObject({ view: { as: 'seat', you: { seat: 'dermer' } } });
	});

	it('still recognises the id after a restart', async () => {
		running = await startServer();
		const { player, code, seatToken } = await seatedTable(running.url);
		const vote = { type: 'castVote', choice: 'yes', actionId: 'across-restart-01' };
		const first = await req(player, 'action', vote);
		closeAll();
		await running.server.close();
		running = await startServer(running.database);
		// The player comes back with their seat and retries: answered, not applied twice.
		const back = await connect(running.url);
		expect(await req(back, 'enterRoom', { code, seatToken })).toMatchObject({ ok: true });
		expect(await req(back, 'action', vote)).toEqual({ ok: true, seq: first.seq });
		expect(storedActions(code).filter((e) => e.action.type === 'castVote')).toHaveLength(1);
	});
});

describe('the handshake', () => {
	function raw(url: string, options: Parameters<typeof io>[1]): Promise<Socket> {
		const socket = io(url, { forceNew: true, reconnection: false, ...options });
		return new Promise((resolve, reject) => {
			socket.once('connect', () => resolve(socket));
			socket.once('connect_error', (err) => {
				socket.close();
				reject(err);
			});
		});
	}

	it('refuses a page from another origin, on polling and on websocket alike', async () => {
		running = await startServer();
		const evil = { extraHeaders: { Origin: 'http://evil.example' } };
		await expect(raw(running.url, { ...evil, transports: ['websocket'] })).rejects.toThrow();
		await expect(raw(running.url, { ...evil, transports: ['polling'] })).rejects.toThrow();
		const own = await raw(running.url, { extraHeaders: { Origin: running.url }, transports: ['websocket'] });
		expect(own.connected).toBe(true);
		own.close();
	});

	it('admits the origins a deployment lists, and can accept websocket only', async () => {
		running = await startServer(undefined, { allowedOrigins: ['https://school.example'], transports: ['websocket'] });
		const listed = await raw(running.url, { extraHeaders: { Origin: 'https://school.example' }, transports: ['websocket'] });
		expect(listed.connected).toBe(true);
		listed.close();
		// The server's own pages still connect beside the listed ones (rebinding.test.ts has the rest).
		const own = await raw(running.url, { extraHeaders: { Origin: running.url }, transports: ['websocket'] });
		expect(own.connected).toBe(true);
		own.close();
		await expect(raw(running.url, { transports: ['polling'] })).rejects.toThrow();
	});
});
