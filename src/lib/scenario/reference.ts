/**
 * What any page may show of the scenario beside the game itself: the articles' source records,
 * the timeline of the events they report, the glossary, the passages these rest on, and the
 * teacher's guide. It is the same for every viewer and never changes during a game, so it is
 * asked for once per page rather than sent with every view.
 */
import type { Basis, GlossaryEntry, Guide, LessonPlan, Role, Scenario, SourceRecord, TimelineEntry } from './schema';

/** What anyone may know of a role before sitting in it: as the seat picker shows it. */
export type RoleSummary = Pick<Role, 'id' | 'name' | 'title' | 'side' | 'core' | 'seats' | 'portfolios' | 'description'>;

export interface Reference {
	title: string;
	roles: RoleSummary[];
	/** The clauses in the draft's own order, by id and title, for choosing an agenda. */
	clauses: { id: string; title: string }[];
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

export function referenceOf(scenario: Scenario): Reference {
	return {
		title: scenario.title,
		roles: scenario.roles.map(({ id, name, title, side, core, seats, portfolios, description }) => ({ id, name, title, side, core, seats, portfolios, description })),
		clauses: scenario.clauses.map(({ id, title }) => ({ id, title })),
		timers: scenario.defaults.timers,
		lessonPlans: scenario.lessonPlans,
		sources: scenario.sources,
		timeline: [...scenario.timeline].sort((a, b) => a.year - b.year),
		glossary: [...scenario.glossary].sort((a, b) => a.term.localeCompare(b.term)),
		basis: scenario.basis,
		guide: scenario.guide ?? null
	};
}
