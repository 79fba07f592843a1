/**
 * What any page may show of the scenario beside the game itself: the articles' source records,
 * the timeline of the events they report, the glossary, and the passages these rest on. It is the
 * same for every viewer and never changes during a game, so it is asked for once per page rather
 * than sent with every view.
 */
import type { Basis, GlossaryEntry, Scenario, SourceRecord, TimelineEntry } from './schema';

export interface Reference {
	title: string;
	sources: SourceRecord[];
	timeline: TimelineEntry[];
	glossary: GlossaryEntry[];
	basis: Record<string, Basis>;
}

export function referenceOf(scenario: Scenario): Reference {
	return {
		title: scenario.title,
		sources: scenario.sources,
		timeline: [...scenario.timeline].sort((a, b) => a.year - b.year),
		glossary: [...scenario.glossary].sort((a, b) => a.term.localeCompare(b.term)),
		basis: scenario.basis
	};
}
