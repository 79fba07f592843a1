/** A class of several tables under one key, and the facilitator's seat management. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeAll, connect, req, viewWhere } from '../helpers/clients';
import { startServer, type RunningServer } from '../helpers/server';

let running: RunningServer;
beforeEach(async () => {
	running = await startServer();
});
afterEach(async () => {
	closeAll();
	await running.server.close();
});

describe('a class of tables', () => {
	it('creates several tables at once, opened from one console with one key', async () => {
		const host = await connect(running.url);
		const created = await req(host, 'createGame', { tables: 3, votingRule: 'majority' });
		expect(created).toMatchObject({ ok: true, classId: expect.stringMatching(/^[A-Z2-9]{10}$/), codes: expect.any(Array) });
		expect(new Set(created.codes).size).toBe(3);
		expect(await req(host, 'enterClass', { classId: created.classId, facilitatorToken: created.facilitatorToken })).toEqual({
			ok: true,
			codes: created.codes,
			retentionDays: 30
		});
		for (const code of created.codes) {
			const table = await connect(running.url);
			const entered = await req(table, 'enterRoom', { code, facilitatorToken: created.facilitatorToken });
			expect(entered).toMatchObject({ ok: true, view: { as: 'facilitator', votingRule: 'majority' } });
		}
		expect(await req(host, 'enterClass', { classId: created.classId, facilitatorToken: 'B'.repeat(32) })).toMatchObject({ code: 'bad_token' });
		expect(await req(host, 'enterClass', { classId: 'ZZZZZZZZZZ', facilitatorToken: created.facilitatorToken })).toMatchObject({
			code: 'unknown_room'
		});
		expect(await req(host, 'createGame', { tables: 40 })).toMatchObject({ code: 'bad_payload' });
	});
});

describe('seat management', () => {
	async function seated() {
		const host = await connect(running.url);
		const { code, facilitatorToken } = await req(host, 'createGame', {});
		await req(host, 'enterRoom', { code, facilitatorToken });
		const player = await connect(running.url);
		await req(player, 'enterRoom', { code });
		const { seatToken } = await req(player, 'action', { type: 'takeSeat', seat: 'dermer', name: 'Ron' });
		return { host, player, code, seatToken };
	}

	it('moves a seat to another device: the new link works, the old one stops, the old browser is told', async () => {
		const { host, player, code, seatToken } = await seated();
		const notices: { code: string }[] = [];
		player.on('notice', (n) => notices.push(n));
		expect(await req(player, 'reissueSeat', { seat: 'dermer' })).toMatchObject({ code: 'not_facilitator' });
		const moved = await req(host, 'reissueSeat', { seat: 'dermer' });
		expect(moved).toMatchObject({ ok: true, seatToken: expect.any(String) });
		await viewWhere(player, (v) => v.as === 'spectator');
		expect(notices).toEqual([{ code: 'seat_moved', message: expect.stringContaining('another device') }]);

		const tablet = await connect(running.url);
		expect(await req(tablet, 'enterRoom', { code, seatToken: moved.seatToken })).toMatchObject({ view: { as: 'seat', you: { seat: 'dermer' } } });
		const old = await connect(running.url);
		expect(await req(old, 'enterRoom', { code, seatToken })).toMatchObject({ code: 'bad_token' });
		expect(await req(host, 'reissueSeat', { seat: 'idf-chief' })).toMatchObject({ code: 'seat_empty' });
	});

	it('gives a seat opened in a second tab to the newest tab, and tells the other why', async () => {
		const { player, code, seatToken } = await seated();
		const notices: { code: string }[] = [];
		player.on('notice', (n) => notices.push(n));
		const second = await connect(running.url);
		expect(await req(second, 'enterRoom', { code, seatToken })).toMatchObject({ view: { as: 'seat' } });
		await viewWhere(player, (v) => v.as === 'spectator');
		expect(notices).toEqual([{ code: 'seat_opened_elsewhere', message: expect.stringContaining('another tab') }]);
		expect(await req(player, 'action', { type: 'raiseHand' })).toMatchObject({ code: 'not_seated' });
		expect(await req(second, 'action', { type: 'takeSeat', seat: 'idf-chief', name: 'x' })).toMatchObject({ code: 'already_seated' });
	});

	it('locks the room: nobody new sits down, watchers still come in, until it is unlocked', async () => {
		const { host, code } = await seated();
		expect(await req(host, 'action', { type: 'lockRoom' })).toMatchObject({ ok: true });
		const late = await connect(running.url);
		expect(await req(late, 'enterRoom', { code })).toMatchObject({ ok: true, view: { locked: true } });
		const refused = await req(late, 'action', { type: 'takeSeat', seat: 'idf-chief', name: 'Late' });
		expect(refused).toMatchObject({ code: 'room_locked', message: expect.stringContaining('unlock') });
		expect(await req(host, 'action', { type: 'unlockRoom' })).toMatchObject({ ok: true });
		expect(await req(late, 'action', { type: 'takeSeat', seat: 'idf-chief', name: 'Late' })).toMatchObject({ ok: true });
	});

	it('frees a seat: the player becomes a watcher, the token is revoked, someone else can sit', async () => {
		const { host, player, code, seatToken } = await seated();
		expect(await req(host, 'action', { type: 'releaseSeat', seat: 'dermer' })).toMatchObject({ ok: true });
		await viewWhere(player, (v) => v.as === 'spectator' && v.seats[0].player === null);
		const again = await connect(running.url);
		expect(await req(again, 'enterRoom', { code, seatToken })).toMatchObject({ code: 'bad_token' });
		await req(again, 'enterRoom', { code });
		expect(await req(again, 'action', { type: 'takeSeat', seat: 'dermer', name: 'New' })).toMatchObject({ ok: true });
		expect(await req(player, 'action', { type: 'releaseSeat', seat: 'dermer' })).toMatchObject({ code: 'not_facilitator' });
	});
});

describe('after a restart', () => {
	it('runs the timers of recent rooms again before anyone reconnects', async () => {
		const host = await connect(running.url);
		const { code, facilitatorToken } = await req(host, 'createGame', { timers: { briefing: 60, opening: null, debate: null, vote: null } });
		await req(host, 'enterRoom', { code, facilitatorToken });
		const player = await connect(running.url);
		await req(player, 'enterRoom', { code });
		await req(player, 'action', { type: 'takeSeat', seat: 'dermer', name: 'Ron' });
		await req(host, 'action', { type: 'start' });
		closeAll();
		await running.server.close();

		running = await startServer(running.database);
		// Nobody has entered the room on the new server; its briefing timer still runs out.
		running.clock.advance(61_000);
		await new Promise((r) => setTimeout(r, 50));
		const back = await connect(running.url);
		const entered = await req(back, 'enterRoom', { code, facilitatorToken });
		expect(entered.view.phase).toBe('opening');
	});
});
