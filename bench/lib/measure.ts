/**
 * Measuring a target under load from the client harness (bench/harness.ts, a separate process):
 * one window of votes at a load, a load measured in several windows, a ramp to capacity. Shared
 * by the load benchmark (bench/load.ts) and the cluster benchmark (bench/cluster.ts).
 *
 * A target's process may stand for several (bench/servers/cluster.ts: three game servers behind a
 * proxy on a database): it then names in its ready message the game servers' pids (`pids`), whose
 * CPU and memory are the target's, and the processes that serve them (`helpers`: the database, the
 * proxy), whose CPU is reported beside.
 */
import { start, type Child } from './child';
import { cpuSeconds, machineLoad, rssKb, treeCpuSeconds } from './proc';

/** A server to measure: the baseline, the game as it is, the game at another commit, or a cluster of games. */
export interface Target {
	name: string;
	/** Which protocol the harness speaks to it. */
	kind: 'game' | 'raw';
	/** The server's module, relative to bench/lib/ or absolute. */
	server: string;
	/** Settings given to the server's process (and the processes it starts) beside the harness's own. */
	env?: Record<string, string>;
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
	/** Server CPU in cores (1 = one core busy all the time); a cluster's game servers together. */
	serverCpu: number;
	/** A cluster's: each game server's CPU, and its database's and proxy's (all their processes), in cores. */
	serverCpuEach?: number[];
	/** A cluster's: the share of the rooms each game server holds. */
	serverShares?: number[];
	helperCpu?: Record<string, number>;
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
export interface Load {
	rooms: number;
	rate: number;
	runs: LoadPoint[];
	/** Within the limit in every one of the runs asked for. */
	carried: boolean;
}

export interface Timing {
	warmupMs: number;
	durationMs: number;
	/** Windows measured at each load; a load is carried only if every one stays within the limit. */
	runs: number;
}

export const P95_LIMIT_MS = 100;

/** The game servers a target's process stands for: itself, or those it names (a cluster). */
const serverPids = (server: Child) => (server.ready.pids as number[] | undefined) ?? [server.pid];
/** The processes serving a target's game servers (a cluster's database and proxy), by name. */
const helperPids = (server: Child) => (server.ready.helpers as Record<string, number> | undefined) ?? {};
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

async function settledRss(server: Child) {
	await server.ask({ cmd: 'gc' }, 'gcDone');
	return sum(serverPids(server).map(rssKb));
}

/** Which rate per seat to drive next, given the last load measured; null when done. */
export type NextRate = (last: Load | undefined) => number | null;

type ServerStats = { p50: number; p99: number; max: number; gc: { count: number; totalMs: number; maxMs: number } };

/** One window of a load already running: the harness's figures, the server's CPU from /proc, the game's own stats. */
async function measureWindow(target: Target, server: Child, harness: Child, durationMs: number) {
	const measuring = harness.next('measuring');
	const result = harness.ask<Omit<LoadPoint, 'target' | 'rate' | 'serverCpu' | 'serverCpuEach' | 'serverShares' | 'helperCpu' | 'rssMb' | 'rssPerClientKb' | 'loopDelay' | 'gc'> & { seconds: number }>({ cmd: 'window', durationMs }, 'result');
	await measuring;
	const pids = serverPids(server);
	const helpers = Object.entries(helperPids(server));
	const cpuBefore = pids.map(cpuSeconds);
	const helpersBefore = helpers.map(([, pid]) => treeCpuSeconds(pid));
	if (target.kind === 'game') await server.ask({ cmd: 'loopDelay' }, 'loopDelay');
	const { seconds, ...r } = await result;
	const serverCpuEach = pids.map((pid, i) => (cpuSeconds(pid) - cpuBefore[i]) / seconds);
	const helperCpu = Object.fromEntries(helpers.map(([name, pid], i) => [name, (treeCpuSeconds(pid) - helpersBefore[i]) / seconds]));
	const stats = target.kind === 'game' ? await server.ask<ServerStats>({ cmd: 'loopDelay' }, 'loopDelay') : null;
	const shares = pids.length > 1 ? (await server.ask<{ shares: number[] }>({ cmd: 'shares' }, 'shares')).shares : null;
	delete (r as { type?: string }).type;
	return {
		...r,
		serverCpu: sum(serverCpuEach),
		...(shares ? { serverCpuEach, serverShares: shares, helperCpu } : {}),
		loopDelay: stats && { p50: stats.p50, p99: stats.p99, max: stats.max },
		gc: stats && { count: stats.gc.count, msPerSecond: stats.gc.totalMs / seconds, maxMs: stats.gc.maxMs },
		machine: machineLoad()
	};
}

/** One target at a number of rooms: seats the clients once, then drives each rate in turn. */
export async function measure(target: Target, rooms: number, nextRate: NextRate, timing: Timing, seed: number) {
	const server = await start(target.server, target.env);
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
export const overLimit = (p: LoadPoint) => p.p95 > P95_LIMIT_MS || p.refused > p.sent * 0.01 || p.completed < p.sent * 0.95;

export function report(p: LoadPoint) {
	const f = (n: number, d = 1) => n.toFixed(d).padStart(8);
	console.log(
		`${p.target.padEnd(12)} ${String(p.rooms).padStart(4)} rooms ×6 @${String(Number(p.rate.toFixed(2))).padStart(4)}/s  votes/s${f(p.votesPerSecond, 0)}  deliveries/s${f(p.deliveriesPerSecond, 0)}  p50${f(p.p50)} ms  p95${f(p.p95)} ms  p99${f(p.p99)} ms${p.ack ? `  (ack p50${f(p.ack.p50)} p99${f(p.ack.p99)} ms)` : ''}  server CPU${f(p.serverCpu * 100, 0)}%${p.serverCpuEach ? ` (${p.serverCpuEach.map((c) => `${(c * 100).toFixed(0)}%`).join(' + ')}; ${Object.entries(p.helperCpu ?? {}).map(([name, c]) => `${name} ${(c * 100).toFixed(0)}%`).join(', ')})` : ''}  harness CPU${f(p.harnessCpu * 100, 0)}%  RSS/client${f(p.rssPerClientKb)} KB${p.loopDelay ? `  loop delay p99${f(p.loopDelay.p99)} ms` : ''}${p.gc ? `  GC${f(p.gc.msPerSecond, 0)} ms/s (longest${f(p.gc.maxMs)} ms)` : ''}${p.refused ? `  refused ${p.refused} ${JSON.stringify(p.refusals)}` : ''}${p.completed < p.sent * 0.95 ? `  only ${p.completed}/${p.sent} seen by the whole room` : ''}  machine load ${p.machine.load1}${p.machine.cpuWaiting10s === null ? '' : `, CPU waited on ${(p.machine.cpuWaiting10s * 100).toFixed(0)}%`}${overLimit(p) ? '  — over' : ''}`
	);
}

/** What a carried load carried: the fewest votes a second taken in across its runs. */
export const carriedVotes = (load: Load) => Math.min(...load.runs.map((p) => p.votesPerSecond));

/** The highest load (votes in per second) a target carried within the limits in every run. */
export function capacity(loads: Load[]) {
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

export async function ramp(target: Target, timing: Timing, seed: number) {
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
