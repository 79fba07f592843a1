/**
 * The markers in a role's description and brief that say what each run of sentences rests on:
 * "[dermer-mid-august]" names a passage under "basis", "[nagel-2012, trump-2019]" names two,
 * and "[game]" marks the game's own invention. A marker covers the text since the previous
 * marker in the same paragraph, so every paragraph ends with one.
 */

/** The marker for sentences the game invents rather than takes from an article. */
export const GAME_MARK = 'game';

const marker = /\[([a-z0-9]+(?:-[a-z0-9]+)*(?:,\s*[a-z0-9]+(?:-[a-z0-9]+)*)*)\]/g;

export interface CitedRun {
	/** The sentences, without the marker. */
	text: string;
	/** The basis ids (or "game") the marker names; empty when the run has no marker. */
	marks: string[];
}

/** A paragraph cut into runs of text, each with the marker that follows it. */
export function citedRuns(paragraph: string): CitedRun[] {
	const runs: CitedRun[] = [];
	let from = 0;
	for (const match of paragraph.matchAll(marker)) {
		runs.push({ text: paragraph.slice(from, match.index).trim(), marks: match[1].split(/,\s*/) });
		from = match.index + match[0].length;
	}
	const rest = paragraph.slice(from).trim();
	if (rest) runs.push({ text: rest, marks: [] });
	return runs;
}

/** The paragraphs of a text (YAML ">-" blocks keep an empty line as a line break). */
export function paragraphsOf(text: string): string[] {
	return text
		.split(/\n+/)
		.map((p) => p.trim())
		.filter(Boolean);
}

/** The text as a reader sees it when the markers are not shown as links. */
export function withoutMarkers(text: string): string {
	return text.replace(marker, '').replace(/[ \t]+([.,;:])/g, '$1').replace(/[ \t]{2,}/g, ' ').replace(/[ \t]+\n/g, '\n').trim();
}
