/**
 * PostgreSQL restarted under load, in cluster mode: the servers reconnect; a ballot in flight when
 * the database went away is refused to its browser (room_moved) and resent with its action id once
 * the room is back, so it is applied once; the room is folded again from the log, never from a
 * half-stored group. Checked by killing the room's server afterwards: the room folded from the log
 * elsewhere shows each seat the last ballot it was told was counted.
 */
import { describe, expect, it } from 'vitest';
import { clusterMissing } from '../helpers/cluster';
import { must, SEATS, type Acknowledged } from '../helpers/cluster-game';
import { useCluster } from '../helpers/use-cluster';
import type { SeatView } from '../../src/lib/game/view';

const env = useCluster({ leaseMs: 3000 });

describe.skipIf(clusterMissing !== null)('PostgreSQL restarted during a voting burst', () => {
	it('loses no acknowledged ballot, applies none twice, and leaves the room as its browsers were told', async () => {
		const { cluster, game } = env;
		const created = await game.ask('createGame', { votingRule: 'majority', timers: { briefing: null, opening: null, debate: null, vote: null } });
		const code = created.code as string;
		const { host, players } = await game.openTable(code, created.facilitatorToken as string);
		for (const type of ['start', 'advance', 'advance', 'openVote'] as const) await must(host, { type });

		const acknowledged: Acknowledged[] = [];
		const stop = game.votingBurst(players, acknowledged);
		await new Promise((resolve) => setTimeout(resolve, 500));
		const restartedAt = Date.now();
		await cluster.restartDatabase();
		// Votes go on after the restart.
		await expect.poll(() => acknowledged.filter((a) => a.at > restartedAt + 500).length, { timeout: 20_000, interval: 100 }).toBeGreaterThan(SEATS.length);
		await stop();

		const stored = await game.storedActionIds(code);
		expect(acknowledged.filter((a) => stored.get(a.id) !== 1)).toEqual([]);

		// The room's state in memory is the log's: folded from the log on another server, every seat
		// finds the ballot it was last told was counted.
		const ownerName = (await game.ownerOf(code)).owner;
		const killedAt = Date.now();
		await cluster.nodes.find((n) => n.name === ownerName)!.process.kill('SIGKILL');
		const everyone = [host, ...Object.values(players)];
		await expect.poll(() => everyone.every((c) => c.entries.some((at) => at > killedAt)), { timeout: 20_000, interval: 100 }).toBe(true);
		for (const seat of SEATS) {
			const last = acknowledged.findLast((a) => a.seat === seat)!;
			expect((players[seat].view as SeatView).you.ballot?.choice).toBe(last.choice);
		}
	});
});
