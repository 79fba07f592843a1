/**
 * The cluster layer: three game servers on one PostgreSQL behind HAProxy with the shipped
 * configuration, on one machine, driven by real socket.io clients that behave as the pages do.
 * Every room is served by one server, the one HAProxy routes its code to; classes spread over
 * the servers; when a room's server is killed mid-vote its browsers come back on their seats on
 * another, and the room moves back when the server returns, every acknowledged action stored
 * exactly once throughout.
 */
import { describe, expect, it } from 'vitest';
import { clusterMissing } from '../helpers/cluster';
import { must, SEATS, type Acknowledged } from '../helpers/cluster-game';
import { RoamingClient } from '../helpers/roaming-client';
import { useCluster } from '../helpers/use-cluster';
import type { FacilitatorView, SeatView } from '../../src/lib/game/view';

const LEASE_MS = 3000;
const env = useCluster({ leaseMs: LEASE_MS });

const UNTIMED = { briefing: null, opening: null, debate: null, vote: null };

describe.skipIf(clusterMissing !== null)('three servers behind HAProxy', () => {
	it('play a whole game, every browser of the room on the one server that holds its lease', async () => {
		const { cluster, game } = env;
		const created = await game.ask('createGame', { votingRule: 'majority', timers: UNTIMED });
		expect(created).toMatchObject({ ok: true });
		const code = created.code as string;
		const { host, players } = await game.openTable(code, created.facilitatorToken as string);
		const projector = await RoamingClient.open(cluster.url, code);

		await must(host, { type: 'start' });
		await must(host, { type: 'advance' });
		await must(host, { type: 'advance' });
		await must(host, { type: 'openVote' });
		for (const seat of SEATS) await must(players[seat], { type: 'castVote', choice: seat === 'dermer' ? 'no' : 'yes' });
		await must(host, { type: 'closeVote' });
		await must(host, { type: 'advance' });
		while ((host.view as FacilitatorView).phase === 'clauses') await must(host, { type: 'skipClause' });
		await must(host, { type: 'openVote' });
		for (const seat of SEATS) await must(players[seat], { type: 'castVote', choice: 'yes' });
		await must(host, { type: 'closeVote' });

		await expect.poll(() => (projector.view as FacilitatorView | null)?.phase).toBe('debrief');
		expect((host.view as FacilitatorView).phase).toBe('debrief');
		// One server took the room once and served it throughout: nobody else ever held its lease.
		expect(await game.ownerOf(code)).toMatchObject({ epoch: '1' });
		expect(cluster.nodes.map((n) => n.name)).toContain((await game.ownerOf(code)).owner);
	});

	it('spread two classes over the servers, each console connection showing its table live', async () => {
		const { cluster, game } = env;
		const classes = await Promise.all([game.ask('createGame', { tables: 4 }), game.ask('createGame', { tables: 4 })]);
		const tables = classes.flatMap((c) => (c.codes as string[]).map((code) => ({ code, facilitatorToken: c.facilitatorToken as string })));
		// The console opens one connection per table, as its page does.
		const consoles = await Promise.all(tables.map((t) => RoamingClient.open(cluster.url, t.code, { facilitatorToken: t.facilitatorToken })));
		const owners = new Set(await Promise.all(tables.map(async (t) => (await game.ownerOf(t.code)).owner)));
		expect(owners.size).toBeGreaterThan(1);

		// A player sits down at each table; each console connection sees its own table change.
		for (const t of tables) {
			const player = await RoamingClient.open(cluster.url, t.code);
			await must(player, { type: 'takeSeat', seat: 'dermer', name: `Noa ${t.code}` });
		}
		for (const [i, t] of tables.entries())
			await expect.poll(() => (consoles[i].view as FacilitatorView).seats.find((s) => s.id === 'dermer')?.player).toBe(`Noa ${t.code}`);
	});

	it('play a solo game where its page reaches, whichever server created it', async () => {
		const { cluster, game } = env;
		// Four games, so that some are created on one server and played on another.
		for (let i = 0; i < 4; i++) {
			const created = await game.ask('createGame', { solo: { seat: 'dermer', name: 'Solo player' } });
			expect(created).toMatchObject({ ok: true });
			const startedAt = Date.now();
			const player = await RoamingClient.open(cluster.url, created.code as string, { seatToken: created.seatToken as string });
			// Handed off at once by the server that created it: no waiting for a lease to run out.
			expect(Date.now() - startedAt).toBeLessThan(LEASE_MS);
			expect((player.view as SeatView).you.seat).toBe('dermer');
			// The room is served there: the player's own page moves the game on.
			const host = await RoamingClient.open(cluster.url, created.code as string, { facilitatorToken: created.facilitatorToken as string });
			const phase = (host.view as FacilitatorView).phase;
			await must(host, { type: phase === 'lobby' ? 'start' : 'advance' });
			await expect.poll(() => (player.view as SeatView).phase).not.toBe(phase);
			player.close();
			host.close();
		}
	});

	it("bring every browser back to its seat on another server when the room's server is killed mid-vote, and back again when it returns, losing no acknowledged vote", async () => {
		const { cluster, game } = env;
		const created = await game.ask('createGame', { votingRule: 'majority', timers: UNTIMED });
		const code = created.code as string;
		const { host, players } = await game.openTable(code, created.facilitatorToken as string);
		const everyone = [host, ...Object.values(players)];
		for (const type of ['start', 'advance', 'advance', 'openVote'] as const) await must(host, { type });
		const ownerName = (await game.ownerOf(code)).owner;
		const victim = cluster.nodes.find((n) => n.name === ownerName)!;
		expect(victim).toBeDefined();

		// Every player changes their vote again and again; the owner is killed in the middle.
		const acknowledged: Acknowledged[] = [];
		let stop = game.votingBurst(players, acknowledged);
		await new Promise((resolve) => setTimeout(resolve, 700));
		const killedAt = Date.now();
		await victim.process.kill('SIGKILL');
		// Everyone is back in the room once each browser has entered again after the kill.
		await expect.poll(() => everyone.every((c) => c.entries.some((at) => at > killedAt)), { timeout: 20_000, interval: 100 }).toBe(true);
		const failoverMs = Math.max(...everyone.map((c) => c.entries.find((at) => at > killedAt)!)) - killedAt;
		console.log(`failover: every browser back on its seat ${failoverMs} ms after the SIGKILL (lease ${LEASE_MS} ms)`);
		await new Promise((resolve) => setTimeout(resolve, 500));
		await stop();

		expect((await game.ownerOf(code)).owner).not.toBe(ownerName);
		for (const seat of SEATS) expect((players[seat].view as SeatView).you.seat).toBe(seat);
		// Votes were acknowledged before the kill and, by the new server, after it; each is stored once.
		expect(acknowledged.filter((a) => a.at < killedAt).length).toBeGreaterThan(0);
		expect(acknowledged.filter((a) => a.at > killedAt).length).toBeGreaterThan(0);
		const stored = await game.storedActionIds(code);
		expect(acknowledged.filter((a) => stored.get(a.id) !== 1)).toEqual([]);
		expect(failoverMs).toBeLessThan(10_000);

		// The killed server comes back. The first browser of the room the proxy sends to it (a
		// projector opened, a page reloaded) brings the whole room back: the server that took it over
		// hands it over, and its browsers reconnect there; votes go on, none lost or doubled.
		await cluster.restart(victim);
		const backAt = Date.now();
		stop = game.votingBurst(players, acknowledged);
		// Taken back into the ring after two good health checks a second apart.
		await new Promise((resolve) => setTimeout(resolve, 2500));
		const projector = await RoamingClient.open(cluster.url, code);
		await expect.poll(async () => (await game.ownerOf(code)).owner, { timeout: 15_000, interval: 200 }).toBe(ownerName);
		await expect.poll(() => everyone.every((c) => c.entries.some((at) => at > backAt)), { timeout: 15_000, interval: 100 }).toBe(true);
		await new Promise((resolve) => setTimeout(resolve, 500));
		await stop();
		const storedAgain = await game.storedActionIds(code);
		expect(acknowledged.filter((a) => storedAgain.get(a.id) !== 1)).toEqual([]);

		// The last ballots stand as the room's server counts them.
		await must(host, { type: 'closeVote' });
		await expect.poll(() => (projector.view as FacilitatorView).votes.at(-1)?.status).toBe('closed');
	});
});
