/**
 * The glossary explains the terms the game uses. A term of art the checker can recognise on its
 * own (an abbreviation such as "MoU" or "U.S.", a numbered article such as "Article 5", and the
 * name of the voting rule) must have an entry wherever the scenario uses it: in a clause, a role
 * text or a card. The same matching finds terms in a text for a page to link them.
 */
import type { ScenarioError } from './errors';
import type { GlossaryEntry, Scenario } from './schema';

/** Abbreviations ("IDF", "MoU", "MoUs", "U.S.") and numbered articles ("Article 5"). */
const recognisable = /\bArticle \d+\b|\b(?:[A-Z]\.){2,}|\b[A-Z][A-Za-z]*[A-Z]s?\b/g;

/** Every way an entry is written: its term and its other forms. */
const formsOf = (entry: GlossaryEntry) => [entry.term, ...entry.forms];

/** The entry a written form belongs to, if any ("MoUs" finds "MoU"). */
export function entryFor(glossary: readonly GlossaryEntry[], written: string): GlossaryEntry | undefined {
	const singular = written.replace(/s$/, '');
	return glossary.find((entry) => formsOf(entry).some((form) => form === written || form === singular));
}

export interface TermAt {
	start: number;
	end: number;
	entry: GlossaryEntry;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where glossary terms appear in a text, longest form first, without overlaps. Forms written
 * in lower case match in any case ("Ratification"); the others match as written ("US", not "us").
 */
export function termsIn(text: string, glossary: readonly GlossaryEntry[]): TermAt[] {
	const forms = glossary.flatMap((entry) => formsOf(entry).map((form) => ({ form, entry }))).sort((a, b) => b.form.length - a.form.length);
	const found: TermAt[] = [];
	for (const { form, entry } of forms) {
		const flags = form === form.toLowerCase() ? 'giu' : 'gu';
		const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(form)}s?(?![\\p{L}\\p{N}])`, flags);
		for (const m of text.matchAll(pattern)) {
			const start = m.index;
			const end = start + m[0].length;
			if (!found.some((f) => start < f.end && end > f.start)) found.push({ start, end, entry });
		}
	}
	return found.sort((a, b) => a.start - b.start);
}

/** Every text of the scenario a player reads, with where it is. */
function textsOf(scenario: Scenario): { path: string; text: string }[] {
	const texts = [{ path: 'summary', text: scenario.summary }];
	scenario.roles.forEach((role, i) => {
		for (const field of ['name', 'title', 'description', 'brief'] as const) texts.push({ path: `roles[${i}].${field}`, text: role[field] });
		role.redLines.forEach((line, k) => texts.push({ path: `roles[${i}].redLines[${k}].why`, text: line.why }));
	});
	scenario.clauses.forEach((clause, i) => {
		texts.push({ path: `clauses[${i}].title`, text: clause.title }, { path: `clauses[${i}].question`, text: clause.question });
		clause.variants.forEach((variant, j) => {
			texts.push({ path: `clauses[${i}].variants[${j}].text`, text: variant.text }, { path: `clauses[${i}].variants[${j}].summary`, text: variant.summary });
		});
	});
	scenario.cards.forEach((card, i) => {
		texts.push({ path: `cards[${i}].title`, text: card.title }, { path: `cards[${i}].quote`, text: card.quote });
	});
	scenario.timeline.forEach((entry, i) => texts.push({ path: `timeline[${i}].event`, text: entry.event }));
	return texts;
}

export function checkGlossary(scenario: Scenario, file: string): ScenarioError[] {
	const errors: ScenarioError[] = [];
	const { glossary } = scenario;
	const seen = new Map<string, number>();
	glossary.forEach((entry, i) => {
		for (const form of formsOf(entry)) {
			const earlier = seen.get(form);
			if (earlier !== undefined && earlier !== i) {
				errors.push({ file, path: `glossary[${i}]`, message: `"${form}" is already a form of glossary[${earlier}] ("${glossary[earlier].term}")`, hint: 'keep each form in one entry' });
			}
			seen.set(form, i);
		}
	});
	const missing = new Set<string>();
	for (const { path, text } of textsOf(scenario)) {
		for (const [written] of text.matchAll(recognisable)) {
			if (entryFor(glossary, written) || missing.has(`${path}\u0000${written}`)) continue;
			missing.add(`${path}\u0000${written}`);
			errors.push({
				file,
				path,
				message: `"${written}" is a term a student may not know, and the glossary has no entry for it`,
				hint: `add a glossary entry with "term: ${written}" (or add "${written}" to the "forms" of the entry that explains it)`
			});
		}
	}
	const rule = scenario.defaults.votingRule;
	if (!glossary.some((entry) => formsOf(entry).some((form) => form.toLowerCase() === rule))) {
		errors.push({
			file,
			path: 'defaults.votingRule',
			message: `the game is played under "${rule}", and the glossary does not explain it`,
			hint: `add a glossary entry with "term: ${rule}"`
		});
	}
	return errors;
}
