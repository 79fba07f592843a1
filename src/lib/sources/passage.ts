/**
 * Where a quoted passage sits in its article, and the link that shows it there. Quotes are checked
 * to be word for word in their seed (src/lib/scenario/quotes.ts), so an exact match is the rule;
 * a link whose passage is not found still opens the article, saying so.
 */

export interface Span {
	start: number;
	end: number;
}

export function findPassage(text: string, passage: string): Span | null {
	const start = text.indexOf(passage);
	return start < 0 || passage.length === 0 ? null : { start, end: start + passage.length };
}

/** The page of the app that shows a seed article with `passage` highlighted and scrolled to. */
export function sourceHref(seed: string, passage?: string): string {
	const page = `/sources/${encodeURIComponent(seed)}`;
	return passage ? `${page}?passage=${encodeURIComponent(passage)}` : page;
}
