/**
 * Dev mode (`npm run dev`): attaches the game's Socket.IO server to Vite's own HTTP server, so
 * the pages hot-reload and the game runs on the same port as in production. The server code is
 * loaded through Vite itself, so the config file stays free of it.
 */
import type { Server as HttpServer } from 'node:http';
import type { Plugin } from 'vite';

export function gameServerInDev(): Plugin {
	return {
		name: 'pact-room-game-server',
		apply: 'serve',
		async configureServer(server) {
			if (!server.httpServer || process.env.VITEST) return;
			const { startInDev } = (await server.ssrLoadModule('/server/dev-start.ts')) as typeof import('./dev-start');
			await startInDev(server.httpServer as HttpServer);
		}
	};
}
