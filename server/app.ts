/**
 * The app factory: an HTTP server carrying the SvelteKit pages (when a handler is given) and the
 * game's Socket.IO endpoint on the same port. Tests build one on port 0 with their own store
 * and clock.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { Scenario } from '../src/lib/scenario/schema';
import { systemClock, type Clock } from './clock';
import { BotRunner, HUMAN_PACE, type BotPace } from './bot-runner';
import { Rooms } from './rooms';
import { registerHandlers, type GameServer } from './socket-handlers';
import type { Store } from './store/store';

export type HttpHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface ServerDeps {
	store: Store;
	scenario: Scenario;
	clock?: Clock;
	/** The SvelteKit request handler; absent in tests that only speak Socket.IO. */
	handler?: HttpHandler;
	log?: (msg: string, err?: unknown) => void;
	/** How fast scripted roles answer; a person's pace unless told otherwise. */
	botPace?: BotPace;
	/** How long a seat must be away before it can be handed to a scripted role (default 20 s). */
	botGraceMs?: number;
}

const RESUME_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Largest socket message accepted, in bytes: every legal payload is far smaller. */
export const MAX_MESSAGE_BYTES = 16 * 1024;

/** Attaches the game's Socket.IO server to an existing HTTP server (production or Vite's). */
export function attachGame(httpServer: HttpServer, deps: ServerDeps): { io: GameServer; rooms: Rooms; bots: BotRunner } {
	const clock = deps.clock ?? systemClock;
	const log = deps.log ?? ((msg, err) => console.error(msg, err));
	const io: GameServer = new Server(httpServer, { maxHttpBufferSize: MAX_MESSAGE_BYTES, serveClient: false });
	const rooms = new Rooms(deps.store, deps.scenario, clock);
	const bots = new BotRunner(rooms, deps.scenario, clock, deps.botPace ?? HUMAN_PACE, log);
	registerHandlers(io, rooms, bots, deps.scenario, clock, log, { botGraceMs: deps.botGraceMs ?? 20_000 });
	// After a restart, rooms played in the last day get their timers and scripted roles back at once.
	for (const room of rooms.resumeActive(clock.now() - RESUME_WINDOW_MS)) bots.nudge(room);
	return { io, rooms, bots };
}

export interface GameHttpServer {
	httpServer: HttpServer;
	io: GameServer;
	rooms: Rooms;
	listen(port: number, host?: string): Promise<AddressInfo>;
	close(): Promise<void>;
}

export function createServer(deps: ServerDeps): GameHttpServer {
	const httpServer = createHttpServer((req, res) => {
		if (req.url === '/healthz') {
			res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
			return;
		}
		const notFound = () => {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
		};
		if (deps.handler) deps.handler(req, res, notFound);
		else notFound();
	});
	const { io, rooms, bots } = attachGame(httpServer, deps);
	return {
		httpServer,
		io,
		rooms,
		listen(port, host) {
			return new Promise((resolve, reject) => {
				httpServer.once('error', reject);
				httpServer.listen(port, host, () => resolve(httpServer.address() as AddressInfo));
			});
		},
		async close() {
			bots.stop();
			rooms.stopTimers();
			await io.close();
			deps.store.close();
		}
	};
}
