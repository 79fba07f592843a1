/**
 * The game server as a child process (no pages), for tests that kill and restart it. Prints
 * "listening <port>" once ready, and shuts down on SIGTERM as `npm start` does. Settings come from the environment, as in production.
 */
import { createServer } from '../../server/app';
import { readSettings } from '../../server/config';
import { loadScenarioOrExit, openStore } from '../../server/startup';
import { GENEROUS_LIMITS } from './server';
import { silentLogger } from '../../server/log';
import { closeOnSignals } from '../../server/shutdown';

const settings = readSettings();
const server = createServer({
	store: await openStore(settings),
	scenario: await loadScenarioOrExit(settings),
	limits: GENEROUS_LIMITS,
	logger: silentLogger,
	// Behind a proxy (the cluster tests), the server answers to the proxy's address.
	allowedOrigins: settings.allowedOrigins,
	trustProxy: settings.trustProxy
});
const address = await server.listen(settings.port, '127.0.0.1');
closeOnSignals(server, silentLogger);
console.log(`listening ${address.port}`);
