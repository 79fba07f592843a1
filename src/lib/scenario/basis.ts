/**
 * What the scenario's own sentences rest on. Every paragraph of a role's description and brief
 * ends with a marker: the passages its sentences rest on, or "[game]" for the game's invention
 * (citations.ts). Every marker, timeline entry and glossary entry names passages that exist
 * under "basis" (quotes.ts checks them word for word), and every passage there is used.
 */
import { closestName } from './closest';
import { citedRuns, GAME_MARK, paragraphsOf } from './citations';
import { renderPath, type ScenarioError } from './errors';
import type { Scenario } from './schema';

type Report = (path: string, message: string, hint: string) => void;

/** The first words of a run, to show the author which sentence is meant. */
const opening = (text: string) => {
	const words = text.split(/\s+/).slice(0, 8).join(' ');
	return words.length < text.length ? `${words} …` : words;
};

export function checkBasis(scenario: Scenario, file: string): ScenarioError[] {
	const errors: ScenarioError[] = [];
	const report: Report = (path, message, hint) => errors.push({ file, path, message, hint });
	const ids = Object.keys(scenario.basis);
	const used = new Set<string>();

	const resolve = (id: string, path: string, what: string) => {
		used.add(id);
		if (id in scenario.basis) return;
		const near = closestName(id, ids);
		report(
			path,
			`${what} is marked as resting on "${id}", but there is no passage "${id}" under "basis"`,
			near
				? `did you mean "${near}"? Otherwise add "${id}:" under "basis" with its seed and the passage, copied word for word`
				: `add "${id}:" under "basis" with its seed and the passage, copied word for word, or mark the sentence [${GAME_MARK}] if the game invents it`
		);
	};

	scenario.roles.forEach((role, i) => {
		// The description, the brief, and the reason given for each red line: all speak of real people.
		const texts = [
			...(['description', 'brief'] as const).map((field) => ({ path: `roles[${i}].${field}`, text: role[field], what: `the ${field}` })),
			...role.redLines.map((line, k) => ({ path: `roles[${i}].redLines[${k}].why`, text: line.why, what: `red line ${k + 1}'s reason` }))
		];
		for (const { path, text, what } of texts) {
			paragraphsOf(text).forEach((paragraph, p) => {
				for (const run of citedRuns(paragraph)) {
					const where = `paragraph ${p + 1} of ${what} of "${role.id}" («${opening(run.text)}»)`;
					if (run.marks.length === 0) {
						report(
							path,
							`${where} ends without a marker, so a reader cannot tell whether it comes from an article`,
							`end it with the ids of the passages it rests on, e.g. [my-passage-id], or with [${GAME_MARK}] if the game invents it`
						);
					} else if (!run.text) {
						report(path, `${where} has a marker with no sentence before it`, 'put the marker right after the sentences it covers');
					}
					for (const mark of run.marks) if (mark !== GAME_MARK) resolve(mark, path, where);
				}
			});
		}
	});

	let lastYear = -Infinity;
	scenario.timeline.forEach((entry, i) => {
		entry.basis.forEach((id, k) => resolve(id, `timeline[${i}].basis[${k}]`, `timeline entry "${entry.when}"`));
		if (entry.year < lastYear) {
			report(`timeline[${i}].year`, `the entry for ${entry.year} comes after one for ${lastYear}`, 'list the events in the order they happened');
		}
		lastYear = Math.max(lastYear, entry.year);
	});
	scenario.glossary.forEach((entry, i) => {
		entry.basis.forEach((id, k) => resolve(id, `glossary[${i}].basis[${k}]`, `the glossary entry "${entry.term}"`));
	});
	for (const record of scenario.sources) record.datedBy.forEach((id) => used.add(id));

	for (const id of ids) {
		if (!used.has(id)) {
			report(
				renderPath(['basis', id]),
				`passage "${id}" is not cited by any role text, timeline entry, glossary entry or source record`,
				`cite it as [${id}] where a sentence rests on it, or remove it`
			);
		}
	}
	return errors;
}
