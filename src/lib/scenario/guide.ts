/**
 * The teacher's guide names roles and lays out a rubric: every role it casts exists and is cast
 * once, every role of the scenario has a casting note, and every row of the rubric describes each
 * of its levels. (Its markers are checked with the role texts', in basis.ts.)
 */
import { closestName } from './closest';
import type { ScenarioError } from './errors';
import type { Scenario } from './schema';

export function checkGuide(scenario: Scenario, file: string): ScenarioError[] {
	const guide = scenario.guide;
	if (!guide) return [];
	const errors: ScenarioError[] = [];
	const report = (path: string, message: string, hint: string) => errors.push({ file, path, message, hint });
	const roleIds = scenario.roles.map((r) => r.id);

	const castAt = new Map<string, number>();
	guide.casting.forEach((note, i) => {
		const path = `guide.casting[${i}].role`;
		if (!roleIds.includes(note.role)) {
			const near = closestName(note.role, roleIds);
			report(path, `there is no role "${note.role}" to cast`, near ? `did you mean "${near}"?` : `use one of the role ids: ${roleIds.join(', ')}`);
		} else if (castAt.has(note.role)) {
			report(path, `role "${note.role}" already has a casting note at guide.casting[${castAt.get(note.role)}]`, 'write one note per role');
		} else castAt.set(note.role, i);
	});
	const uncast = roleIds.filter((id) => !castAt.has(id));
	if (uncast.length) {
		report(
			'guide.casting',
			`no casting note for ${uncast.map((id) => `"${id}"`).join(', ')}`,
			'add a note for every role, so a teacher knows how hard each seat is and whom to give it'
		);
	}

	const { levels, rubric } = guide.writtenTask;
	rubric.forEach((row, i) => {
		if (row.descriptors.length !== levels.length) {
			report(
				`guide.writtenTask.rubric[${i}].descriptors`,
				`"${row.criterion}" describes ${row.descriptors.length} level(s), but the rubric has ${levels.length} (${levels.join(', ')})`,
				'write one description per level, lowest level first'
			);
		}
	});
	return errors;
}
