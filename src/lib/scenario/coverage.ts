/**
 * Every variant on the ballot needs evidence both players can use: at least two cards that argue
 * it (for or against), or a stated reason, shown to the teacher, why the articles do not.
 */
import type { ScenarioError } from './errors';
import type { Scenario } from './schema';

export const MIN_CARDS_PER_VARIANT = 2;

export function checkCoverage(scenario: Scenario, file: string): ScenarioError[] {
	const errors: ScenarioError[] = [];
	scenario.clauses.forEach((clause, i) => {
		clause.variants.forEach((variant, j) => {
			const arguing = scenario.cards.filter((c) => c.supports.includes(variant.id) || c.undercuts.includes(variant.id));
			const path = `clauses[${i}].variants[${j}]`;
			if (arguing.length < MIN_CARDS_PER_VARIANT && !variant.unargued) {
				errors.push({
					file,
					path,
					message: `variant "${variant.id}" is argued by ${arguing.length} card(s)${arguing.length ? ` (${arguing.map((c) => c.id).join(', ')})` : ''}, fewer than ${MIN_CARDS_PER_VARIANT}`,
					hint: `tag another card that argues it (under "supports:" or "undercuts:"), or say why the articles do not under "unargued:"`
				});
			} else if (arguing.length >= MIN_CARDS_PER_VARIANT && variant.unargued) {
				errors.push({
					file,
					path: `${path}.unargued`,
					message: `variant "${variant.id}" says it is not argued, but ${arguing.length} cards argue it`,
					hint: 'remove "unargued:"'
				});
			}
		});
	});
	return errors;
}
