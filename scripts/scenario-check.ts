/**
 * npm run scenario:check [file] — checks a scenario file against the seed articles and says
 * what to fix. Exit status: 0 valid, 1 errors found, 2 no such file.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { DEFAULT_SCENARIO_FILE, loadScenarioFile } from '../server/scenario/load';
import { formatScenarioErrors } from '../src/lib/scenario/validate';

const file = resolve(process.argv[2] ?? DEFAULT_SCENARIO_FILE);
const shown = relative(process.cwd(), file) || file;

if (!existsSync(file)) {
	console.error(`✗ ${shown}: no such file. Name a scenario file, e.g. npm run scenario:check seeds/scenarios/us-israel-pact.yaml`);
	process.exit(2);
}

const result = await loadScenarioFile(file);
if (result.ok) {
	const { roles, clauses, cards } = result.scenario;
	console.log(`✓ ${shown}: ${roles.length} roles, ${clauses.length} clauses, ${cards.length} cards`);
} else {
	console.error(formatScenarioErrors(result.errors));
	console.error(`✗ ${shown}: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}`);
	process.exit(1);
}
