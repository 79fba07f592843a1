/**
 * Briefing cards, and the passages the role texts, timeline and glossary rest on, quote the
 * source articles character for character: a quote is evidence only if anyone can find its words
 * in the article. When a quote is not found, the error shows the passage the author most likely
 * meant and the first character that differs.
 */
import { closestPassage, describeChar, firstDifference, widenToWords } from './closest';
import { renderPath, type ScenarioError } from './errors';
import type { Basis, BriefingCard } from './schema';

const ellipsis = /\.\.\.|…/;

/** Above this share of edits the nearest passage is shown as a guess, not as the likely source. */
const FAR = 0.4;

/** Why a quote is not word for word in its seed, or nothing when it is (or the seed is unknown: references.ts says so). */
export function checkQuote(quote: string, source: string, seeds: Record<string, string>): { message: string; hint: string } | undefined {
	const seed = seeds[source];
	if (ellipsis.test(quote)) {
		return {
			message: `the quote contains an ellipsis ("${quote.match(ellipsis)![0]}"): a card quotes one unbroken passage`,
			hint: 'quote one continuous passage exactly as it stands in the seed; to use two passages, make two cards'
		};
	}
	if (seed === undefined || seed.includes(quote)) return undefined;

	if (seed.includes(quote.trim())) {
		return {
			message: `the quote starts or ends with a space or line break that is not in ${source}`,
			hint: 'remove the blank at either end (in YAML, "|-" keeps a block from ending in a line break)'
		};
	}
	const elsewhere = Object.keys(seeds).find((name) => name !== source && seeds[name].includes(quote));
	if (elsewhere) {
		return { message: `the quote is in ${elsewhere}, not in ${source}`, hint: `set source to "${elsewhere}"` };
	}

	const passage = closestPassage(quote, seed);
	const aligned = seed.slice(passage.start, passage.end);
	const shown = widenToWords(seed, passage);
	if (passage.edits > quote.length * FAR) {
		return {
			message: `the quote is not in ${source}, and nothing there comes close; the nearest passage reads: «${shown}»`,
			hint: 'check that the source names the right seed, then copy the passage from it exactly'
		};
	}
	const at = firstDifference(quote, aligned);
	const difference =
		at < 0
			? ''
			: `; first difference at character ${at + 1} of the quote: it has ${describeChar(quote[at])} where the seed has ${describeChar(aligned[at])}`;
	return {
		message: `the quote is not word for word in ${source} (${passage.edits} character(s) differ)${difference}; the closest passage reads: «${shown}»`,
		hint: 'copy the passage from the seed exactly, curly quotes, apostrophes and dashes included'
	};
}

export function checkQuotes(cards: readonly BriefingCard[], seeds: Record<string, string>, file: string): ScenarioError[] {
	const errors: ScenarioError[] = [];
	cards.forEach((card, i) => {
		const problem = checkQuote(card.quote, card.source, seeds);
		if (problem) errors.push({ file, path: `cards[${i}].quote`, ...problem });
	});
	return errors;
}

export function checkBasisPassages(basis: Record<string, Basis>, seeds: Record<string, string>, file: string): ScenarioError[] {
	const errors: ScenarioError[] = [];
	for (const [id, entry] of Object.entries(basis)) {
		const problem = checkQuote(entry.passage, entry.source, seeds);
		if (problem) errors.push({ file, path: renderPath(['basis', id, 'passage']), ...problem });
	}
	return errors;
}
