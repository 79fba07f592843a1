/**
 * Load: the game and the raw Socket.IO baseline under the same load from the same harness (a
 * separate process), side by side. For each load it reports votes in per second, deliveries per
 * second, vote-to-room latency (p50/p95/p99), server CPU and RSS per connected client, then the
 * game/raw ratios.
 *
 *   tsx bench/load.ts --quick   100 rooms × 6 seats voting once a second, under a minute
 *   tsx bench/load.ts           the same three times over, then a ramp to capacity: each load
 *                               measured three times, carried only if all three stay within the
 *                               limit, narrowed down between the last load carried and the first not
 *   --pairs N                   how many raw-then-game pairs to take the 600-player ratios over
 *   --only game|raw             one target alone, e.g. with BENCH_CPU_PROFILE=<dir> to profile it
 *   --rate N                    with --quick: each seat votes N times a second instead of once
 *   --rates N,N,…               with --quick: drive each rate in turn on one server, its votes left
 *                               open throughout (to see how a server fares as their histories grow)
 *   --compare <git ref>         also the game as it was at that commit, each run beside the
 *                               game as it is and the baseline (see bench/lib/at-commit.ts)
 *   --seed N                    the seed of the seats' voting schedules (1 by default)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { gameAtCommit } from './lib/at-commit';
import { capacity, measure, P95_LIMIT_MS, ramp, type Load, type LoadPoint, type Target, type Timing } from './lib/measure';

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const quick = process.argv.includes('--quick');
const quickRate = Number(arg('--rate') ?? 1);
const quickRates = arg('--rates')?.split(',').map(Number);
const seed = Number(arg('--seed') ?? 1);
// The ratio at 600 players is taken over pairs of runs, raw then game, side by side in time: the
// machine's own drift over the minutes a run takes moves a single pair's p99 ratio by 2× or more.
const pairs = Number(arg('--pairs') ?? (quick ? 1 : 3));
const timing: Timing = quick ? { warmupMs: 3000, durationMs: 10_000, runs: 1 } : { warmupMs: 5000, durationMs: 20_000, runs: 1 };
// Capacity: three windows of 10 s at each load, all three within the limit for it to count.
const rampTiming: Timing = { warmupMs: 3000, durationMs: 10_000, runs: 3 };
const rate = quick ? quickRate : 1;
const perSecond = rate === 1 ? 'once' : `${rate} times`;

const raw: Target = { name: 'raw', kind: 'raw', server: '../servers/raw.ts' };
const game: Target = { name: 'game', kind: 'game', server: '../servers/game.ts' };
const compareRef = arg('--compare');
const before = compareRef ? gameAtCommit(compareRef) : undefined;
// --only game|raw measures one target (to profile it); the ratios need both.
const only = arg('--only');
const targets = [raw, game, ...(before ? [before.target] : [])].filter((t) => !only || t.name === only);
const games = targets.filter((t) => t.kind === 'game');
console.log(
	`Load: 100 rooms × 6 seats, each seat voting ${perSecond} a second on average (waits uniform in 0.5–1.5 periods, seed ${seed}), ${pairs} pair${pairs === 1 ? '' : 's'} of runs${quick ? '' : '; then ramping to capacity (3 of 3 runs at each load)'}${before ? `; the game beside ${before.target.name}` : ''}.`
);

try {
	const trials: Record<string, LoadPoint>[] = [];
	for (let i = 0; i < pairs; i++) {
		const trial: (typeof trials)[number] = {};
		// The baseline first, then the games, their order swapped from one trial to the next so that
		// neither always runs nearer the baseline in time.
		const order = [...targets.filter((t) => t.kind === 'raw'), ...(i % 2 ? [...games].reverse() : games)];
		for (const target of order) {
			const rates = [...(quickRates ?? [rate])];
			const loads = await measure(target, 100, () => rates.shift() ?? null, timing, seed);
			trial[target.name] = loads[0].runs[0];
		}
		trials.push(trial);
	}
	const ramps: Record<string, Load[]> = {};
	if (!quick) for (const target of targets) ramps[target.name] = await ramp(target, rampTiming, seed);
	if (!only) summarise(trials, ramps);
} finally {
	before?.remove();
}

function summarise(trials: Record<string, LoadPoint>[], ramps: Record<string, Load[]>) {
	const ratio = (a: number, b: number) => (b === 0 ? Infinity : a / b);
	const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
	const metrics = {
		p50: (p: LoadPoint) => p.p50,
		p95: (p: LoadPoint) => p.p95,
		p99: (p: LoadPoint) => p.p99,
		serverCpu: (p: LoadPoint) => p.serverCpu,
		// CPU for each vote taken in: on a contended machine, where a server may fall behind and take
		// in fewer votes than were sent, CPU alone would flatter the one that fell further behind.
		serverCpuPerVote: (p: LoadPoint) => p.serverCpu / p.votesPerSecond,
		rssPerClient: (p: LoadPoint) => p.rssPerClientKb
	};
	const summary: Record<string, { at600?: Record<string, number>; ratiosByPair: Record<string, number[]>; capacity?: { votesPerSecond: number; raw: number; ratio: number } }> = {};
	for (const g of games) {
		const ratiosByPair = Object.fromEntries(
			Object.entries(metrics).map(([name, of]) => [name, trials.map((t) => ratio(of(t[g.name]), of(t.raw)))])
		) as Record<keyof typeof metrics, number[]>;
		const at600 = trials.length ? Object.fromEntries(Object.entries(ratiosByPair).map(([name, ratios]) => [name, median(ratios)])) : undefined;
		const cap = ramps[g.name] && { votesPerSecond: capacity(ramps[g.name]), raw: capacity(ramps.raw), ratio: ratio(capacity(ramps[g.name]), capacity(ramps.raw)) };
		summary[g.name] = { at600, ratiosByPair, capacity: cap };
		if (at600) {
			console.log(`\n${g.name} / raw at 600 players voting ${perSecond} a second${pairs > 1 ? `, median of ${pairs} pairs` : ''}:`);
			for (const [name, value] of Object.entries(at600))
				console.log(`  ${name.padEnd(13)} ${value.toFixed(2)}×${pairs > 1 ? `  (pairs: ${ratiosByPair[name as keyof typeof metrics].map((r) => r.toFixed(2)).join(', ')})` : ''}`);
		}
		if (cap) console.log(`${g.name} capacity (p95 ≤ ${P95_LIMIT_MS} ms in 3 of 3 runs): ${cap.votesPerSecond.toFixed(0)} votes/s, raw ${cap.raw.toFixed(0)} votes/s, ratio ${cap.ratio.toFixed(2)}`);
	}
	// The regression check: the game's ratios to the baseline as a share of the game's at the commit.
	if (before && summary.game && summary[before.target.name]) {
		const [now, then] = [summary.game, summary[before.target.name]];
		console.log(`\ngame's ratios to raw ÷ ${before.target.name}'s (1.00 = the same; within 0.90–1.10 is within 10%):`);
		for (const name of Object.keys(now.at600 ?? {})) console.log(`  ${name.padEnd(13)} ${(now.at600![name] / then.at600![name]).toFixed(2)}`);
		if (now.capacity && then.capacity) console.log(`  capacity      ${(now.capacity.ratio / then.capacity.ratio).toFixed(2)}`);
	}
	const file = `load${quick ? '-quick' : ''}${before ? '-compare' : ''}.json`;
	mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
	writeFileSync(new URL(`./results/${file}`, import.meta.url), JSON.stringify({ date: new Date().toISOString(), seed, compare: before?.target.name, trials, ramps, summary }, null, '\t'));
}
