/**
 * Checks a scenario (already parsed from YAML) against its seeds: first its shape, then the
 * references between its parts, then every quote and passage against its article, the source
 * records, the markers of the role texts, card kinds, the glossary, the evidence for every
 * variant, the teacher's guide, and each translation against the English. Pure: the caller reads the files, so the browser, the server
 * and the tests can all use it.
 */
import { checkBasis } from './basis';
import { checkCoverage } from './coverage';
import { checkGlossary } from './glossary';
import { checkGuide } from './guide';
import { checkKinds } from './kinds';
import { checkBasisPassages, checkQuotes } from './quotes';
import { checkReferences } from './references';
import { Scenario } from './schema';
import { checkSources } from './sources';
import { checkTranslations } from './translations';
import { fromZodIssue } from './zod-issues';
import type { ScenarioResult } from './errors';

export { formatScenarioErrors, type ScenarioError, type ScenarioResult } from './errors';

/**
 * @param raw the scenario as parsed from YAML
 * @param seeds seed file name → its full text
 * @param file how to name the scenario file in errors
 */
export function validateScenario(raw: unknown, seeds: Record<string, string>, file: string): ScenarioResult {
	const parsed = Scenario.safeParse(raw);
	if (!parsed.success) {
		// Cross-checks need the shape to hold, so shape errors come alone; fixing them reveals the rest.
		return { ok: false, errors: parsed.error.issues.map((issue) => fromZodIssue(issue, raw, file, Scenario)) };
	}
	const scenario = parsed.data;
	const errors = [
		...checkReferences(scenario, Object.keys(seeds), file),
		...checkQuotes(scenario.cards, seeds, file),
		...checkBasisPassages(scenario.basis, seeds, file),
		...checkSources(scenario, seeds, file),
		...checkBasis(scenario, file),
		...checkKinds(scenario.cards, file),
		...checkGlossary(scenario, file),
		...checkCoverage(scenario, file),
		...checkGuide(scenario, file),
		...checkTranslations(scenario, file)
	];
	return errors.length ? { ok: false, errors } : { ok: true, scenario };
}

export { deckOf, sharedDeck } from './decks';
