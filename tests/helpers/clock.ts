/** A clock the test moves by hand: wake-ups fire, in order, when time passes them. */
import type { Clock } from '../../server/clock';

export class TestClock implements Clock {
	private wakeUps: { at: number; fn: () => void }[] = [];
	constructor(public value = Date.parse('2026-01-01T09:00:00Z')) {}

	now() {
		return this.value;
	}

	wakeAt(at: number, fn: () => void) {
		const entry = { at, fn };
		this.wakeUps.push(entry);
		return () => void (this.wakeUps = this.wakeUps.filter((w) => w !== entry));
	}

	/** Moves time forward and fires every wake-up now due. */
	advance(ms: number) {
		this.value += ms;
		const due = this.wakeUps.filter((w) => w.at <= this.value).sort((a, b) => a.at - b.at);
		this.wakeUps = this.wakeUps.filter((w) => w.at > this.value);
		for (const w of due) w.fn();
	}

	get pending() {
		return this.wakeUps.length;
	}
}
