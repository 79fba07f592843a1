/**
 * What the operating system says a process costs: CPU seconds used so far and resident memory,
 * read from /proc (Linux), so a server is measured without instrumenting it.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second for /proc/<pid>/stat times; 100 on every Linux build in practice. */
const TICKS = 100;

/** User plus system CPU time the process has used, in seconds. */
export function cpuSeconds(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// Fields after the command name (which may hold spaces) start after the last ')'.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

/** The CPU seconds of a process and of every process under it still running (PostgreSQL's backends, say). */
export function treeCpuSeconds(pid: number): number {
	const children = new Map<number, number[]>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
		} catch {
			// gone since the directory was read
		}
	}
	let total = 0;
	for (const stack = [pid]; stack.length; ) {
		const next = stack.pop()!;
		try {
			total += cpuSeconds(next);
		} catch {
			continue;
		}
		stack.push(...(children.get(next) ?? []));
	}
	return total;
}

/** Resident set size in kilobytes. */
export function rssKb(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const match = /VmRSS:\s+(\d+) kB/.exec(status);
	if (!match) throw new Error(`no VmRSS for process ${pid}`);
	return Number(match[1]);
}

/**
 * How busy the whole machine is, which the figures of a run on a shared machine depend on: the
 * one-minute load average, and the share of the last ten seconds in which some runnable task
 * waited for a CPU (pressure stall information; null where the kernel does not keep it).
 */
export function machineLoad(): { load1: number; cpuWaiting10s: number | null } {
	const load1 = Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
	try {
		const some = /some avg10=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
		return { load1, cpuWaiting10s: some ? Number(some[1]) / 100 : null };
	} catch {
		return { load1, cpuWaiting10s: null };
	}
}
