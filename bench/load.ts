/**
 * Load: the game and the raw Socket.IO baseline under the same load from the same harness (a
 * separate process), side by side. For each load it reports votes in per second, deliveries per
 * second, vote-to-room latency (p50/p95/p99), server CPU and RSS per connected client, then the
 * game/raw ratios.
 *
 *   tsx bench/load.ts --quick   100 rooms × 6 seats voting once a second, under a minute
 *   tsx bench/load.ts           the same three times over, then a ramp until p95 passes 100 ms, narrowed
 *                               down between the last load carried and the first not, to find capacity
 *   --pairs N                   how many raw-then-game pairs to take the 600-player ratios over
 *   --only game|raw             one target alone, e.g. with BENCH_CPU_PROFILE=<dir> to profile it
 *   --rate N                    with --quick: each seat votes N times a second instead of once
 *   --rates N,N,…               with --quick: drive each rate in turn on one server, its votes left
 *                               open throughout (to see how a server fares as their histories grow)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { start, type Child } from './lib/child';
import { cpuSeconds, rssKb } from './lib/proc';

type Target = 'game' | 'raw';

export interface LoadPoint {
	target: Target;
	rooms: number;
	clients: number;
	rate: number;
	votesPerSecond: number;
	deliveriesPerSecond: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
	/** Send to acknowledgement, the sender's own wait (ms). */
	ack: { p50: number; p99: number };
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
	/** How late the server's event loop ran during the measurement (ms). */
	loopDelay: { p50: number; p99: number; max: number };
	/** Garbage collection on the server during the measurement: pauses, ms paused per second, longest pause (ms). */
	gc: { count: number; msPerSecond: number; maxMs: number };
}

const SERVERS: Record<Target, string> = { game: '../servers/game.ts', raw: '../servers/raw.ts' };
const P95_LIMIT_MS = 100;

async function settledRss(server: Child) {
	await server.ask({ cmd: 'gc' }, 'gcDone');
	return rssKb(server.pid);
}

/** Which rate per seat to drive next, given the last load measured; null when done. */
type NextRate = (last: LoadPoint | undefined) => number | null;

/** One target at a number of rooms: seats the clients once, then drives each rate in turn. */
async function measure(target: Target, rooms: number, nextRate: NextRate, timing: { warmupMs: number; durationMs: number }) {
	const server = await start(SERVERS[target]);
	const harness = await start('../harness.ts');
	const points: LoadPoint[] = [];
	try {
		const idle = await settledRss(server);
		const url = `http://127.0.0.1:${server.ready.port}`;
		const { clients } = await harness.ask<{ clients: number }>({ cmd: 'setup', target, url, rooms }, 'setupDone');
		const loaded = await settledRss(server);
		for (let rate = nextRate(undefined); rate !== null; rate = nextRate(points.at(-1))) {
			const measuring = harness.next('measuring');
			const result = harness.ask<Omit<LoadPoint, 'serverCpu' | 'rssMb' | 'rssPerClientKb' | 'loopDelay' | 'gc'> & { seconds: number }>(
				{ cmd: 'run', rate, ...timing },
				'result'
			);
			await measuring;
			const cpuBefore = cpuSeconds(server.pid);
			await server.ask({ cmd: 'loopDelay' }, 'loopDelay');
			const r = await result;
			const serverCpu = (cpuSeconds(server.pid) - cpuBefore) / r.seconds;
			const { p50, p99, max, gc } = await server.ask<LoadPoint['loopDelay'] & { gc: { count: number; totalMs: number; maxMs: number } }>({ cmd: 'loopDelay' }, 'loopDelay');
			const point: LoadPoint = {
				...r,
				target,
				serverCpu,
				rssMb: loaded / 1024,
				rssPerClientKb: (loaded - idle) / clients,
				loopDelay: { p50, p99, max },
				gc: { count: gc.count, msPerSecond: gc.totalMs / r.seconds, maxMs: gc.maxMs }
			};
			delete (point as Partial<typeof r>).seconds;
			delete (point as { type?: string }).type;
			points.push(point);
			report(point);
		}
		await harness.ask({ cmd: 'teardown' }, 'tornDown');
	} finally {
		await harness.stop();
		await server.stop();
	}
	return points;
}

/** Past capacity: p95 over the limit, or votes refused or never seen by the whole room. */
const overLimit = (p: LoadPoint) => p.p95 > P95_LIMIT_MS || p.refused > p.sent * 0.01 || p.completed < p.sent * 0.95;

function report(p: LoadPoint) {
	const f = (n: number, d = 1) => n.toFixed(d).padStart(8);
	console.log(
		`${p.target.padEnd(5)} ${String(p.rooms).padStart(4)} rooms ×6 @${String(Number(p.rate.toFixed(2))).padStart(4)}/s  votes/s${f(p.votesPerSecond, 0)}  deliveries/s${f(p.deliveriesPerSecond, 0)}  p50${f(p.p50)} ms  p95${f(p.p95)} ms  p99${f(p.p99)} ms  (ack p50${f(p.ack.p50)} p99${f(p.ack.p99)} ms)  server CPU${f(p.serverCpu * 100, 0)}%  harness CPU${f(p.harnessCpu * 100, 0)}%  RSS/client${f(p.rssPerClientKb)} KB  loop delay p99${f(p.loopDelay.p99)} ms  GC${f(p.gc.msPerSecond, 0)} ms/s (longest${f(p.gc.maxMs)} ms)${p.refused ? `  refused ${p.refused} ${JSON.stringify(p.refusals)}` : ''}${p.completed < p.sent * 0.95 ? `  only ${p.completed}/${p.sent} seen by the whole room` : ''}`
	);
}

/** The highest load (votes in per second) a target carried within the p95 limit. */
function capacity(points: LoadPoint[]) {
	const within = points.filter((p) => !overLimit(p));
	return within.length ? Math.max(...within.map((p) => p.votesPerSecond)) : 0;
}

/** The load a point was meant to put on: votes a second from every seat of every room. */
const intended = (p: LoadPoint) => p.rooms * 6 * p.rate;

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
		if (last && overLimit(last)) notCarried = Math.min(notCarried, intended(last));
		else if (last) carried = Math.max(carried, last.votesPerSecond);
		if (notCarried === Infinity) return step < ladder.length ? ladder[step++] : null;
		if (halvings++ === 2) return null;
		return (carried + notCarried) / 2 / (rooms * 6);
	};
}

async function ramp(target: Target, timing: { warmupMs: number; durationMs: number }) {
	// Up the rate per seat at 100 rooms (the shipped per-socket limit is 10 actions a second),
	// then add rooms at 8 votes a second each; where a load is not carried, narrow it down there.
	const stages: [number, number[]][] = [[100, [1, 2, 3, 4, 5, 6, 7, 8]], ...[150, 200, 300, 400, 600].map((rooms): [number, number[]] => [rooms, [8]])];
	const points: LoadPoint[] = [];
	for (const [rooms, ladder] of stages) {
		points.push(...(await measure(target, rooms, climb(rooms, ladder, capacity(points)), timing)));
		if (points.some(overLimit)) break;
	}
	return points;
}

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const quick = process.argv.includes('--quick');
const quickRate = Number(arg('--rate') ?? 1);
const quickRates = arg('--rates')?.split(',').map(Number);
// The ratio at 600 players is taken over pairs of runs, raw then game, side by side in time: the
// machine's own drift over the minutes a run takes moves a single pair's p99 ratio by 2× or more.
const pairs = Number(arg('--pairs') ?? (quick ? 1 : 3));
const timing = quick ? { warmupMs: 3000, durationMs: 10_000 } : { warmupMs: 5000, durationMs: 20_000 };
const rate = quick ? quickRate : 1;
const perSecond = rate === 1 ? 'once' : `${rate} times`;
console.log(`Load: 100 rooms × 6 seats, each seat voting ${perSecond} a second, ${pairs} pair${pairs === 1 ? '' : 's'} of runs${quick ? '' : '; then ramping to capacity'}.`);
// --only game|raw measures one target (to profile it); the ratios need both.
const only = arg('--only') as Target | undefined;
const targets = (['raw', 'game'] as const).filter((t) => !only || t === only);
const trials: { raw?: LoadPoint; game?: LoadPoint }[] = [];
for (let i = 0; i < pairs; i++) {
	const pair: (typeof trials)[number] = {};
	for (const target of targets) {
		const rates = [...(quickRates ?? [rate])];
		pair[target] = (await measure(target, 100, () => rates.shift() ?? null, timing))[0];
	}
	trials.push(pair);
}
const ramps: Partial<Record<Target, LoadPoint[]>> = {};
if (!quick) for (const target of targets) ramps[target] = await ramp(target, timing);
if (only) process.exit(0);

const ratio = (a: number, b: number) => (b === 0 ? Infinity : a / b);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const metrics = {
	p50: (p: LoadPoint) => p.p50,
	p95: (p: LoadPoint) => p.p95,
	p99: (p: LoadPoint) => p.p99,
	serverCpu: (p: LoadPoint) => p.serverCpu,
	rssPerClient: (p: LoadPoint) => p.rssPerClientKb
};
const ratiosByPair = Object.fromEntries(
	Object.entries(metrics).map(([name, of]) => [name, trials.map(({ raw, game }) => ratio(of(game!), of(raw!)))])
) as Record<keyof typeof metrics, number[]>;
const summary = {
	/** Each metric's game/raw ratio in the median pair. */
	at600: Object.fromEntries(Object.entries(ratiosByPair).map(([name, ratios]) => [name, median(ratios)])),
	ratiosByPair,
	capacity: ramps.game && { game: capacity(ramps.game), raw: capacity(ramps.raw!), ratio: ratio(capacity(ramps.game), capacity(ramps.raw!)) }
};
console.log(`\ngame / raw at 600 players voting ${perSecond} a second${pairs > 1 ? `, median of ${pairs} pairs` : ''}:`);
for (const [name, value] of Object.entries(summary.at600))
	console.log(`  ${name.padEnd(13)} ${value.toFixed(2)}×${pairs > 1 ? `  (pairs: ${ratiosByPair[name as keyof typeof metrics].map((r) => r.toFixed(2)).join(', ')})` : ''}`);
if (summary.capacity)
	console.log(`capacity at p95 ≤ ${P95_LIMIT_MS} ms: game ${summary.capacity.game.toFixed(0)} votes/s, raw ${summary.capacity.raw.toFixed(0)} votes/s, ratio ${summary.capacity.ratio.toFixed(2)}`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL(`./results/load${quick ? '-quick' : ''}.json`, import.meta.url), JSON.stringify({ date: new Date().toISOString(), trials, ramps, summary }, null, '\t'));
