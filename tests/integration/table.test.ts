/** A whole skeleton game through real sockets: create, seat, vote live, change, close, come back. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

const SEATS = ['dermer', 'idf-chief', 'mossad-director'] as const;

/** Start, then past the briefing and the opening statements: Scope is the first clause on the floor. */
async function toScope(host: TestClient) {
	for (const type of ['start', 'advance', 'advance'] as const) expect(await req(host, 'action', { type })).toMatchObject({ ok: true });
}

async function tableWithPlayers() {
	const host = await connect(running.url);
	const created = await req(host, 'createGame', {});
	expect(created).toMatchObject({ ok: true, code: expect.stringMatching(/^[A-HJ-KMNP-Z2-9]{6}$/) });
	const { code, facilitatorToken } = created;
	expect(await req(host, 'enterRoom', { code, facilitatorToken })).toMatchObject({ ok: true, view: { as: 'facilitator' } });

	const players: Record<string, TestClient> = {};
	const tokens: Record<string, string> = {};
	for (const seat of SEATS) {
		const player = await connect(running.url);
		const entered = await req(player, 'enterRoom', { code });
		expect(entered.view.as).toBe('spectator');
		const taken = await req(player, 'action', { type: 'takeSeat', seat, name: `Player ${seat}` });
		expect(taken).toMatchObject({ ok: true, seatToken: expect.any(String) });
		players[seat] = player;
		tokens[seat] = taken.seatToken;
	}
	return { host, code, facilitatorToken, players, tokens };
}

describe('a table over real sockets', () => {
	it('seats players from the scenario, and refuses a seat taken twice', async () => {
		const { code, host } = await tableWithPlayers();
		const view = await viewWhere(host, (v) => v.seats.filter((s) => s.player).length === 3);
		expect(view.seats.map((s) => s.roleName)).toEqual(
			expect.arrayContaining(['Ron Dermer', expect.stringMatching(/Chief of Staff|Halevi/), expect.stringMatching(/Mossad|Barnea/)])
		);
		const late = await connect(running.url);
		await req(late, 'enterRoom', { code });
		expect(await req(late, 'action', { type: 'takeSeat', seat: 'dermer', name: 'Late' })).toMatchObject({
			ok: false,
			code: 'seat_taken'
		});
	});

	it('shows every browser the tally change as players vote and change their votes, then the result', async () => {
		const { host, players } = await tableWithPlayers();
		const watcher = await connect(running.url);
		await req(watcher, 'enterRoom', { code: (await viewWhere(host, () => true)).code });

		await toScope(host);
		expect(await req(host, 'action', { type: 'openVote' })).toMatchObject({ ok: true });

		await req(players.dermer, 'action', { type: 'castVote', choice: 'yes' });
		await req(players['idf-chief'], 'action', { type: 'castVote', choice: 'no' });
		for (const client of [host, watcher, ...Object.values(players)]) {
			const v = await viewWhere(client, (v) => v.votes[0]?.counts?.yes === 1 && v.votes[0]?.counts?.no === 1);
			expect(v.votes[0].ballotsIn).toBe(2);
		}

		// The IDF chief changes their mind: still one ballot, now a yes.
		await req(players['idf-chief'], 'action', { type: 'castVote', choice: 'yes' });
		const changed = await viewWhere(watcher, (v) => v.votes[0]?.counts?.yes === 2);
		expect(changed.votes[0].counts).toEqual({ yes: 2, no: 0, abstain: 0 });
		const chief = await viewWhere(players['idf-chief'], (v) => v.as === 'seat' && v.you.ballot?.choice === 'yes');
		expect(chief.as).toBe('seat');

		expect(await req(host, 'action', { type: 'closeVote' })).toMatchObject({ ok: true });
		for (const client of [host, watcher, ...Object.values(players)]) {
			const closed = await viewWhere(client, (v) => v.votes[0]?.status === 'closed');
			// Dual-key by default: the Israeli side said yes, but the one US seat is empty, so its key cannot turn.
			expect(closed.votes[0].result).toMatchObject({ passed: false, yes: 2, keys: { israel: true, us: false } });
		}
	});

	it('gives a returning browser its seat and its ballot back from the seat token', async () => {
		const { host, players, tokens, code } = await tableWithPlayers();
		await toScope(host);
		await req(host, 'action', { type: 'openVote' });
		await req(players.dermer, 'action', { type: 'castVote', choice: 'no' });
		players.dermer.disconnect();

		const back = await connect(running.url);
		const entered = await req(back, 'enterRoom', { code, seatToken: tokens.dermer });
		expect(entered).toMatchObject({ ok: true, view: { as: 'seat', you: { seat: 'dermer', ballot: { choice: 'no' } } } });
		expect(await req(back, 'action', { type: 'castVote', choice: 'yes' })).toMatchObject({ ok: true });
		const view = await viewWhere(host, (v) => v.votes[0]?.counts?.yes === 1);
		expect(view.votes[0].ballotsIn).toBe(1);
	});

	it('keeps a seat’s brief and objectives to that seat', async () => {
		const { code, tokens } = await tableWithPlayers();
		const dermer = await connect(running.url);
		const mine = await req(dermer, 'enterRoom', { code, seatToken: tokens.dermer });
		const brief: string = mine.view.you.brief;
		expect(brief.length).toBeGreaterThan(50);
		const chief = await connect(running.url);
		const theirs = await req(chief, 'enterRoom', { code, seatToken: tokens['idf-chief'] });
		expect(JSON.stringify(theirs.view)).not.toContain(brief);
		const spectator = await connect(running.url);
		expect(JSON.stringify((await req(spectator, 'enterRoom', { code })).view)).not.toContain(brief);
	});
});
