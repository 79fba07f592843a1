/**
 * What any page may show of the scenario beside the game itself: the articles' source records,
 * the timeline of the events they report, the glossary, the passages these rest on, and the
 * teacher's guide. It is the same for every viewer and never changes during a game, so it is
 * asked for once per page rather than sent with every view. It comes in the page's language, with
 * the words of the table (roles, clauses, poll) that a page puts in place of the view's English.
 */
import type { Basis, GlossaryEntry, Guide, LessonPlan, Role, Scenario, SourceRecord, TimelineEntry, TranslationLanguage } from './schema';
import { inLanguage } from './texts';

/** What anyone may know of a role before sitting in it: as the seat picker shows it. */
export type RoleSummary = Pick<Role, 'id' | 'name' | 'title' | 'side' | 'core' | 'seats' | 'portfolios' | 'description'>;

/** A clause as the table reads it: the agenda editor lists them, and pages word the view's clauses from them. */
export type ClauseTexts = { id: string; title: string; question: string; variants: { id: string; text: string; summary: string }[] };

export interface Reference {
	/** The language of the texts: the one asked for, or English when the scenario has no translation into it. */
	language: TranslationLanguage | 'en';
	title: string;
	summary: string;
	poll: Scenario['defaults']['poll'];
	roles: RoleSummary[];
	/** The clauses in the draft's own order. */
	clauses: ClauseTexts[];
	/** The scenario's timings, which the create form suggests. */
	timers: Scenario['defaults']['timers'];
	lessonPlans: LessonPlan[];
	sources: SourceRecord[];
	timeline: TimelineEntry[];
	glossary: GlossaryEntry[];
	basis: Record<string, Basis>;
	/** The teacher's guide, shown at /guide; null when the scenario has none. */
	guide: Guide | null;
}

/** The reference texts in a language; in English when the scenario has no translation into it. */
export function referenceOf(english: Scenario, asked: TranslationLanguage | 'en' = 'en'): Reference {
	const language = asked !== 'en' && english.translations[asked] ? asked : 'en';
	const scenario = inLanguage(english, language);
	return {
		language,
		title: scenario.title,
		summary: scenario.summary,
		poll: scenario.defaults.poll,
		roles: scenario.roles.map(({ id, name, title, side, core, seats, portfolios, description }) => ({ id, name, title, side, core, seats, portfolios, description })),
		clauses: scenario.clauses.map(({ id, title, question, variants }) => ({ id, title, question, variants: variants.map(({ id, text, summary }) => ({ id, text, summary })) })),
		timers: scenario.defaults.timers,
		lessonPlans: scenario.lessonPlans,
		sources: scenario.sources,
		timeline: [...scenario.timeline].sort((a, b) => a.year - b.year),
		glossary: [...scenario.glossary].sort((a, b) => a.term.localeCompare(b.term, language)),
		basis: scenario.basis,
		guide: scenario.guide ?? null
	};
}
