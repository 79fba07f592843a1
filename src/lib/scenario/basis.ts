/**
 * What the scenario's own sentences rest on. Every paragraph of a role's description and brief
 * (and of the teacher's guide's casting notes) ends with a marker: the passages its sentences
 * rest on, or "[game]" for the game's invention (citations.ts). Every marker, timeline entry and
 * glossary entry names passages that exist under "basis" (quotes.ts checks them word for word),
 * and every passage there is used.
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

	// The description, the brief, and the reason given for each red line: all speak of real people,
	// as do the guide's notes on casting each role. The guide's other texts speak of teaching, so
	// their markers are checked where they have them but not required.
	const texts: { path: string; text: string; what: string; required: boolean }[] = scenario.roles.flatMap((role, i) => [
		...(['description', 'brief'] as const).map((field) => ({ path: `roles[${i}].${field}`, text: role[field], what: `the ${field} of "${role.id}"`, required: true })),
		...role.redLines.map((line, k) => ({ path: `roles[${i}].redLines[${k}].why`, text: line.why, what: `red line ${k + 1}'s reason of "${role.id}"`, required: true }))
	]);
	const guide = scenario.guide;
	if (guide) {
		guide.casting.forEach((note, i) => {
			texts.push({ path: `guide.casting[${i}].why`, text: note.why, what: `the casting note on "${note.role}"`, required: true });
			texts.push({ path: `guide.casting[${i}].giveTo`, text: note.giveTo, what: `the casting advice on "${note.role}"`, required: false });
		});
		const optional = (path: string, text: string, what: string) => texts.push({ path, text, what, required: false });
		guide.objectives.forEach((t, i) => optional(`guide.objectives[${i}]`, t, `learning objective ${i + 1}`));
		guide.debrief.steps.forEach((t, i) => optional(`guide.debrief.steps[${i}]`, t, `debrief step ${i + 1}`));
		guide.debrief.questions.forEach((t, i) => optional(`guide.debrief.questions[${i}]`, t, `debrief question ${i + 1}`));
		optional('guide.writtenTask.prompt', guide.writtenTask.prompt, "the written task's prompt");
		optional('guide.levels', guide.levels, 'the age and level guidance');
		optional('guide.sensitiveTopics', guide.sensitiveTopics, 'the note on sensitive topics');
	}
	for (const { path, text, what, required } of texts) {
		paragraphsOf(text).forEach((paragraph, p) => {
			for (const run of citedRuns(paragraph)) {
				const where = `paragraph ${p + 1} of ${what} («${opening(run.text)}»)`;
				if (run.marks.length === 0) {
					if (!required) continue;
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
