/** Scripted roles in live rooms: solo practice, and standing in for a player who dropped out. */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SeatView } from '../../src/lib/game/view';
import { closeAll, connect, req, viewWhere, type TestClient } from '../helpers/clients';
import { startServer, type RunningServer } from '../helpers/server';

let running: RunningServer;
beforeEach(async () => {
	running = await startServer();
});
afterEach(async () => {
	closeAll();
	await running.server.close();
});

describe('solo practice', () => {
	it('seats the player, fills every other seat with a scripted role, and runs the game to the debrief', async () => {
		const me = await connect(running.url);
		const created = await req(me, 'createGame', { solo: { seat: 'idf-chief', name: 'Learner' }, votingRule: 'majority' });
		expect(created).toMatchObject({ ok: true, seatToken: expect.any(String), facilitatorToken: expect.any(String) });
		const entered = await req(me, 'enterRoom', { code: created.code, seatToken: created.seatToken });
		expect(entered.view.seats.filter((s: { bot: boolean }) => s.bot).length).toBe(entered.view.seats.length - 1);

		// The autopilot starts the game; the briefing waits for the learner's "next step".
		let view = (await viewWhere(me, (v) => v.phase === 'briefing')) as SeatView;
		const host = await connect(running.url);
		await req(host, 'enterRoom', { code: created.code, facilitatorToken: created.facilitatorToken });
		expect(await req(host, 'action', { type: 'advance' })).toMatchObject({ ok: true });

		// Through each clause: the learner votes yes; the bots argue and vote; timers move the debate on.
		for (let guard = 0; guard < 200 && view.phase !== 'debrief'; guard++) {
			view = me.views.at(-1) as SeatView;
			const open = view.votes.at(-1)?.status === 'open';
			if (open && !view.you.ballot) await req(me, 'action', { type: 'castVote', choice: 'yes' });
			else running.clock.advance(30_000);
			await new Promise((r) => setTimeout(r, 20));
		}
		view = (await viewWhere(me, (v) => v.phase === 'debrief', 10_000)) as SeatView;
		expect(view.debrief!.seats).toHaveLength(view.seats.length);
		// Each bot's reasoning per vote is there for the debrief: one sentence per ballot.
		const botReasons = view.votes.flatMap((v) => Object.entries(v.ballots ?? {}).filter(([seat]) => seat !== 'idf-chief'));
		expect(botReasons.length).toBeGreaterThan(10);
		for (const [, ballot] of botReasons) expect(ballot.reason).toMatch(/.{10,}/);
	});

	it('debates only the clauses of the lesson plan the learner chose, and refuses a clause the scenario lacks', async () => {
		const me = await connect(running.url);
		const agenda = ['scope', 'activation', 'freedom-of-action', 'saudi-track'];
		const created = await req(me, 'createGame', { solo: { seat: 'dermer', name: 'Learner' }, agenda });
		expect(created).toMatchObject({ ok: true });
		const entered = await req(me, 'enterRoom', { code: created.code, seatToken: created.seatToken });
		expect(entered.view.clauses.map((c: { id: string }) => c.id)).toEqual(agenda);

		const stray = await req(me, 'createGame', { solo: { seat: 'dermer', name: 'Learner' }, agenda: ['scope', 'scoep'] });
		expect(stray).toMatchObject({ ok: false, code: 'bad_payload', message: expect.stringContaining('scoep') });
	});

	it('refuses a solo seat that does not exist', async () => {
		const me = await connect(running.url);
		const res = await req(me, 'createGame', { solo: { seat: 'nobody', name: 'X' } });
		expect(res).toMatchObject({ ok: false, code: 'unknown_seat' });
		expect(res.message).toContain('dermer');
	});

	it('refuses a blank-looking name or the scripted roles’ label, and makes no game for it', async () => {
		const me = await connect(running.url);
		const blank = await req(me, 'createGame', { solo: { seat: 'dermer', name: '\u3164\u2800' } });
		expect(blank).toMatchObject({ ok: false, code: 'bad_payload', message: expect.stringContaining('enter a display name that shows') });
		const label = await req(me, 'createGame', { solo: { seat: 'dermer', name: 'scripted role' } });
		expect(label).toMatchObject({ ok: false, code: 'name_reserved', message: expect.stringContaining('choose another name') });
		const db = new Database(running.database, { readonly: true });
		expect(db.prepare('select count(*) as n from rooms').get()).toEqual({ n: 0 });
		db.close();
	});
});

describe('a scripted role standing in for a player', () => {
	async function table() {
		const host = await connect(running.url);
		const { code, facilitatorToken } = await req(host, 'createGame', { timers: { briefing: null, opening: null, debate: null, vote: null } });
		await req(host, 'enterRoom', { code, facilitatorToken });
		const players: Record<string, { client: TestClient; token: string }> = {};
		for (const seat of ['dermer', 'idf-chief', 'mossad-director', 'white-house-adviser-1']) {
			const client = await connect(running.url);
			await req(client, 'enterRoom', { code });
			const { seatToken } = await req(client, 'action', { type: 'takeSeat', seat, name: seat });
			players[seat] = { client, token: seatToken };
		}
		for (const type of ['start', 'advance', 'advance'] as const) await req(host, 'action', { type });
		return { host, code, players };
	}

	it('takes a seat only after its player has been away for the grace period, then votes for them', async () => {
		const { host, code, players } = await table();
		expect(await req(host, 'action', { type: 'handToBot', seat: 'mossad-director' })).toMatchObject({ code: 'still_connected' });
		players['mossad-director'].client.disconnect();
		await new Promise((r) => setTimeout(r, 50));
		const early = await req(host, 'action', { type: 'handToBot', seat: 'mossad-director' });
		expect(early).toMatchObject({ code: 'still_connected', message: expect.stringContaining('wait 20 more seconds') });
		running.clock.advance(20_000);
		expect(await req(host, 'action', { type: 'handToBot', seat: 'mossad-director' })).toMatchObject({ ok: true });
		expect(await req(host, 'action', { type: 'openVote' })).toMatchObject({ ok: true });
		const voted = await viewWhere(host, (v) => v.votes.at(-1)?.status === 'open' && Boolean(v.votes.at(-1)!.ballots?.['mossad-director']));
		expect(voted.votes.at(-1)!.ballots!['mossad-director'].reason).toBeTruthy();

		// The player comes back: the seat is theirs again at once, with the bot's ballot standing.
		const back = await connect(running.url);
		const entered = await req(back, 'enterRoom', { code, seatToken: players['mossad-director'].token });
		expect(entered).toMatchObject({ ok: true, view: { as: 'seat' } });
		const mine = await viewWhere(back, (v) => v.as === 'seat' && !v.seats.find((s) => s.id === 'mossad-director')!.bot);
		expect(mine.votes.at(-1)!.ballotsIn).toBeGreaterThan(0);
		expect(await req(back, 'action', { type: 'castVote', choice: 'no' })).toMatchObject({ ok: true });
		// One seat, one ballot: the player's change replaced the bot's, nothing doubled.
		const after = await viewWhere(host, (v) => v.votes.at(-1)?.ballots?.['mossad-director']?.choice === 'no');
		expect(Object.keys(after.votes.at(-1)!.ballots!).filter((s) => s === 'mossad-director')).toHaveLength(1);
	});
});
