/**
 * Ballot histories: what keeping a vote's every ballot costs the server while its game runs. A
 * class that leaves a vote open while seats change their minds piles up thousands of ballots per
 * room, and every full garbage collection traces them all. For 100 rooms of 3,000 ballots each it
 * reports bytes per ballot, the time to append one, and the time a full collection takes with the
 * histories alive (less its time with nothing kept). The baseline, in the same process: the same
 * ballots as one frozen object each, in one list per room, appended by copying the list's last
 * chunk of 64 as the engine did before it packed full chunks.
 *
 *   node --expose-gc --import tsx bench/history.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { appendCast, castsOf, NO_CASTS } from '../src/lib/game/ballot-history';
import type { BallotCast } from '../src/lib/game/types';

const gc = globalThis.gc;
if (!gc) throw new Error('run with node --expose-gc');
const ROOMS = 100;
const BALLOTS = 3000;
const seats = ['dermer', 'idf-chief', 'mossad-director', 'white-house-adviser-1', 'white-house-adviser-2', 'white-house-adviser-3'];
const ballot = (i: number): BallotCast =>
	Object.freeze({ choice: i % 3 ? 'yes' : 'no', reason: i % 5 ? null : 'It binds us to their wars.', card: null, seat: seats[i % 6], at: 1_790_000_000_000 + i * 97, seq: i + 1 });

/** The baseline: ballots as objects, in chunks of 64, the last copied on each append. */
function appendAsObjects(history: readonly (readonly BallotCast[])[], cast: BallotCast) {
	const last = history.at(-1);
	if (!last || last.length >= 64) return Object.freeze([...history, Object.freeze([cast])]);
	return Object.freeze([...history.slice(0, -1), Object.freeze([...last, cast])]);
}

/** Full collections with `kept` alive: the mean of ten, in ms. */
function fullGcMs() {
	const started = performance.now();
	for (let i = 0; i < 10; i++) gc!();
	return (performance.now() - started) / 10;
}

function measure<H>(empty: H, append: (history: H, cast: BallotCast) => H) {
	gc!();
	const idleGcMs = fullGcMs();
	const heapBefore = process.memoryUsage().heapUsed;
	const started = performance.now();
	const kept: H[] = [];
	for (let room = 0; room < ROOMS; room++) {
		let history = empty;
		for (let i = 0; i < BALLOTS; i++) history = append(history, ballot(i));
		kept.push(history);
	}
	const appendUs = ((performance.now() - started) * 1000) / (ROOMS * BALLOTS);
	gc!();
	const bytesPerBallot = (process.memoryUsage().heapUsed - heapBefore) / (ROOMS * BALLOTS);
	const tracingMs = Math.max(0, fullGcMs() - idleGcMs);
	return { kept, result: { bytesPerBallot, appendUs, tracingMs } };
}

// Warm both up first, so neither pays for the other's compilation.
measure(NO_CASTS, appendCast);
measure([] as readonly (readonly BallotCast[])[], appendAsObjects);

const objects = measure([] as readonly (readonly BallotCast[])[], appendAsObjects);
const baseline = objects.result;
objects.kept.length = 0;
const packed = measure(NO_CASTS, appendCast);
if (castsOf(packed.kept[0]).length !== BALLOTS) throw new Error('the history lost ballots');
const engine = packed.result;

const result = { date: new Date().toISOString(), rooms: ROOMS, ballotsPerRoom: BALLOTS, baseline, engine };
const row = (name: string, r: typeof baseline) =>
	console.log(`  ${name.padEnd(36)} ${r.bytesPerBallot.toFixed(0).padStart(4)} bytes/ballot  ${r.appendUs.toFixed(2)} µs/append  full GC +${r.tracingMs.toFixed(1)} ms`);
console.log(`Ballot histories: ${ROOMS} rooms × ${BALLOTS} ballots kept.`);
row('ballots as objects (baseline)', baseline);
row('full chunks packed (the engine)', engine);
console.log(`  ratios: memory ${(engine.bytesPerBallot / baseline.bytesPerBallot).toFixed(2)}×, append ${(engine.appendUs / baseline.appendUs).toFixed(2)}×, full GC ${(engine.tracingMs / baseline.tracingMs).toFixed(2)}×`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/history.json', import.meta.url), JSON.stringify(result, null, '\t'));
