/**
 * A vote's ballot history in chunks, full ones packed column by column: in order however long it
 * grows, every earlier version left as it was, full chunks shared rather than copied, and snapshots
 * read back whether stored as now or with lists of ballots (flat or chunked).
 */
import { describe, expect, it } from 'vitest';
import { appendCast, castsOf, filterCasts, mapCasts, NO_CASTS, withChunkedHistories, type BallotHistory, type CastChunk } from '../../../src/lib/game/ballot-history';
import type { BallotCast, GameState } from '../../../src/lib/game/types';

const cast = (seq: number): BallotCast => ({
	seat: `s${seq % 6}`,
	choice: seq % 2 ? 'yes' : 'no',
	reason: seq % 5 ? null : `reason ${seq}`,
	card: seq % 7 ? null : `card-${seq}`,
	at: 1_790_000_000_000 + seq * 1337,
	seq
});
const size = (chunk: CastChunk) => (Array.isArray(chunk) ? chunk.length : chunk.seq.length);
/** Full chunks packed into columns, then at most one list of the latest ballots. */
const packedButLast = (history: BallotHistory) => history.every((chunk, i) => !Array.isArray(chunk) || (i === history.length - 1 && chunk.length < 64));
const historyOf = (count: number) => Array.from({ length: count }, (_, i) => cast(i + 1)).reduce(appendCast, NO_CASTS);

describe('ballot history', () => {
	it('keeps every ballot in order, and leaves each earlier version unchanged', () => {
		const versions: BallotHistory[] = [NO_CASTS];
		for (let seq = 1; seq <= 300; seq++) versions.push(appendCast(versions.at(-1)!, cast(seq)));
		versions.forEach((history, n) => {
			expect(castsOf(history)).toEqual(Array.from({ length: n }, (_, i) => cast(i + 1)));
			expect(Object.isFrozen(history) && history.every(Object.isFrozen)).toBe(true);
			expect(history.every((chunk) => Object.values(chunk).every((part) => typeof part === 'number' || Object.isFrozen(part)))).toBe(true);
			expect(packedButLast(history)).toBe(true);
		});
	});

	it('shares full chunks between versions, so a ballot copies only the last chunk', () => {
		const history = historyOf(200);
		const next = appendCast(history, cast(201));
		expect(next.slice(0, -1).every((chunk, i) => chunk === history[i])).toBe(true);
		expect(next.map(size)).toEqual([64, 64, 64, 9]);
	});

	it('changes each ballot and keeps their order', () => {
		const history = historyOf(70);
		const renamed = mapCasts(history, (c) => ({ ...c, seat: 'someone' }));
		expect(castsOf(renamed).map((c) => [c.seq, c.seat])).toEqual(castsOf(history).map((c) => [c.seq, 'someone']));
	});

	it('keeps the ballots that pass, in order', () => {
		const history = historyOf(150);
		const kept = filterCasts(history, (c) => c.seat !== 's2');
		expect(castsOf(kept)).toEqual(castsOf(history).filter((c) => c.seat !== 's2'));
		expect(castsOf(appendCast(kept, cast(151))).at(-1)).toEqual(cast(151));
	});

	it('reads snapshots stored with lists of ballots, flat or in chunks, as it holds them now', () => {
		const casts = Array.from({ length: 100 }, (_, i) => cast(i + 1));
		const flat = { votes: [{ id: 1, history: casts }] } as unknown as GameState;
		const listChunks = { votes: [{ id: 1, history: [casts.slice(0, 64), casts.slice(64)] }] } as unknown as GameState;
		for (const stored of [flat, listChunks]) {
			const read = withChunkedHistories(stored);
			expect(castsOf(read.votes[0].history)).toEqual(casts);
			expect(read.votes[0].history.map(size)).toEqual([64, 36]);
			expect(packedButLast(read.votes[0].history)).toBe(true);
			expect(withChunkedHistories(read)).toBe(read);
		}
	});

	it('comes back the same from a stored snapshot, as it is written now', () => {
		const state = { votes: [{ id: 1, history: historyOf(130) }] } as unknown as GameState;
		const stored = JSON.parse(JSON.stringify(state)) as GameState;
		expect(withChunkedHistories(stored)).toBe(stored);
		expect(castsOf(stored.votes[0].history)).toEqual(castsOf(state.votes[0].history));
	});
});
