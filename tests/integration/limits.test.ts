/** What one client may ask of the server: rate limits, page origins, transports and retried actions. */
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
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

	it('stops an address that keeps guessing room codes, even for a right code, with a clear message', async () => {
		running = await startServer(undefined, { limits: { ...GENEROUS_LIMITS, wrongGuessesPer10Minutes: 5 } });
		const host = await connect(running.url);
		const { code, facilitatorToken } = await req(host, 'createGame', {});
		await req(host, 'enterRoom', { code });
		const { seatToken } = await req(host, 'action', { type: 'takeSeat', seat: 'dermer', name: 'Seated' });
		const guesser = await connect(running.url);
		for (let i = 0; i < 5; i++) expect(await req(guesser, 'enterRoom', { code: 'ZZZZZZ' })).toMatchObject({ code: 'unknown_room' });
		expect(await req(guesser, 'enterRoom', { code: 'ZZZZZZ' })).toMatchObject({ code: 'rate_limited' });
		const refused = await req(guesser, 'enterRoom', { code });
		expect(refused).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('wrong room codes') });
		expect(await req(guesser, 'enterRoom', { code, seatToken: 'A'.repeat(32) })).toMatchObject({ code: 'rate_limited' });
		// Someone with a valid seat or facilitator link on the same network still gets in.
		expect(await req(guesser, 'enterRoom', { code, seatToken })).toMatchObject({ ok: true, view: { as: 'seat' } });
		expect(await req(guesser, 'enterRoom', { code, facilitatorToken })).toMatchObject({ ok: true, view: { as: 'facilitator' } });
	});

	it('limits how many games one address creates', async () => {
		running = await startServer(undefined, { limits: { ...GENEROUS_LIMITS, createsPer10Minutes: 2 } });
		const host = await connect(running.url);
		expect(await req(host, 'createGame', {})).toMatchObject({ ok: true });
		expect(await req(host, 'createGame', {})).toMatchObject({ ok: true });
		expect(await req(host, 'createGame', {})).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('ten minutes') });
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
