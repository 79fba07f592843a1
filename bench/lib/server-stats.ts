/**
 * What a benchmark server answers its parent besides serving: a forced garbage collection before
 * memory is read, and how late its event loop ran since last asked (a stall there delays every
 * room at once).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { serve } from './child';

export function serveServerStats() {
	const loopDelay = monitorEventLoopDelay({ resolution: 1 });
	loopDelay.enable();
	serve((message) => {
		if (message.cmd === 'gc') {
			globalThis.gc?.();
			return { type: 'gcDone' };
		}
		if (message.cmd === 'loopDelay') {
			const ms = (q: number) => loopDelay.percentile(q) / 1e6;
			const reply = { type: 'loopDelay', p50: ms(50), p99: ms(99), max: loopDelay.max / 1e6 };
			loopDelay.reset();
			return reply;
		}
	});
}
