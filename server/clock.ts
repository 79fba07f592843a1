/**
 * Time, for the server: the current instant and wake-ups at a given instant. Injected, so tests
 * can move time forward by hand and watch timers fire.
 */
export interface Clock {
	now(): number;
	/** Calls `fn` at (or soon after) `at`; returns a function that cancels it. */
	wakeAt(at: number, fn: () => void): () => void;
}

/** setTimeout cannot wait longer than about 24.8 days; longer waits are re-armed. */
const MAX_WAIT = 2 ** 31 - 1;

export const systemClock: Clock = {
	now: () => Date.now(),
	wakeAt(at, fn) {
		let handle: NodeJS.Timeout;
		const arm = () => {
			const wait = at - Date.now();
			handle = setTimeout(wait > MAX_WAIT ? arm : fn, Math.min(Math.max(0, wait), MAX_WAIT));
		};
		arm();
		return () => clearTimeout(handle);
	}
};
