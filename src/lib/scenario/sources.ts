/**
 * Source records: what can be shown about each seed article (headline, author, outlet, only as
 * its text gives them) and the period it reports. Every card and every passage the scenario
 * rests on draws on a seed with a record, so a student always sees when the words were reported.
 */
import { closestName } from './closest';
import { renderPath, type ScenarioError } from './errors';
import type { Scenario } from './schema';

type Report = (path: string, message: string, hint: string) => void;

export function checkSources(scenario: Scenario, seeds: Record<string, string>, file: string): ScenarioError[] {
	const errors: ScenarioError[] = [];
	const report: Report = (path, message, hint) => errors.push({ file, path, message, hint });
	const recorded = new Map<string, number>();

	scenario.sources.forEach((record, i) => {
		const at = `sources[${i}]`;
		const earlier = recorded.get(record.seed);
		if (earlier !== undefined) report(`${at}.seed`, `${record.seed} already has a record at sources[${earlier}]`, 'keep one record per seed');
		else recorded.set(record.seed, i);
		const text = seeds[record.seed];
		if (text === undefined) {
			const near = closestName(record.seed, Object.keys(seeds));
			report(`${at}.seed`, `there is no seed file named "${record.seed}"`, near ? `did you mean "${near}"?` : 'name a file in the seeds folder');
			return;
		}
		for (const field of ['headline', 'author', 'outlet'] as const) {
			const value = record[field];
			if (value && !text.includes(value)) {
				report(
					`${at}.${field}`,
					`the ${field} "${value}" does not appear in ${record.seed}`,
					`write the ${field} exactly as the article prints it, or leave "${field}" out when the text does not give it`
				);
			}
		}
		record.datedBy.forEach((id, k) => {
			if (!(id in scenario.basis)) {
				report(`${at}.datedBy[${k}]`, `no passage "${id}" under "basis"`, `add "${id}:" under "basis" with the seed and the passage that dates the article`);
			} else if (scenario.basis[id].source !== record.seed) {
				report(`${at}.datedBy[${k}]`, `passage "${id}" is from ${scenario.basis[id].source}, not from ${record.seed}`, 'date an article by its own words');
			}
		});
	});

	const needRecord = (seed: string, path: string, what: string) => {
		if (seeds[seed] !== undefined && !recorded.has(seed)) {
			report(
				path,
				`${what} comes from ${seed}, which has no record under "sources", so nobody can tell when it was reported`,
				`add a record under "sources" with "seed: ${seed}", the period it reports and the passage that dates it`
			);
		}
	};
	scenario.cards.forEach((card, i) => needRecord(card.source, `cards[${i}].source`, `card "${card.id}"`));
	for (const [id, basis] of Object.entries(scenario.basis)) {
		const path = renderPath(['basis', id, 'source']);
		if (seeds[basis.source] === undefined) {
			const near = closestName(basis.source, Object.keys(seeds));
			report(path, `there is no seed file named "${basis.source}"`, near ? `did you mean "${near}"?` : 'name a file in the seeds folder');
		}
		needRecord(basis.source, path, `passage "${id}"`);
	}
	return errors;
}
