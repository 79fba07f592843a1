/**
 * Two ways a room's server goes away without dying at once, behind HAProxy: paused (SIGSTOP)
 * past its lease and then resumed — HAProxy takes it out and cuts its browsers loose, another
 * server takes the room, the resumed one writes nothing more under its old lease, and the room
 * comes back to it under a new one once it is back in the ring; and a
 * rolling restart of all three servers during a game (SIGTERM, as a deployment does), each
 * handing its rooms over at once. Nothing acknowledged is lost either way.
 */
import { describe, expect, it } from 'vitest';
import { clusterMissing } from '../helpers/cluster';
import { must, SEATS, type Acknowledged } from '../helpers/cluster-game';
import { RoamingClient } from '../helpers/roaming-client';
import { useCluster } from '../helpers/use-cluster';
import type { SeatView } from '../../src/lib/game/view';

const LEASE_MS = 3000;
const env = useCluster({ leaseMs: LEASE_MS });

const UNTIMED = { briefing: null, opening: null, debate: null, vote: null };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A table at its first vote, every browser through HAProxy. */
async function tableAtVote() {
	const { game } = env;
	const created = await game.ask('createGame', { votingRule: 'majority', timers: UNTIMED });
	const code = created.code as string;
	const { host, players } = await game.openTable(code, created.facilitatorToken as string);
	for (const type of ['start', 'advance', 'advance', 'openVote'] as const) await must(host, { type });
	return { code, host, players, everyone: [host, ...Object.values(players)] };
}

async function expectEveryBallotOnce(code: string, acknowledged: Acknowledged[], players: Record<string, RoamingClient>) {
	const { game } = env;
	const stored = await game.storedActionIds(code);
	expect(acknowledged.filter((a) => stored.get(a.id) !== 1)).toEqual([]);
	for (const seat of SEATS) expect((players[seat].view as SeatView).you.ballot?.choice).toBe(acknowledged.findLast((a) => a.seat === seat)!.choice);
}

describe.skipIf(clusterMissing !== null)('three servers behind HAProxy', () => {
	it('fence out a server paused past its lease: the room goes on elsewhere, and comes back to the resumed server under a new lease', async () => {
		const { cluster, game } = env;
		const { code, players, everyone } = await tableAtVote();
		const ownerName = (await game.ownerOf(code)).owner;
		const paused = cluster.nodes.find((n) => n.name === ownerName)!;

		const acknowledged: Acknowledged[] = [];
		const stop = game.votingBurst(players, acknowledged);
		await sleep(500);
		const pausedAt = Date.now();
		paused.process.child.kill('SIGSTOP');
		let taken: { owner: string; epoch: string };
		try {
			// HAProxy finds it down and cuts its browsers loose; they reach another server, which takes
			// the room once the lease has run out — even if the server was paused in the middle of a
			// write, holding the lease's row locked (PostgreSQL ends that transaction).
			await expect.poll(() => everyone.every((c) => c.entries.some((at) => at > pausedAt)), { timeout: 20_000, interval: 100 }).toBe(true);
			taken = await game.ownerOf(code);
			expect(taken.owner).not.toBe(ownerName);
		} finally {
			// Resumed past its lease, it writes nothing more under the lease it held.
			paused.process.child.kill('SIGCONT');
		}
		// Back in HAProxy's ring, it is the room's home again: the room is handed back to it, under a new lease.
		await expect.poll(async () => (await game.ownerOf(code)).owner, { timeout: 20_000, interval: 200 }).toBe(ownerName);
		expect(Number((await game.ownerOf(code)).epoch)).toBeGreaterThan(Number(taken.epoch));
		const homeAt = Date.now();
		await expect.poll(() => acknowledged.filter((a) => a.at > homeAt).length, { timeout: 15_000, interval: 100 }).toBeGreaterThan(SEATS.length);
		await stop();
		await expectEveryBallotOnce(code, acknowledged, players);
	});

	it('lose nothing in a rolling restart of all three servers during a game', async () => {
		const { cluster, game } = env;
		const { code, players } = await tableAtVote();
		const acknowledged: Acknowledged[] = [];
		const stop = game.votingBurst(players, acknowledged);
		for (const node of cluster.nodes) {
			await sleep(500);
			// Stopped as a deployment stops it: its rooms' leases are released on the way out.
			await node.process.kill('SIGTERM');
			await cluster.restart(node);
			// Back in HAProxy's ring after two good checks, before the next one goes.
			await sleep(2500);
		}
		await sleep(500);
		await stop();
		expect(acknowledged.length).toBeGreaterThan(SEATS.length * 3);
		await expectEveryBallotOnce(code, acknowledged, players);
	});
});
