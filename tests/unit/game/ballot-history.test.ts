/**
 * A vote's ballot history in chunks: in order however long it grows, every earlier version left as
 * it was, full chunks shared rather than copied, and snapshots stored with flat lists read back.
 */
import { describe, expect, it } from 'vitest';
import { appendCast, castsOf, mapCasts, NO_CASTS, withChunkedHistories, type BallotHistory } from '../../../src/lib/game/ballot-history';
import type { BallotCast, GameState } from '../../../src/lib/game/types';

const cast = (seq: number): BallotCast => ({ seat: `s${seq % 6}`, choice: seq % 2 ? 'yes' : 'no', reason: null, card: null, at: seq * 1000, seq });

describe('ballot history', () => {
	it('keeps every ballot in order, and leaves each earlier version unchanged', () => {
		const versions: BallotHistory[] = [NO_CASTS];
		for (let seq = 1; seq <= 300; seq++) versions.push(appendCast(versions.at(-1)!, cast(seq)));
		versions.forEach((history, n) => {
			expect(castsOf(history).map((c) => c.seq)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
			expect(Object.isFrozen(history) && history.every(Object.isFrozen)).toBe(true);
		});
	});

	it('shares full chunks between versions, so a ballot copies only the last chunk', () => {
		let history = NO_CASTS;
		for (let seq = 1; seq <= 200; seq++) history = appendCast(history, cast(seq));
		const next = appendCast(history, cast(201));
		expect(next.slice(0, -1).every((chunk, i) => chunk === history[i])).toBe(true);
		expect(Math.max(...next.map((chunk) => chunk.length))).toBeLessThanOrEqual(64);
	});

	it('changes each ballot and keeps their order', () => {
		let history = NO_CASTS;
		for (let seq = 1; seq <= 70; seq++) history = appendCast(history, cast(seq));
		const renamed = mapCasts(history, (c) => ({ ...c, seat: 'someone' }));
		expect(castsOf(renamed).map((c) => [c.seq, c.seat])).toEqual(castsOf(history).map((c) => [c.seq, 'someone']));
	});

	it('reads a snapshot stored with flat histories as chunks', () => {
		const flat = Array.from({ length: 100 }, (_, i) => cast(i + 1));
		const stored = { votes: [{ id: 1, history: flat }] } as unknown as GameState;
		const read = withChunkedHistories(stored);
		expect(castsOf(read.votes[0].history)).toEqual(flat);
		expect(read.votes[0].history.every(Array.isArray)).toBe(true);
		expect(withChunkedHistories(read)).toBe(read);
	});
});
