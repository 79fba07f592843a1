/** What a page shows of a card's source article: its name as the text gives it, and when it was reported. */
import type { BriefingCard, Scenario, SourceRecord } from './schema';

export interface CardOrigin {
	/** The outlet when the text names one, else the headline, else the seed's file name. */
	name: string;
	/** The period the article reports: "September 2023". */
	period: string;
}

/** Only what the seed's own text shows: no outlet is guessed. */
export function sourceName(record: Pick<SourceRecord, 'seed' | 'outlet' | 'headline'>): string {
	if (record.outlet) return record.outlet;
	if (record.headline) return `“${record.headline}”`;
	return `an untitled report (${record.seed})`;
}

export function originOf(scenario: Pick<Scenario, 'sources'>, card: Pick<BriefingCard, 'source'>): CardOrigin {
	const record = scenario.sources.find((s) => s.seed === card.source);
	// The validator refuses a card without a record; a scenario built in a test may lack one.
	return record ? { name: sourceName(record), period: record.period } : { name: card.source, period: 'date unknown' };
}
