/**
 * A card says whose words it shows. "own-words" shows them as the speaker's, so the passage must
 * read as the speaker talking: words in quotation marks make up most of it, or, for a passage
 * cut from inside a quotation, it does not name the speaker in the third person nor report what
 * someone "said". Anything else is the article's report about the person: kind "reported".
 */
import type { ScenarioError } from './errors';
import type { BriefingCard } from './schema';

const OPENING = '“';
const CLOSING = '”';
const STRAIGHT = '"';

/** Letters inside quotation marks and outside them. A passage that starts inside a quotation (its first mark closes one) counts from its start. */
export function quotedShare(quote: string): { inside: number; outside: number; marked: boolean } {
	const firstOpen = [quote.indexOf(OPENING), quote.indexOf(STRAIGHT)].filter((i) => i >= 0);
	const firstClose = quote.indexOf(CLOSING);
	let inside = firstClose >= 0 && (firstOpen.length === 0 || firstClose < Math.min(...firstOpen));
	let counts = { inside: 0, outside: 0 };
	let marked = false;
	for (const c of quote) {
		if (c === OPENING || c === CLOSING || c === STRAIGHT) {
			marked = true;
			inside = c === OPENING ? true : c === CLOSING ? false : !inside;
			continue;
		}
		if (!/\p{L}/u.test(c)) continue;
		counts = inside ? { ...counts, inside: counts.inside + 1 } : { ...counts, outside: counts.outside + 1 };
	}
	return { ...counts, marked };
}

const reportingClause =
	/\b(?:he|she|they|it)\s+(?:said|says|added|argued|warned|noted|believes|thinks|assessed|cautioned|insisted|recalls|asked)\b|\baccording to\b/i;

/** The words of a speaker's name that a reporter would use for them in the third person. */
const namesOf = (speaker: string) => speaker.split(/[\s,.()]+/).filter((w) => /^\p{Lu}\p{L}{3,}$/u.test(w));

/** Why the passage is not the speaker's own words, or nothing when it reads as them. */
function notOwnWords(card: BriefingCard): string | undefined {
	const { inside, outside, marked } = quotedShare(card.quote);
	if (marked) {
		if (inside < outside) {
			return `only ${inside} of its ${inside + outside} letters are inside quotation marks; the rest is the article's narration`;
		}
		return undefined;
	}
	const named = namesOf(card.speaker ?? '').find((name) => new RegExp(`\\b${name}\\b`, 'u').test(card.quote));
	if (named) return `the passage names "${named}" in the third person, so it is the article speaking about them`;
	const clause = card.quote.match(reportingClause);
	if (clause) return `the passage reports what someone says ("${clause[0]}"), so it is the article's paraphrase`;
	return undefined;
}

export function checkKinds(cards: readonly BriefingCard[], file: string): ScenarioError[] {
	const errors: ScenarioError[] = [];
	cards.forEach((card, i) => {
		const at = `cards[${i}]`;
		const report = (path: string, message: string, hint: string) => errors.push({ file, path, message, hint });
		if (card.kind === 'own-words') {
			if (!card.speaker) report(at, `card "${card.id}" is "own-words" but names no speaker`, 'add "speaker:" with the person or body whose words these are');
			if (card.about) report(`${at}.about`, `"about" is for reported cards; card "${card.id}" is "own-words"`, 'name the person under "speaker:" instead');
			const why = notOwnWords(card);
			if (why) {
				report(
					`${at}.kind`,
					`card "${card.id}" is marked "own-words" of ${card.speaker ?? 'its speaker'}, but ${why}`,
					`set "kind: reported" and name the person under "about:", or quote only the words the article gives as theirs`
				);
			}
		} else if (card.speaker) {
			report(
				`${at}.speaker`,
				`card "${card.id}" is "reported" (the article's words), so it must not name a speaker as if quoting them`,
				`rename "speaker:" to "about:" to say whom the article reports on, or set "kind: own-words" if these are their words`
			);
		}
	});
	return errors;
}
