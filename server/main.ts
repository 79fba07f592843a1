/**
 * Production entry point (`npm start`): the built SvelteKit app and the game's Socket.IO server
 * on one port, in one process.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer, type HttpHandler } from './app';
import { readSettings } from './config';
import { createLogger } from './log';
import { readyMessage } from './join-addresses';
import { closeOnSignals } from './shutdown';
import { fromSettings, loadScenarioOrExit, openStore } from './startup';

const settings = readSettings();
const scenario = await loadScenarioOrExit(settings);

const handlerFile = fileURLToPath(new URL('../build/handler.js', import.meta.url));
if (!existsSync(handlerFile)) {
	console.error('Pact Room cannot start: the app is not built. Run `npm run build` (npm start does it for you).');
	process.exit(1);
}
const { handler } = (await import(handlerFile)) as { handler: HttpHandler };

const logger = createLogger();
const server = createServer({ store: await openStore(settings, logger), scenario, handler, logger, ...fromSettings(settings) });
const address = await server.listen(settings.port, settings.host);
// Plain lines for the person who typed npm start — where students join; everything after is structured logs.
console.log(readyMessage(address, settings.publicUrl));

closeOnSignals(server, logger);
