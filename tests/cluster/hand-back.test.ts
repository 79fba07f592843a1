/**
 * Rooms going home, behind HAProxy: a room's server is SIGKILLed and its rooms are served by
 * another meanwhile — a table with browsers, a timed vote and a scripted role; a table nobody has
 * open, with only scripted roles and a timed vote — and once the server is back each room moves
 * back to it without any browser asking: every acknowledged ballot stored once, the timers'
 * deadlines kept, the scripted roles playing on, every browser back on its seat.
 */
import { describe, expect, it } from 'vitest';
import { clusterMissing } from '../helpers/cluster';
import { must, SEATS, type Acknowledged } from '../helpers/cluster-game';
import { RoamingClient } from '../helpers/roaming-client';
import { useCluster } from '../helpers/use-cluster';
import type { FacilitatorView, SeatView } from '../../src/lib/game/view';

const LEASE_MS = 3000;
const env = useCluster({ leaseMs: LEASE_MS });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(clusterMissing !== null)('rooms moving back to their server when it returns', () => {
	it('serve a room elsewhere while its server is down, and back there once it returns, with no browser asking', async () => {
		const { cluster, game } = env;
		const { code, host, players, everyone, deadline } = await game.openTimedVote();
		const home = (await game.ownerOf(code)).owner;
		const victim = cluster.nodes.find((n) => n.name === home)!;

		// Every player changes their vote again and again; the room's server is killed in the middle.
		const acknowledged: Acknowledged[] = [];
		const stop = game.votingBurst(players, acknowledged);
		await sleep(700);
		const killedAt = Date.now();
		await victim.process.kill('SIGKILL');
		await expect.poll(() => everyone.every((c) => c.entries.some((at) => at > killedAt)), { timeout: 20_000, interval: 100 }).toBe(true);
		expect((await game.ownerOf(code)).owner).not.toBe(home);

		// The server comes back. Nobody opens the room anew: the server standing in for it hands it
		// back, and every browser follows it there.
		await cluster.restart(victim);
		const backAt = Date.now();
		await expect.poll(async () => (await game.ownerOf(code)).owner, { timeout: 20_000, interval: 200 }).toBe(home);
		await expect.poll(() => everyone.every((c) => c.entries.some((at) => at > backAt)), { timeout: 15_000, interval: 100 }).toBe(true);
		const homeAt = Date.now();
		await expect.poll(() => acknowledged.filter((a) => a.at > homeAt).length, { timeout: 15_000, interval: 100 }).toBeGreaterThan(SEATS.length);
		await stop();
		console.log(`moved back home ${homeAt - backAt} ms after its server was started again (lease ${LEASE_MS} ms)`);

		expect((await game.ownerOf(code)).owner).toBe(home);
		const stored = await game.storedActionIds(code);
		expect(acknowledged.filter((a) => stored.get(a.id) !== 1)).toEqual([]);
		for (const seat of SEATS) {
			expect((players[seat].view as SeatView).you.seat).toBe(seat);
			expect((players[seat].view as SeatView).you.ballot?.choice).toBe(acknowledged.findLast((a) => a.seat === seat)!.choice);
		}
		expect((host.view as FacilitatorView).timer?.endsAt).toBe(deadline);

		// The scripted role plays on at home: in a vote opened there it casts a ballot of its own.
		// (Scope is required: voted down, it comes back on its next option rather than moving on.)
		await must(host, { type: 'closeVote' });
		if ('scope' in (host.view as FacilitatorView).adopted) await must(host, { type: 'advance' });
		await must(host, { type: 'openVote' });
		const next = (host.view as FacilitatorView).votes.at(-1)!;
		await expect.poll(() => Object.keys((host.view as FacilitatorView).votes.find((v) => v.id === next.id)?.ballots ?? {}), { timeout: 15_000 }).toContain('white-house-adviser-2');
	});

	it('take over a room nobody has open when its server dies — its scripted roles voting, its timer running out on time — and hand it back when the server returns', async () => {
		const { cluster, game } = env;
		// Every seat scripted, ballots named (so each stays in the log, with its time), a 20-second vote.
		const created = await game.ask('createGame', { votingRule: 'majority', ballots: 'named', bots: true, timers: { briefing: null, opening: null, debate: null, vote: 20 } });
		const code = created.code as string;
		const host = await RoamingClient.open(cluster.url, code, { facilitatorToken: created.facilitatorToken as string });
		for (const type of ['start', 'advance', 'advance', 'openVote'] as const) await must(host, { type });
		const deadline = (host.view as FacilitatorView).timer!.endsAt;
		const home = (await game.ownerOf(code)).owner;
		const victim = cluster.nodes.find((n) => n.name === home)!;
		// The facilitator closes the page; the server dies before it would hand the room off for want of browsers.
		host.close();
		const killedAt = Date.now();
		await victim.process.kill('SIGKILL');

		// Another server takes the room though nobody opens it, and the vote's timer runs out when it was due.
		await expect.poll(async () => (await game.ownerOf(code)).owner, { timeout: 20_000, interval: 200 }).not.toBe(home);
		const takenAt = Date.now();
		console.log(`a room nobody had open taken over ${takenAt - killedAt} ms after its server was killed (lease ${LEASE_MS} ms)`);
		await cluster.restart(victim);
		const expired = async () =>
			(await game.db.query<{ at: string }>("select at from actions where room = $1 and type = 'expireTimer'", [code])).rows.map((r) => Number(r.at));
		await expect.poll(expired, { timeout: deadline - Date.now() + 15_000, interval: 200 }).toHaveLength(1);
		const [expiredAt] = await expired();
		expect(expiredAt).toBeGreaterThanOrEqual(deadline);
		expect(expiredAt - deadline).toBeLessThan(3000);

		// Scripted roles voted once the room was taken over, none of them twice.
		const ballots = async () =>
			(await game.db.query<{ actor: string; at: string }>("select actor, at from actions where room = $1 and type = 'castVote'", [code])).rows.map((r) => ({
				seat: (JSON.parse(r.actor) as { seat: string }).seat,
				at: Number(r.at)
			}));
		expect((await ballots()).some((b) => b.at > takenAt)).toBe(true);
		const voters = (await ballots()).map((b) => b.seat);
		expect(new Set(voters).size).toBe(voters.length);

		// The server is back: the room goes home, with nobody in it.
		await expect.poll(async () => (await game.ownerOf(code)).owner, { timeout: 20_000, interval: 200 }).toBe(home);
		const { epoch } = await game.ownerOf(code);

		// Its scripted roles play on there: in the next vote, which its facilitator opens, they vote.
		const facilitator = await RoamingClient.open(cluster.url, code, { facilitatorToken: created.facilitatorToken as string });
		expect((facilitator.view as FacilitatorView).votes.at(-1)?.status).toBe('closed');
		if ('scope' in (facilitator.view as FacilitatorView).adopted) await must(facilitator, { type: 'advance' });
		await must(facilitator, { type: 'openVote' });
		const next = (facilitator.view as FacilitatorView).votes.at(-1)!;
		await expect.poll(() => Object.keys((facilitator.view as FacilitatorView).votes.find((v) => v.id === next.id)?.ballots ?? {}).length, { timeout: 20_000 }).toBeGreaterThan(0);
		expect(await game.ownerOf(code)).toEqual({ owner: home, epoch });
	});
});
