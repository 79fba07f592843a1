/** Starts the game server in the test's own process, on port 0, with a fresh SQLite file. */
import { createServer, type GameHttpServer, type ServerDeps } from '../../server/app';
import { INSTANT } from '../../server/bot-runner';
import { silentLogger } from '../../server/log';
import { loadDefaultScenario } from '../../server/scenario/load';
import { openSqliteStore } from '../../server/store/sqlite-store';
import type { Scenario } from '../../src/lib/scenario/schema';
import { TestClock } from './clock';
import { tempDatabase } from './temp-database';

export { tempDatabase } from './temp-database';

let shipped: Scenario | undefined;
export async function shippedScenario(): Promise<Scenario> {
	if (!shipped) {
		const result = await loadDefaultScenario();
		if (!result.ok) throw new Error('the shipped scenario does not validate');
		shipped = result.scenario;
	}
	return shipped;
}

export interface RunningServer {
	server: GameHttpServer;
	url: string;
	database: string;
	clock: TestClock;
}

export const GENEROUS_LIMITS = {
	actionsPerSecond: 100_000,
	createsPer10Minutes: 100_000,
	entriesPerMinute: 100_000,
	seatEntriesPerMinute: 100_000,
	wrongGuessesPerConnection: 100_000,
	wrongGuessesPer10Minutes: 100_000,
	slowWrongGuessMs: 0
};

/** `listenOn` is the interface: loopback by default; '0.0.0.0' for tests of a server open to the network. */
export async function startServer(database = tempDatabase(), options: Partial<ServerDeps> = {}, listenOn = '127.0.0.1'): Promise<RunningServer> {
	const clock = new TestClock();
	const server = createServer({
		store: openSqliteStore(database),
		scenario: await shippedScenario(),
		clock,
		logger: silentLogger,
		// Scripted roles answer at once in tests; the grace period before a seat can go to one is 20 s of test-clock time.
		botPace: INSTANT,
		botGraceMs: 20_000,
		// Tests fire actions far faster than people; the limits have tests of their own.
		limits: GENEROUS_LIMITS,
		...options
	});
	const address = await server.listen(0, listenOn);
	return { server, url: `http://127.0.0.1:${address.port}`, database, clock };
}
