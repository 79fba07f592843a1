/**
 * What a benchmark server answers its parent besides serving: a forced garbage collection before
 * memory is read, and (the game only) how late its event loop ran since last asked (a stall there
 * delays every room at once) and its garbage-collection pauses. The baseline answers only the
 * first: a monitor sampling the event loop every millisecond is not part of a bare broadcast.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { serve } from './child';

/**
 * BENCH_HEAP_PROFILE=<dir>: samples every allocation between the start and the end of each
 * measurement, including objects the collector has since freed, and writes a .heapprofile there
 * (open it in Chrome's DevTools, Memory tab) to see which code allocates. With
 * BENCH_HEAP_PROFILE_SURVIVORS=1 it keeps only what outlived a young-generation collection: what
 * the collector had to copy or promote, which is what makes its pauses long.
 */
function allocationSampler(dir: string | undefined) {
	if (!dir) return () => Promise.resolve();
	const session = new Session();
	session.connect();
	let sampling = false;
	let n = 0;
	return async function toggle() {
		if (!sampling) {
			await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: !process.env.BENCH_HEAP_PROFILE_SURVIVORS });
		} else {
			const { profile } = await session.post('HeapProfiler.stopSampling');
			writeFileSync(join(dir, `allocations-${process.pid}-${++n}.heapprofile`), JSON.stringify(profile));
		}
		sampling = !sampling;
	};
}

const collect = () => {
	globalThis.gc?.();
	return { type: 'gcDone' };
};

/** Collects garbage when asked, between measurements; costs nothing while serving. */
export function serveGc() {
	serve((message) => (message.cmd === 'gc' ? collect() : undefined));
}

export function serveServerStats() {
	const loopDelay = monitorEventLoopDelay({ resolution: 1 });
	loopDelay.enable();
	// Garbage collection pauses the thread: their count, total and longest show how much of the
	// loop's delay is the collector's.
	let gc = { count: 0, totalMs: 0, maxMs: 0 };
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) {
			gc.count++;
			gc.totalMs += entry.duration;
			gc.maxMs = Math.max(gc.maxMs, entry.duration);
		}
	}).observe({ entryTypes: ['gc'] });
	const sampleAllocations = allocationSampler(process.env.BENCH_HEAP_PROFILE);
	serve(async (message) => {
		if (message.cmd === 'gc') return collect();
		if (message.cmd === 'loopDelay') {
			const ms = (q: number) => loopDelay.percentile(q) / 1e6;
			const reply = { type: 'loopDelay', p50: ms(50), p99: ms(99), max: loopDelay.max / 1e6, gc };
			loopDelay.reset();
			gc = { count: 0, totalMs: 0, maxMs: 0 };
			await sampleAllocations();
			return reply;
		}
	});
}
