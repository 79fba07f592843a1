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
import { start, type Child } from './lib/child';
import { cpuSeconds, machineLoad, rssKb } from './lib/proc';

/** A server to measure: the baseline, the game as it is, or the game at another commit. */
interface Target {
	name: string;
	/** Which protocol the harness speaks to it. */
	kind: 'game' | 'raw';
	/** The server's module, relative to this file or absolute. */
	server: string;
}

/** One measured window at one load. */
export interface LoadPoint {
	target: string;
	rooms: number;
	clients: number;
	rate: number;
	votesPerSecond: number;
	deliveriesPerSecond: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
	/** Send to acknowledgement, the sender's own wait (ms); the game only, the baseline acknowledges nothing. */
	ack: { p50: number; p99: number } | null;
	sent: number;
	refused: number;
	refusals: Record<string, number>;
	completed: number;
	/** Server CPU in cores (1 = one core busy all the time). */
	serverCpu: number;
	harnessCpu: number;
	/** Resident memory with the clients connected and seated, after a garbage collection. */
	rssMb: number;
	/** (RSS with clients − RSS idle) / clients. */
	rssPerClientKb: number;
	/** How late the game server's event loop ran during the measurement (ms); not monitored in the baseline. */
	loopDelay: { p50: number; p99: number; max: number } | null;
	/** Garbage collection on the game server during the measurement: pauses, ms paused per second, longest pause (ms). */
	gc: { count: number; msPerSecond: number; maxMs: number } | null;
	/** How busy the machine was at the window's end: load average, share of time some task waited for a CPU. */
	machine: { load1: number; cpuWaiting10s: number | null };
}

/** One load (rooms × rate), measured in up to `runs` windows one after another. */
interface Load {
	rooms: number;
	rate: number;
	runs: LoadPoint[];
	/** Within the limit in every one of the runs asked for. */
	carried: boolean;
}

interface Timing {
	warmupMs: number;
	durationMs: number;
	/** Windows measured at each load; a load is carried only if every one stays within the limit. */
	runs: number;
}

const P95_LIMIT_MS = 100;

async function settledRss(server: Child) {
	await server.ask({ cmd: 'gc' }, 'gcDone');
	return rssKb(server.pid);
}

/** Which rate per seat to drive next, given the last load measured; null when done. */
type NextRate = (last: Load | undefined) => number | null;

type ServerStats = { p50: number; p99: number; max: number; gc: { count: number; totalMs: number; maxMs: number } };

/** One window of a load already running: the harness's figures, the server's CPU from /proc, the game's own stats. */
async function measureWindow(target: Target, server: Child, harness: Child, durationMs: number) {
	const measuring = harness.next('measuring');
	const result = harness.ask<Omit<LoadPoint, 'target' | 'rate' | 'serverCpu' | 'rssMb' | 'rssPerClientKb' | 'loopDelay' | 'gc'> & { seconds: number }>({ cmd: 'window', durationMs }, 'result');
	await measuring;
	const cpuBefore = cpuSeconds(server.pid);
	if (target.kind === 'game') await server.ask({ cmd: 'loopDelay' }, 'loopDelay');
	const { seconds, ...r } = await result;
	const serverCpu = (cpuSeconds(server.pid) - cpuBefore) / seconds;
	const stats = target.kind === 'game' ? await server.ask<ServerStats>({ cmd: 'loopDelay' }, 'loopDelay') : null;
	delete (r as { type?: string }).type;
	return {
		...r,
		serverCpu,
		loopDelay: stats && { p50: stats.p50, p99: stats.p99, max: stats.max },
		gc: stats && { count: stats.gc.count, msPerSecond: stats.gc.totalMs / seconds, maxMs: stats.gc.maxMs },
		machine: machineLoad()
	};
}

/** One target at a number of rooms: seats the clients once, then drives each rate in turn. */
async function measure(target: Target, rooms: number, nextRate: NextRate, timing: Timing, seed: number) {
	const server = await start(target.server);
	const harness = await start('../harness.ts');
	const loads: Load[] = [];
	try {
		const idle = await settledRss(server);
		const url = `http://127.0.0.1:${server.ready.port}`;
		const { clients } = await harness.ask<{ clients: number }>({ cmd: 'setup', target: target.kind, url, rooms }, 'setupDone');
		const loaded = await settledRss(server);
		for (let rate = nextRate(undefined); rate !== null; rate = nextRate(loads.at(-1))) {
			await harness.ask({ cmd: 'start', rate, seed }, 'started');
			await sleep(timing.warmupMs);
			const load: Load = { rooms, rate, runs: [], carried: false };
			// A load is not carried as soon as one run is over the limit: the runs after it are not needed.
			while (load.runs.length < timing.runs && !load.runs.some(overLimit)) {
				const point: LoadPoint = {
					target: target.name,
					rate,
					...(await measureWindow(target, server, harness, timing.durationMs)),
					rssMb: loaded / 1024,
					rssPerClientKb: (loaded - idle) / clients
				};
				load.runs.push(point);
				report(point);
			}
			load.carried = load.runs.length === timing.runs && !load.runs.some(overLimit);
			await harness.ask({ cmd: 'stop' }, 'stopped');
			loads.push(load);
		}
		await harness.ask({ cmd: 'teardown' }, 'tornDown');
	} finally {
		await harness.stop();
		await server.stop();
	}
	return loads;
}

/** Past capacity: p95 over the limit, or votes refused or never seen by the whole room. */
const overLimit = (p: LoadPoint) => p.p95 > P95_LIMIT_MS || p.refused > p.sent * 0.01 || p.completed < p.sent * 0.95;

function report(p: LoadPoint) {
	const f = (n: number, d = 1) => n.toFixed(d).padStart(8);
	console.log(
		`${p.target.padEnd(12)} ${String(p.rooms).padStart(4)} rooms ×6 @${String(Number(p.rate.toFixed(2))).padStart(4)}/s  votes/s${f(p.votesPerSecond, 0)}  deliveries/s${f(p.deliveriesPerSecond, 0)}  p50${f(p.p50)} ms  p95${f(p.p95)} ms  p99${f(p.p99)} ms${p.ack ? `  (ack p50${f(p.ack.p50)} p99${f(p.ack.p99)} ms)` : ''}  server CPU${f(p.serverCpu * 100, 0)}%  harness CPU${f(p.harnessCpu * 100, 0)}%  RSS/client${f(p.rssPerClientKb)} KB${p.loopDelay ? `  loop delay p99${f(p.loopDelay.p99)} ms` : ''}${p.gc ? `  GC${f(p.gc.msPerSecond, 0)} ms/s (longest${f(p.gc.maxMs)} ms)` : ''}${p.refused ? `  refused ${p.refused} ${JSON.stringify(p.refusals)}` : ''}${p.completed < p.sent * 0.95 ? `  only ${p.completed}/${p.sent} seen by the whole room` : ''}  machine load ${p.machine.load1}${p.machine.cpuWaiting10s === null ? '' : `, CPU waited on ${(p.machine.cpuWaiting10s * 100).toFixed(0)}%`}${overLimit(p) ? '  — over' : ''}`
	);
}

/** What a carried load carried: the fewest votes a second taken in across its runs. */
const carriedVotes = (load: Load) => Math.min(...load.runs.map((p) => p.votesPerSecond));

/** The highest load (votes in per second) a target carried within the limits in every run. */
function capacity(loads: Load[]) {
	const carried = loads.filter((l) => l.carried);
	return carried.length ? Math.max(...carried.map(carriedVotes)) : 0;
}

/** The load a point was meant to put on: votes a second from every seat of every room. */
const intended = (l: Load) => l.rooms * 6 * l.rate;

/**
 * The rates to drive at one number of rooms: up the ladder until a load is not carried, then twice
 * halfway (in votes a second) between the most carried so far and the least not carried. The
 * ladder's steps are 15–30% apart; two halvings bring capacity to within 4–8%.
 */
function climb(rooms: number, ladder: number[], carried: number): NextRate {
	let notCarried = Infinity;
	let step = 0;
	let halvings = 0;
	return (last) => {
		if (last && !last.carried) notCarried = Math.min(notCarried, intended(last));
		else if (last) carried = Math.max(carried, carriedVotes(last));
		if (notCarried === Infinity) return step < ladder.length ? ladder[step++] : null;
		if (halvings++ === 2) return null;
		return (carried + notCarried) / 2 / (rooms * 6);
	};
}

async function ramp(target: Target, timing: Timing, seed: number) {
	// Up the rate per seat at 100 rooms (the shipped per-socket limit is 10 actions a second),
	// then add rooms at 8 votes a second each; where a load is not carried, narrow it down there.
	const stages: [number, number[]][] = [[100, [1, 2, 3, 4, 5, 6, 7, 8]], ...[150, 200, 300, 400, 600].map((rooms): [number, number[]] => [rooms, [8]])];
	const loads: Load[] = [];
	for (const [rooms, ladder] of stages) {
		loads.push(...(await measure(target, rooms, climb(rooms, ladder, capacity(loads)), timing, seed)));
		if (loads.some((l) => !l.carried)) break;
	}
	return loads;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
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
