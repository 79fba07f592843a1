/**
 * Working out a browser's next patch: what turns the view it holds into its new one. Views are
 * kept in parts (see ViewParts): the table part is shared by every viewer of a kind, so its change
 * is worked out once per room update however many seats receive it, and each browser adds only
 * the change to its own part. The parts share every unchanged object with the ones before (they
 * are built from the engine's structurally shared state and cached), and the diff skips identical
 * references, so a patch costs time in proportion to what changed.
 */
import type { Operation } from 'fast-json-patch/module/core.mjs';
import { compare } from 'fast-json-patch/module/duplex.mjs';
import type { TableView, ViewParts } from '../src/lib/game/view';
import type { ViewPatch } from '../src/lib/protocol/view-patch';

/**
 * The changes between two versions of a table, worked out once and handed to every browser that
 * held the first: keep one for the browsers of one room update. For each kind of viewer the
 * operations on fields its own part stands in for are left out (once per kind, not per browser),
 * and browsers whose own part did not change share one patch object, to be sent to them at once.
 */
export class TableDiffs {
	private byPair = new Map<TableView, Map<TableView, Map<string, ViewPatch>>>();

	/** The table's patch from `from` to the table of `next`, for its kind of viewer. */
	patch(from: TableView, next: ViewParts): ViewPatch {
		const to = next.table;
		let byTo = this.byPair.get(from);
		if (!byTo) this.byPair.set(from, (byTo = new Map()));
		let byKind = byTo.get(to);
		if (!byKind) {
			const all = { from: from.seq, seq: to.seq, ops: from === to ? [] : compare(from, to) };
			byTo.set(to, (byKind = new Map([['', all]])));
		}
		// A kind of viewer always has the same fields in its own part.
		let patch = byKind.get(next.as);
		if (!patch) {
			const all = byKind.get('')!;
			byKind.set(next.as, (patch = { ...all, ops: all.ops.filter((op) => !(topKey(op.path) in next.own)) }));
		}
		return patch;
	}
}

const topKey = (path: string) => path.slice(1).split('/', 1)[0];

/**
 * What turns the view `sent` into `next`: null when a patch cannot (a different kind of view: send
 * it whole). When the viewer's own part is unchanged, this is the table's shared patch object.
 */
export function diffParts(sent: ViewParts, next: ViewParts, tables = new TableDiffs()): ViewPatch | null {
	if (sent.as !== next.as) return null;
	const before = sent.own as Record<string, unknown>;
	const after = next.own as Record<string, unknown>;
	const table = tables.patch(sent.table, next);
	const ops: Operation[] = [];
	// for…in rather than Object.keys: this runs for every browser on every update, and walks the
	// keys without building a list of them each time.
	for (const key in after) {
		const a = before[key];
		const b = after[key];
		if (a === b) continue;
		if (!(key in before)) ops.push({ op: 'add', path: `/${key}`, value: b });
		else if (isObject(a) && isObject(b) && Array.isArray(a) === Array.isArray(b)) {
			// A seat's own details are built afresh for each state; most often they hold what they held.
			if (sameFields(a, b)) continue;
			for (const op of compare(a, b)) {
				op.path = `/${key}${op.path}`;
				ops.push(op);
			}
		} else ops.push({ op: 'replace', path: `/${key}`, value: b });
	}
	for (const key in before) if (!(key in after)) ops.push({ op: 'remove', path: `/${key}` });
	return ops.length === 0 ? table : { ...table, ops: [...table.ops, ...ops] };
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** Whether two objects hold the very same values under the same keys, one level deep. */
function sameFields(a: object, b: object): boolean {
	const before = a as Record<string, unknown>;
	const after = b as Record<string, unknown>;
	let count = 0;
	for (const key in after) {
		if (!(key in before) || before[key] !== after[key]) return false;
		count++;
	}
	// Every key of `after` is in `before` with the same value; they match if `before` has no others.
	for (const _key in before) count--;
	return count === 0;
}
