/**
 * Timers through the server with a clock the test moves: a briefing, a debate and a vote each
 * run out for every browser; silent seats abstain; pause freezes, resume continues, extending
 * pushes the deadline; and a running timer survives the server being closed and started again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, viewWhere } from '../helpers/clients';
import { startServer, type RunningServer } from '../helpers/server';
import { Table, ask, ramDatabase, recorded, removeDatabase } from '../helpers/table';

const S = 1000;
let servers: RunningServer[] = [];
const databases = new Set<string>();
async function server(database = ramDatabase()) {
	const running = await startServer(database);
	servers.push(running);
	databases.add(database);
	return running;
}
afterEach(async () => {
	closeAll();
	for (const running of servers.splice(0)) await running.server.close().catch(() => {});
	for (const database of databases) removeDatabase(database);
	databases.clear();
});

const SEATS = ['dermer', 'idf-chief', 'white-house-adviser-1', 'white-house-adviser-2'];
const timers = (t: Partial<Record<'briefing' | 'opening' | 'debate' | 'vote', number>>) => ({
	briefing: null,
	opening: null,
	debate: null,
	vote: null,
	...t
});

describe('timers', () => {
	it('moves every browser from the briefing to the opening statements when the briefing time is up', async () => {
		const running = await server();
		const table = await Table.open(running.url, { timers: timers({ briefing: 60 }), seatCounts: { 'white-house-adviser': 2 } }, SEATS);
		const started = running.clock.now();
		await table.run('start');
		await table.settle();
		for (const client of table.clients)
			expect(table.latest(client)).toMatchObject({ phase: 'briefing', timer: { step: 'briefing', endsAt: started + 60 * S, remaining: null } });

		running.clock.advance(59_999);
		expect(await table.probe()).toMatchObject({ phase: 'briefing', timer: { step: 'briefing' } });

		running.clock.advance(1);
		for (const client of table.clients) {
			const view = await viewWhere(client, (v) => v.phase === 'opening');
			// The opening statements are untimed in this game: the facilitator moves on.
			expect(view.timer).toBeNull();
		}
		expect(running.clock.pending).toBe(0);
	});

	it('opens the vote when the debate time is up, and closes it when the vote time is up: silent seats abstain', async () => {
		const running = await server();
		const table = await Table.open(
			running.url,
			{ votingRule: 'dual-key', timers: timers({ debate: 120, vote: 30 }), seatCounts: { 'white-house-adviser': 2 } },
			SEATS
		);
		for (const type of ['start', 'advance', 'advance'] as const) await table.run(type);
		const onFloor = running.clock.now();
		expect(await table.facilitatorView()).toMatchObject({ floor: { clauseId: 'scope' }, timer: { step: 'debate', endsAt: onFloor + 120 * S } });

		running.clock.advance(120 * S);
		for (const client of table.clients) {
			const view = await viewWhere(client, (v) => v.votes.length === 1);
			expect(view.votes[0]).toMatchObject({ kind: 'clause', clauseId: 'scope', status: 'open', openedAt: onFloor + 120 * S });
			expect(view.timer).toMatchObject({ step: 'vote', endsAt: onFloor + 150 * S });
		}

		// Two seats vote; the IDF chief and the Senate liaison stay silent.
		await table.act(table.players.dermer, { type: 'castVote', choice: 'yes' });
		await table.act(table.players['white-house-adviser-1'], { type: 'castVote', choice: 'yes' });
		running.clock.advance(30 * S);
		for (const client of table.clients) {
			const view = await viewWhere(client, (v) => v.votes[0]?.status === 'closed');
			expect(view.votes[0].result).toEqual({ passed: true, yes: 2, no: 0, abstain: 2, absent: 2, keys: { israel: true, us: true } });
			expect(Object.keys(view.votes[0].ballots!)).toEqual(['dermer', 'white-house-adviser-1']);
			expect(view.votes[0].ballots).toMatchObject({ dermer: { choice: 'yes' }, 'white-house-adviser-1': { choice: 'yes' } });
			expect(view.adopted).toEqual({ scope: 'scope.existential' });
			expect(view.timer).toBeNull();
		}

		// No ballot was ever made up for the silent seats.
		await table.run('end');
		const debrief = (await table.facilitatorView()).debrief!;
		expect(debrief.timeline[0].entries.map((e) => e.seat)).toEqual(['dermer', 'white-house-adviser-1']);
	});

	it('counts a vote with every seat silent as all absent, and passes nothing', async () => {
		const running = await server();
		const table = await Table.open(running.url, { votingRule: 'majority', timers: timers({ vote: 20 }) }, ['dermer', 'white-house-adviser-1']);
		for (const type of ['start', 'advance', 'advance', 'openVote'] as const) await table.run(type);
		running.clock.advance(20 * S);
		const view = await viewWhere(table.spectator, (v) => v.votes[0]?.status === 'closed');
		expect(view.votes[0].result).toEqual({ passed: false, yes: 0, no: 0, abstain: 2, absent: 2 });
		// Scope is required: instead of leaving the treaty silent, it comes back on its next option.
		expect(view.adopted).toEqual({});
		expect(view.floor).toEqual({ clauseId: 'scope', variantId: 'scope.any-attack' });
	});

	it('freezes the timer while paused, continues with the time left on resume, and pushes the deadline when extended', async () => {
		const running = await server();
		const table = await Table.open(running.url, { timers: timers({ debate: 60, vote: 30 }), seatCounts: { 'white-house-adviser': 2 } }, SEATS);
		for (const type of ['start', 'advance', 'advance'] as const) await table.run(type);

		running.clock.advance(20 * S);
		await table.run('pause');
		await table.settle();
		for (const client of table.clients) expect(table.latest(client)).toMatchObject({ paused: true, timer: { step: 'debate', remaining: 40 * S } });
		expect(running.clock.pending).toBe(0);

		// Ten minutes pass while paused: nothing moves, and players cannot act.
		running.clock.advance(600 * S);
		const frozen = await table.probe();
		expect(frozen).toMatchObject({ paused: true, votes: [], timer: { step: 'debate', remaining: 40 * S } });
		expect(await table.refused(table.players.dermer, { type: 'postArgument', text: 'Now?', stance: 'for' })).toMatchObject({ code: 'paused' });

		await table.run('resume');
		const resumedAt = running.clock.now();
		expect(await table.facilitatorView()).toMatchObject({ paused: false, timer: { endsAt: resumedAt + 40 * S, remaining: null } });
		running.clock.advance(39_999);
		expect((await table.probe()).votes).toEqual([]);

		await table.run({ type: 'extendTimer', seconds: 30 });
		expect((await table.facilitatorView()).timer).toMatchObject({ endsAt: resumedAt + 70 * S });
		// The old deadline passes, then all but the last millisecond of the extension.
		running.clock.advance(1);
		expect((await table.probe()).votes).toEqual([]);
		running.clock.advance(29_999);
		expect((await table.probe()).votes).toEqual([]);
		running.clock.advance(1);
		const opened = await viewWhere(table.spectator, (v) => v.votes.length === 1);
		expect(opened.votes[0]).toMatchObject({ status: 'open', openedAt: resumedAt + 70 * S });
		expect(opened.timer).toMatchObject({ step: 'vote', endsAt: resumedAt + 100 * S });

		// Paused during the vote: extending adds to the time left, resuming starts it again from there.
		running.clock.advance(10 * S);
		await table.run('pause');
		await table.run({ type: 'extendTimer', seconds: 15 });
		expect((await table.facilitatorView()).timer).toMatchObject({ step: 'vote', remaining: 35 * S });
		running.clock.advance(300 * S);
		expect((await table.probe()).votes[0].status).toBe('open');
		await table.run('resume');
		running.clock.advance(35 * S - 1);
		expect((await table.probe()).votes[0].status).toBe('open');
		running.clock.advance(1);
		const closed = await viewWhere(table.host, (v) => v.votes[0]?.status === 'closed');
		expect(closed.votes[0]).toMatchObject({ closedAt: running.clock.now(), result: { absent: SEATS.length } });
	});

	it('keeps a running vote timer through a server restart, and fires it when due', async () => {
		const first = await server();
		const table = await Table.open(first.url, { votingRule: 'majority', timers: timers({ vote: 120 }) }, ['dermer', 'idf-chief', 'white-house-adviser-1']);
		for (const type of ['start', 'advance', 'advance'] as const) await table.run(type);
		first.clock.advance(5 * S);
		await table.run('openVote');
		const endsAt = first.clock.now() + 120 * S;
		await table.act(table.players.dermer, { type: 'castVote', choice: 'yes' });
		await table.act(table.players['white-house-adviser-1'], { type: 'castVote', choice: 'no' });
		first.clock.advance(50 * S);
		const stoppedAt = first.clock.now();

		closeAll();
		await first.server.close();
		servers = servers.filter((s) => s !== first);
		const second = await server(first.database);
		// The new server's clock starts at the same fixed instant; bring it to where the first one stopped.
		second.clock.advance(stoppedAt - second.clock.now());

		const host = await recorded(second.url, 'facilitator');
		const entered = await ask(host, 'enterRoom', { code: table.code, facilitatorToken: table.facilitatorToken });
		expect(entered.view).toMatchObject({ votes: [{ status: 'open', ballotsIn: 2 }], timer: { step: 'vote', endsAt, remaining: null } });
		const chief = await recorded(second.url, 'idf-chief');
		const back = await ask(chief, 'enterRoom', { code: table.code, seatToken: table.tokens['idf-chief'] });
		expect(back.view).toMatchObject({ as: 'seat', you: { seat: 'idf-chief', ballot: null } });
		expect(second.clock.pending).toBe(1);

		second.clock.advance(endsAt - stoppedAt - 1);
		await ask(host, 'action', { type: 'hidePost', post: 999 });
		expect((await ask(host, 'enterRoom', { code: table.code, facilitatorToken: table.facilitatorToken })).view.votes[0].status).toBe('open');
		second.clock.advance(1);
		for (const client of [host, chief]) {
			const view = await viewWhere(client, (v) => v.votes[0]?.status === 'closed');
			// Majority of ballots cast: one yes, one no, the chief silent. A tie does not carry.
			expect(view.votes[0]).toMatchObject({ closedAt: endsAt, result: { passed: false, yes: 1, no: 1, abstain: 1, absent: 1 } });
		}
	});

	it('fires a timer that ran out while the server was down as soon as the server is back, before anyone enters', async () => {
		const first = await server();
		const table = await Table.open(first.url, { votingRule: 'majority', timers: timers({ debate: 60 }) }, ['dermer', 'white-house-adviser-1']);
		for (const type of ['start', 'advance', 'advance'] as const) await table.run(type);
		const endsAt = first.clock.now() + 60 * S;
		closeAll();
		await first.server.close();
		servers = servers.filter((s) => s !== first);

		// The restarted server reloads recent rooms and re-arms their timers at once.
		const second = await server(first.database);
		second.clock.advance(endsAt + 600 * S - second.clock.now());
		await new Promise((r) => setTimeout(r, 50));
		const watcher = await recorded(second.url, 'projector');
		const entered = await ask(watcher, 'enterRoom', { code: table.code });
		expect(entered.view.votes[0]).toMatchObject({ status: 'open', openedAt: second.clock.now() });
	});
});
