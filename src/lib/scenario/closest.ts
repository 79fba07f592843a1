/**
 * "Did you mean …?" for the scenario checker: the nearest name to a typo, and the passage of a
 * seed nearest to a quote that is not in it word for word.
 */

/** Levenshtein distance: inserted, deleted or replaced characters between a and b. */
export function editDistance(a: string, b: string): number {
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const cur = [i];
		for (let j = 1; j <= b.length; j++) {
			cur[j] = Math.min(prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j] + 1, cur[j - 1] + 1);
		}
		prev = cur;
	}
	return prev[b.length];
}

/** The candidate nearest to `name`, if it is near enough to be what the author meant. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const candidate of candidates) {
		const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
		if (d < bestDistance) [best, bestDistance] = [candidate, d];
	}
	// A third of the name may be wrong: "001_04d8d90dc4da8562.txt" still finds its seed, "foo" finds nothing.
	return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

export interface Passage {
	/** Where the passage starts and ends in the text (end exclusive). */
	start: number;
	end: number;
	/** Characters to insert, delete or replace to turn the passage into the pattern. */
	edits: number;
}

/**
 * The substring of `text` nearest to `pattern` by edit distance. A quote with a few wrong
 * characters still shares long runs with its passage, so the search first looks where those
 * runs point and only scans the whole text when that finds nothing close.
 */
export function closestPassage(pattern: string, text: string): Passage {
	const offset = likelyOffset(pattern, text);
	if (offset !== undefined) {
		const margin = Math.ceil(pattern.length / 2) + ANCHOR;
		const from = Math.max(0, offset - margin);
		const to = Math.min(text.length, offset + pattern.length + margin);
		const near = scan(pattern, text.slice(from, to));
		if (near.edits <= pattern.length * 0.25) return { start: near.start + from, end: near.end + from, edits: near.edits };
	}
	return scan(pattern, text);
}

/** Length of the pieces of a quote looked up verbatim to find where in the text it belongs. */
const ANCHOR = 8;

/** Where the pattern most likely starts in the text: the offset most of its pieces agree on. */
function likelyOffset(pattern: string, text: string): number | undefined {
	const votes = new Map<number, number>();
	for (let i = 0; i + ANCHOR <= pattern.length; i += ANCHOR) {
		const piece = pattern.slice(i, i + ANCHOR);
		for (let at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + 1)) {
			// Neighbouring offsets are the same passage with a character inserted or dropped.
			const key = Math.round((at - i) / ANCHOR);
			votes.set(key, (votes.get(key) ?? 0) + 1);
		}
	}
	let best: number | undefined;
	for (const [key, count] of votes) if (best === undefined || count > votes.get(best)!) best = key;
	return best === undefined ? undefined : best * ANCHOR;
}

/**
 * Sellers' algorithm: a Levenshtein table whose first row is free, so a match may start
 * anywhere in the text. It costs pattern × text steps.
 */
function scan(pattern: string, text: string): Passage {
	const n = text.length;
	let prevCost = new Int32Array(n + 1);
	let prevStart = Int32Array.from({ length: n + 1 }, (_, j) => j);
	let cost = new Int32Array(n + 1);
	let start = new Int32Array(n + 1);
	for (let i = 1; i <= pattern.length; i++) {
		cost[0] = i;
		start[0] = 0;
		const p = pattern.charCodeAt(i - 1);
		for (let j = 1; j <= n; j++) {
			// Prefer the diagonal on ties so the passage lines up with the quote character by character.
			let best = prevCost[j - 1] + (p === text.charCodeAt(j - 1) ? 0 : 1);
			let from = prevStart[j - 1];
			if (prevCost[j] + 1 < best) {
				best = prevCost[j] + 1;
				from = prevStart[j];
			}
			if (cost[j - 1] + 1 < best) {
				best = cost[j - 1] + 1;
				from = start[j - 1];
			}
			cost[j] = best;
			start[j] = from;
		}
		const swapCost = prevCost;
		prevCost = cost;
		cost = swapCost;
		const swapStart = prevStart;
		prevStart = start;
		start = swapStart;
	}
	let end = 0;
	for (let j = 1; j <= n; j++) if (prevCost[j] < prevCost[end]) end = j;
	return { start: prevStart[end], end, edits: prevCost[end] };
}

const wordChar = /[\p{L}\p{N}]/u;

/** Widens a passage that starts or ends inside a word to the whole word, for display. */
export function widenToWords(text: string, passage: Passage): string {
	let { start, end } = passage;
	while (start > 0 && wordChar.test(text[start - 1]) && wordChar.test(text[start])) start--;
	while (end < text.length && wordChar.test(text[end - 1]) && wordChar.test(text[end])) end++;
	return text.slice(start, end);
}

/** Index of the first character where a and b differ, or -1 when they are equal. */
export function firstDifference(a: string, b: string): number {
	const shorter = Math.min(a.length, b.length);
	for (let i = 0; i < shorter; i++) if (a[i] !== b[i]) return i;
	return a.length === b.length ? -1 : shorter;
}

const named: Record<string, string> = {
	' ': 'a space',
	'\u00a0': 'a non-breaking space (U+00A0)',
	'\n': 'a line break',
	'\t': 'a tab',
	"'": "a straight apostrophe ' (U+0027)",
	'’': 'a curly apostrophe ’ (U+2019)',
	'‘': 'an opening curly quote ‘ (U+2018)',
	'"': 'a straight double quote " (U+0022)',
	'“': 'an opening curly double quote “ (U+201C)',
	'”': 'a closing curly double quote ” (U+201D)',
	'—': 'an em dash — (U+2014)',
	'–': 'an en dash – (U+2013)',
	'-': 'a hyphen - (U+002D)'
};

/** A character as an author can recognise it, look-alikes told apart by their code point. */
export function describeChar(c: string | undefined): string {
	if (c === undefined) return 'nothing (the text ends)';
	if (named[c]) return named[c];
	const code = c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
	return /[\p{L}\p{N}]/u.test(c) ? `"${c}"` : `"${c}" (U+${code})`;
}
