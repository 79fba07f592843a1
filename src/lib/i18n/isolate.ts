/**
 * A sentence from the catalogues with words from elsewhere inside it: a clause's title, a player's
 * name, a reason. Those words keep their own direction, or a Hebrew sentence quoting English (or
 * the other way round) shows its closing punctuation at the wrong end. Characters that only steer
 * direction (U+2068 and the like) are never put on the page, so the words are marked while the
 * sentence is made, and the page sets each marked run apart in its own element (Isolated.svelte).
 */

/** Private-use characters: never typed into the game, never shown. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKERS = /[\uE000\uE001]/g;

/** A value to go into a message, marked so that `runsOf` finds it in the sentence made of it. */
export function mark(value: string): string {
	return OPEN + value.replace(MARKERS, '') + CLOSE;
}

/** One run of a sentence: the catalogue's own words, or words from elsewhere to be set apart. */
export interface Run {
	text: string;
	apart: boolean;
}

/** A sentence cut into its runs, in order; empty runs are left out. */
export function runsOf(sentence: string): Run[] {
	const runs: Run[] = [];
	for (const [i, text] of sentence.split(/\uE000([^\uE001]*)\uE001/).entries()) if (text) runs.push({ text, apart: i % 2 === 1 });
	return runs;
}

/** The sentence as plain text, for an attribute or a screen reader's label. */
export function plain(sentence: string): string {
	return sentence.replace(MARKERS, '');
}
