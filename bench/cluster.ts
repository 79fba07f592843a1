/**
 * Cluster mode beside the single process, in one run (`npm run bench -- --cluster`):
 *
 *   load       600 players (100 rooms × 6) voting once a second, through HAProxy to three game
 *              servers on PostgreSQL — with the shipped PACT_ROOM_PG_SYNC_COMMIT, and with the
 *              other choice — and on the single-process SQLite server, in trials of the three side
 *              by side in time: vote-to-room latency p50/p95/p99, CPU per vote of the game servers
 *              (together, and each for the rooms it holds), of PostgreSQL and of HAProxy
 *   capacity   the same ramp as bench/load.ts for both (3 of 3 windows within p95 ≤ 100 ms)
 *   failover   a class of tables voting through HAProxy; a room's server SIGKILLed 20 times at
 *              random points and restarted as a service manager would: from each kill until every
 *              browser of that server's rooms has its seat back (median, max), and every
 *              acknowledged vote stored exactly once
 *   estimate   from the CPU per vote: what N machines would carry, each running one game server
 *
 *   tsx bench/cluster.ts [--quick] [--pairs N] [--kills N]
 *     --quick  one trial, no capacity ramp, 5 kills
 *
 * On one machine the three servers, PostgreSQL, HAProxy and the client harness share its cores,
 * so latency and capacity are the cluster's on one machine; CPU per vote is what scales.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { capacity, measure, ramp, type Load, type LoadPoint, type Target, type Timing } from './lib/measure';
import { clusterMissing, startCluster } from '../tests/helpers/cluster';
import { ClusterGame, must, type Acknowledged } from '../tests/helpers/cluster-game';
import { RoamingClient } from '../tests/helpers/roaming-client';
import { DEFAULT_LEASE_MS, DEFAULT_PG_SYNC_COMMIT } from '../server/config';

if (clusterMissing) {
	console.error(clusterMissing);
	process.exit(1);
}

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const quick = process.argv.includes('--quick');
const pairs = Number(arg('--pairs') ?? (quick ? 1 : 3));
const kills = Number(arg('--kills') ?? (quick ? 5 : 20));
const seed = 1;
const timing: Timing = quick ? { warmupMs: 3000, durationMs: 10_000, runs: 1 } : { warmupMs: 5000, durationMs: 20_000, runs: 1 };
const rampTiming: Timing = { warmupMs: 3000, durationMs: 10_000, runs: 3 };

const single: Target = { name: 'game', kind: 'game', server: '../servers/game.ts' };
// Cluster mode as shipped, and with PostgreSQL's other choice of commit (PACT_ROOM_PG_SYNC_COMMIT).
const other = DEFAULT_PG_SYNC_COMMIT === 'on' ? 'off' : 'on';
const cluster: Target = { name: 'cluster', kind: 'game', server: '../servers/cluster.ts', env: { PACT_ROOM_PG_SYNC_COMMIT: DEFAULT_PG_SYNC_COMMIT } };
const clusterOther: Target = { name: `cluster-sync-${other}`, kind: 'game', server: '../servers/cluster.ts', env: { PACT_ROOM_PG_SYNC_COMMIT: other } };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

console.log(`Cluster mode (three servers on PostgreSQL behind HAProxy) beside the single process: ${pairs} trial${pairs === 1 ? '' : 's'} (with PACT_ROOM_PG_SYNC_COMMIT=${DEFAULT_PG_SYNC_COMMIT}, as shipped, and =${other}) at 600 players voting once a second${quick ? '' : ', a capacity ramp for each'}, then ${kills} kills.`);

// Load at 600 players, the three side by side in time, their order turned from one trial to the next.
const trials: Record<string, LoadPoint>[] = [];
const order = [single, cluster, clusterOther];
for (let i = 0; i < pairs; i++) {
	const trial: Record<string, LoadPoint> = {};
	for (const target of [...order.slice(i % 3), ...order.slice(0, i % 3)]) {
		const rates = [1];
		trial[target.name] = (await measure(target, 100, () => rates.shift() ?? null, timing, seed))[0].runs[0];
	}
	trials.push(trial);
}
const ramps: Record<string, Load[]> = {};
if (!quick) for (const target of [single, cluster]) ramps[target.name] = await ramp(target, rampTiming, seed);

const failover = await measureFailover(kills);

// Ratios to the single process, per pair, and their median.
const perVote = (p: LoadPoint) => p.serverCpu / p.votesPerSecond;
const metrics = { p50: (p: LoadPoint) => p.p50, p95: (p: LoadPoint) => p.p95, p99: (p: LoadPoint) => p.p99, ackP50: (p: LoadPoint) => p.ack!.p50, ackP99: (p: LoadPoint) => p.ack!.p99, serverCpuPerVote: perVote };
const ratiosOf = (name: string) => {
	const byPair = Object.fromEntries(Object.entries(metrics).map(([metric, of]) => [metric, trials.map((t) => of(t[name]) / of(t.game))]));
	return { byPair, median: Object.fromEntries(Object.entries(byPair).map(([metric, r]) => [metric, median(r)])) };
};
const { byPair: ratiosByPair, median: ratios } = ratiosOf(cluster.name);
const otherRatios = ratiosOf(clusterOther.name);

for (const [target, { byPair, median: of }] of [[cluster, { byPair: ratiosByPair, median: ratios }], [clusterOther, otherRatios]] as const) {
	console.log(`\n${target.name} (PACT_ROOM_PG_SYNC_COMMIT=${target.env!.PACT_ROOM_PG_SYNC_COMMIT}) / single process at 600 players voting once a second${pairs > 1 ? `, median of ${pairs} trials` : ''}:`);
	for (const [name, value] of Object.entries(of)) console.log(`  ${name.padEnd(17)} ${value.toFixed(2)}×  (trials: ${byPair[name].map((r) => r.toFixed(2)).join(', ')})`);
}

// CPU per vote (ms of one core), the median over the pairs: each server for the votes of the rooms it holds.
const ms = (cores: number, votes: number) => (cores / votes) * 1000;
const overPairs = (of: (single: LoadPoint, c: LoadPoint) => number) => median(trials.map((t) => of(t.game, t.cluster)));
const cpu = {
	single: overPairs((g) => ms(g.serverCpu, g.votesPerSecond)),
	servers: overPairs((_, c) => ms(c.serverCpu, c.votesPerSecond)),
	eachServer: [0, 1, 2].map((i) => overPairs((_, c) => ms(c.serverCpuEach![i], c.votesPerSecond * c.serverShares![i]))),
	shares: [0, 1, 2].map((i) => overPairs((_, c) => c.serverShares![i])),
	postgresql: overPairs((_, c) => ms(c.helperCpu!.postgresql, c.votesPerSecond)),
	haproxy: overPairs((_, c) => ms(c.helperCpu!.haproxy, c.votesPerSecond))
};
console.log(
	`CPU per vote (ms of one core): single process ${cpu.single.toFixed(3)}; cluster game servers ${cpu.servers.toFixed(3)} (each for its own rooms: ${cpu.eachServer.map((v, i) => `${v.toFixed(3)} with ${(cpu.shares[i] * 100).toFixed(0)}% of the rooms`).join(', ')}), PostgreSQL ${cpu.postgresql.toFixed(3)}, HAProxy ${cpu.haproxy.toFixed(3)}`
);

// N machines of this machine's two cores, each a game server, HAProxy beside one of them, PostgreSQL
// on a machine of its own: each game server is held to one core (one thread serves its rooms), so
// it carries what the single process carries, scaled by the cost of a vote in cluster mode; the
// database machine's two cores bound the whole.
const capacities = ramps.game && { single: capacity(ramps.game), cluster: capacity(ramps.cluster) };
const perServer = capacities ? capacities.single * (cpu.single / cpu.servers) : 1000 / cpu.servers;
const databaseBound = 2 * (1000 / cpu.postgresql);
const estimate = [1, 2, 3, 4, 6, 8].map((n) => ({ machines: n, votesPerSecond: Math.round(Math.min(n * perServer, databaseBound)), databaseBound: n * perServer > databaseBound }));
if (capacities) console.log(`capacity (p95 ≤ 100 ms, 3 of 3 runs): single process ${capacities.single.toFixed(0)} votes/s, three servers on this machine ${capacities.cluster.toFixed(0)} votes/s (${(capacities.cluster / capacities.single).toFixed(2)}×)`);
console.log(
	`estimate, one game server per machine, PostgreSQL on a two-core machine of its own (bound ${databaseBound.toFixed(0)} votes/s): ${estimate.map((e) => `${e.machines} → ${e.votesPerSecond}${e.databaseBound ? ' (database-bound)' : ''}`).join(', ')} votes/s`
);
console.log(
	`failover over ${failover.kills} kills (lease ${DEFAULT_LEASE_MS} ms): median ${failover.medianMs} ms, max ${failover.maxMs} ms; ${failover.acknowledged} votes acknowledged, ${failover.lost} lost or stored twice`
);

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
	new URL(`./results/cluster${quick ? '-quick' : ''}.json`, import.meta.url),
	JSON.stringify({ date: new Date().toISOString(), syncCommit: DEFAULT_PG_SYNC_COMMIT, trials, ratiosByPair, ratios, otherSyncCommit: { syncCommit: other, ratiosByPair: otherRatios.byPair, ratios: otherRatios.median }, cpuPerVoteMs: cpu, ramps, capacities, estimate, failover }, null, '\t')
);
if (failover.lost) process.exitCode = 1;

/**
 * A class of six tables, each with its facilitator and four players voting through HAProxy; a
 * room's server killed `count` times at random points and started again. Failover: from the kill
 * until every browser of the rooms that server held has entered its room again.
 */
async function measureFailover(count: number) {
	const test = await startCluster({ leaseMs: DEFAULT_LEASE_MS });
	const game = new ClusterGame(test);
	try {
		const created = await game.ask('createGame', { votingRule: 'majority', tables: 6, timers: { briefing: null, opening: null, debate: null, vote: null } });
		if (!created.ok) throw new Error(`createGame refused: ${JSON.stringify(created)}`);
		const tables = [];
		for (const code of created.codes as string[]) {
			const { host, players } = await game.openTable(code, created.facilitatorToken as string);
			for (const type of ['start', 'advance', 'advance', 'openVote'] as const) await must(host, { type });
			tables.push({ code, everyone: [host, ...Object.values(players)], players, acknowledged: [] as Acknowledged[] });
		}
		// Each seat votes about three times a second: some 70 votes a second in all.
		const stops = tables.map((t) => game.votingBurst(t.players, t.acknowledged, 300));
		const failovers: number[] = [];
		for (let kill = 0; kill < count; kill++) {
			await sleep(1000 + Math.random() * 2000);
			const victimName = await game.servedBy(tables[Math.floor(Math.random() * tables.length)].code);
			const victim = test.nodes.find((n) => n.name === victimName)!;
			const lost = [];
			for (const t of tables) if ((await game.servedBy(t.code)) === victimName) lost.push(...t.everyone);
			const killedAt = Date.now();
			await victim.process.kill('SIGKILL');
			const deadline = killedAt + 60_000;
			while (!lost.every((c) => c.entries.some((at) => at > killedAt))) {
				if (Date.now() > deadline) throw new Error(`kill ${kill + 1}: browsers not back on their seats within 60 s`);
				await sleep(50);
			}
			failovers.push(Math.max(...lost.map((c) => c.entries.find((at) => at > killedAt)!)) - killedAt);
			console.log(`kill ${kill + 1}: ${victimName}, ${lost.length} browsers back on their seats after ${failovers.at(-1)} ms`);
			await test.restart(victim);
		}
		await sleep(1000);
		await Promise.all(stops.map((stop) => stop()));
		let acknowledged = 0;
		let lost = 0;
		for (const t of tables) {
			const stored = await game.storedActionIds(t.code);
			acknowledged += t.acknowledged.length;
			lost += t.acknowledged.filter((a) => stored.get(a.id) !== 1).length;
		}
		return { kills: count, leaseMs: DEFAULT_LEASE_MS, failoversMs: failovers, medianMs: median(failovers), maxMs: Math.max(...failovers), acknowledged, lost };
	} finally {
		RoamingClient.closeAll();
		await game.close();
		await test.stop();
	}
}
