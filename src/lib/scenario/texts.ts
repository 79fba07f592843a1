/**
 * A scenario's words, apart from its rules and facts: `textsOf` takes them out in the shape of a
 * translation file (what a translator works from, and what the checker compares a translation
 * with), and `inLanguage` puts a translation's words back in, giving the scenario as a reader of
 * that language meets it. Ids, weights, sides, passages and card quotes are never translated.
 */
import type { BriefingCard, Scenario, ScenarioTranslation, TranslationLanguage } from './schema';

/** A card as a reader of another language meets it: the article's quote, and a translation beneath it. */
export type TranslatedCard = BriefingCard & { translation?: string };

const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** The scenario's English words, keyed as a translation of them is. A card's "translation" is its quote. */
export function textsOf(scenario: Scenario): ScenarioTranslation {
	const guide = scenario.guide;
	return {
		title: scenario.title,
		summary: scenario.summary,
		poll: scenario.defaults.poll,
		speakers: Object.fromEntries(scenario.cards.filter((c) => c.speaker).map((c) => [c.speaker!, c.speaker!])),
		sources: Object.fromEntries(scenario.sources.map((s) => [s.seed, { period: s.period, dating: s.dating }])),
		roles: Object.fromEntries(
			scenario.roles.map((r) => [
				r.id,
				defined({
					name: r.name,
					title: r.title,
					portfolios: r.portfolios,
					description: r.description,
					brief: r.brief,
					redLines: Object.fromEntries(r.redLines.map((l) => [l.variant, l.why])),
					voice: r.voice
				})
			])
		),
		clauses: Object.fromEntries(
			scenario.clauses.map((c) => [
				c.id,
				{
					title: c.title,
					question: c.question,
					variants: Object.fromEntries(c.variants.map((v) => [v.id, defined({ text: v.text, summary: v.summary, unargued: v.unargued })]))
				}
			])
		),
		cards: Object.fromEntries(scenario.cards.map((c) => [c.id, defined({ title: c.title, about: c.about, translation: c.quote })])),
		timeline: scenario.timeline.map(({ when, event }) => ({ when, event })),
		glossary: scenario.glossary.map(({ term, forms, definition }) => ({ term, forms, definition })),
		lessonPlans: Object.fromEntries(scenario.lessonPlans.map((p) => [p.id, { name: p.name }])),
		guide: guide && {
			...guide,
			casting: Object.fromEntries(guide.casting.map((c) => [c.role, { why: c.why, giveTo: c.giveTo }]))
		}
	};
}

/** The scenario in one of its translations (checked complete when loaded); as it is when it has none. */
export function inLanguage(scenario: Scenario, language: TranslationLanguage | 'en'): Scenario {
	const t = language === 'en' ? undefined : scenario.translations[language];
	if (!t) return scenario;
	const guide = scenario.guide;
	return {
		...scenario,
		title: t.title,
		summary: t.summary,
		defaults: { ...scenario.defaults, poll: t.poll },
		sources: scenario.sources.map((s) => ({ ...s, ...t.sources[s.seed] })),
		roles: scenario.roles.map((r) => {
			const tr = t.roles[r.id];
			return {
				...r,
				name: tr.name,
				title: tr.title,
				portfolios: tr.portfolios ?? r.portfolios,
				description: tr.description,
				brief: tr.brief,
				redLines: r.redLines.map((l) => ({ ...l, why: tr.redLines[l.variant] ?? l.why })),
				voice: tr.voice ?? r.voice
			};
		}),
		clauses: scenario.clauses.map((c) => {
			const tc = t.clauses[c.id];
			return { ...c, title: tc.title, question: tc.question, variants: c.variants.map((v) => ({ ...v, ...tc.variants[v.id] })) };
		}),
		cards: scenario.cards.map((c): TranslatedCard => {
			const tc = t.cards[c.id];
			return defined({ ...c, title: tc.title, about: tc.about, speaker: c.speaker && t.speakers[c.speaker], translation: tc.translation });
		}),
		timeline: scenario.timeline.map((e, i) => ({ ...e, ...t.timeline[i] })),
		// The English term and forms still find the entry: pages name some terms by them ("dual-key"),
		// and a translation keeps some in English (JINSA).
		glossary: scenario.glossary.map((g, i) => ({ ...g, ...t.glossary[i], forms: [...t.glossary[i].forms, g.term, ...g.forms] })),
		lessonPlans: scenario.lessonPlans.map((p) => ({ ...p, ...t.lessonPlans[p.id] })),
		guide: guide && t.guide && {
			...guide,
			...t.guide,
			casting: guide.casting.map((c) => ({ ...c, ...t.guide!.casting[c.role] }))
		}
	};
}

/** Words in each of the scenario's other languages, by language: what a view carries beside its English. */
export type InLanguages<T> = Partial<Record<TranslationLanguage, T>>;

/** A card's words as a reader of another language meets them. */
export type CardWords = { title: string; about?: string; speaker?: string; translation: string };

function eachLanguage<T>(scenario: Scenario, words: (t: ScenarioTranslation) => T): InLanguages<T> {
	return Object.fromEntries(Object.entries(scenario.translations).map(([language, t]) => [language, words(t)]));
}

export const cardWordsIn = (scenario: Scenario, card: BriefingCard): InLanguages<CardWords> =>
	eachLanguage(scenario, (t) => {
		const { title, about, translation } = t.cards[card.id];
		return defined({ title, about, speaker: card.speaker && t.speakers[card.speaker], translation });
	});

/** What only the role's seat reads, until the debrief shows the red lines to all: its brief and why each red line. */
export type RoleWords = { brief: string; redLines: Record<string, string> };

export const roleWordsIn = (scenario: Scenario, roleId: string): InLanguages<RoleWords> =>
	eachLanguage(scenario, (t) => ({ brief: t.roles[roleId].brief, redLines: t.roles[roleId].redLines }));

export const redLinesIn = (scenario: Scenario, roleId: string): InLanguages<Record<string, string>> =>
	eachLanguage(scenario, (t) => t.roles[roleId].redLines);
