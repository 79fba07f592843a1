/** The game server as dev mode starts it: same settings, scenario check and store as production. */
import type { Server as HttpServer } from 'node:http';
import { attachGame } from './app';
import { readSettings } from './config';
import { fromSettings, loadScenarioOrExit, openStore } from './startup';

export async function startInDev(httpServer: HttpServer) {
	const settings = readSettings();
	const scenario = await loadScenarioOrExit(settings);
	attachGame(httpServer, { store: await openStore(settings), scenario, ...fromSettings(settings) });
}
