/** What production and dev mode share at start-up: the scenario, checked, and the store. */
import { formatScenarioErrors } from '../src/lib/scenario/validate';
import type { Scenario } from '../src/lib/scenario/schema';
import { DEFAULT_SCENARIO_FILE, loadScenarioFile } from './scenario/load';
import type { Settings } from './config';
import { SchemaTooNew } from './store/migrations';
import { openSqliteStore } from './store/sqlite-store';
import type { ServerDeps } from './app';
import type { Logger } from './log';
import type { Store } from './store/store';
import { DEFAULT_KEEPING } from './rooms';

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

/**
 * Opens the store: the SQLite file, or in cluster mode (DATABASE_URL) PostgreSQL, whose code is
 * loaded only then. A database from a newer version of Pact Room is refused, and the server exits.
 */
export async function openStore(settings: Settings, logger?: Logger): Promise<Store> {
	try {
		if (!settings.cluster) return openSqliteStore(settings.database, { writer: settings.writer, syncEveryMs: settings.syncEveryMs });
		const { openPgStore } = await import('./store/pg-store');
		const { databaseUrl, node, leaseMs, syncCommit } = settings.cluster;
		return await openPgStore(databaseUrl, { node, leaseMs, syncCommit, onError: (err, context) => logger?.error({ err }, context) });
	} catch (err) {
		if (!(err instanceof SchemaTooNew)) throw err;
		const where = settings.cluster ? 'the database at DATABASE_URL' : settings.database;
		const instead = settings.cluster ? 'set DATABASE_URL to another database' : 'set PACT_ROOM_DB to another file';
		console.error(`Pact Room cannot start: ${where}: ${err.message}. Run the newer version, or ${instead}.`);
		process.exit(1);
	}
}

/** The server's parts that come from settings alone, the same in production and dev mode. */
export function fromSettings(settings: Settings): Pick<ServerDeps, 'botPace' | 'allowedOrigins' | 'publicUrl' | 'transports' | 'trustProxy' | 'keeping'> {
	return {
		botPace: settings.botPace,
		allowedOrigins: settings.allowedOrigins,
		publicUrl: settings.publicUrl,
		transports: settings.transports,
		trustProxy: settings.trustProxy,
		keeping: { ...DEFAULT_KEEPING, retentionMs: settings.retentionMs }
	};
}
