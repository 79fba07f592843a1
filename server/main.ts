/**
 * Production entry point (`npm start`): the built SvelteKit app and the game's Socket.IO server
 * on one port, in one process.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer, type HttpHandler } from './app';
import { readSettings } from './config';
import { createLogger } from './log';
import { closeOnSignals } from './shutdown';
import { loadScenarioOrExit, openStore } from './startup';

const settings = readSettings();
const scenario = await loadScenarioOrExit(settings);

const handlerFile = fileURLToPath(new URL('../build/handler.js', import.meta.url));
if (!existsSync(handlerFile)) {
	console.error('Pact Room cannot start: the app is not built. Run `npm run build` (npm start does it for you).');
	process.exit(1);
}
const { handler } = (await import(handlerFile)) as { handler: HttpHandler };

const logger = createLogger();
const server = createServer({ store: openStore(settings), scenario, handler, logger, botPace: settings.botPace, allowedOrigins: settings.allowedOrigins, transports: settings.transports, trustProxy: settings.trustProxy });
const address = await server.listen(settings.port, settings.host);
const shown = settings.host === '0.0.0.0' || settings.host === '::' ? 'localhost' : settings.host;
// One plain line for the person who typed npm start; everything after is structured logs.
console.log(`Pact Room is ready at http://${shown}:${address.port}`);

closeOnSignals(server, logger);
