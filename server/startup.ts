/** What production and dev mode share at start-up: the scenario, checked, and the store. */
import { formatScenarioErrors } from '../src/lib/scenario/validate';
import type { Scenario } from '../src/lib/scenario/schema';
import { DEFAULT_SCENARIO_FILE, loadScenarioFile } from './scenario/load';
import type { Settings } from './config';
import { openSqliteStore } from './store/sqlite-store';

/** Loads the scenario; on any error prints every problem found and exits, as a server must not start on bad content. */
export async function loadScenarioOrExit(settings: Settings): Promise<Scenario> {
	const file = settings.scenarioFile ?? DEFAULT_SCENARIO_FILE;
	const result = await loadScenarioFile(file);
	if (!result.ok) {
		console.error(`Pact Room cannot start: the scenario has errors.\n${formatScenarioErrors(result.errors)}`);
		process.exit(1);
	}
	return result.scenario;
}

export function openStore(settings: Settings) {
	return openSqliteStore(settings.database, { writer: settings.writer, syncEveryMs: settings.syncEveryMs });
}
