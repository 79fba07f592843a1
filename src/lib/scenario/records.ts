/** What a page shows of a card's source article: its name as the text gives it, and when it was reported. */
import type { BriefingCard, Scenario, SourceRecord } from './schema';

export interface CardOrigin {
	seed: string;
	/** The outlet when the text names one, else the headline; null when the text gives neither (the page words it). */
	name: string | null;
	/** The period the article reports: "September 2023". */
	period: string;
}

/** Only what the seed's own text shows: no outlet is guessed. Null for an untitled report. */
export function sourceName(record: Pick<SourceRecord, 'outlet' | 'headline'>): string | null {
	if (record.outlet) return record.outlet;
	if (record.headline) return `“${record.headline}”`;
	return null;
}

export function originOf(scenario: Pick<Scenario, 'sources'>, card: Pick<BriefingCard, 'source'>): CardOrigin {
	const record = scenario.sources.find((s) => s.seed === card.source);
	// The validator refuses a card without a record; a scenario built in a test may lack one.
	return { seed: card.source, name: record ? sourceName(record) : null, period: record?.period ?? '' };
}
