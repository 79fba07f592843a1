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
import { TRUST_NO_PROXY, type TrustProxy } from './client-address';
import { DEFAULT_LIMITS, Limits, type LimitSettings } from './limits';
import { EVERY_RESPONSE } from './headers';
import { createLogger, type Logger } from './log';
import { machineNamesFrom, TrustedOrigins, type MachineNames } from './origins';
import { joinAddresses, networkInterfaces, type NetworkInterfaces } from './join-addresses';
import { DEFAULT_KEEPING, Rooms, type Keeping } from './rooms';
import { registerHandlers, type GameServer } from './socket-handlers';
import type { Store } from './store/store';

export type HttpHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface ServerDeps {
	store: Store;
	scenario: Scenario;
	clock?: Clock;
	/** The SvelteKit request handler; absent in tests that only speak Socket.IO. */
	handler?: HttpHandler;
	/** Where structured logs go; by default JSON lines on stdout at LOG_LEVEL (info). */
	logger?: Logger;
	/** How fast scripted roles answer; a person's pace unless told otherwise. */
	botPace?: BotPace;
	/** How long a seat must be away before it can be handed to a scripted role (default 20 s). */
	botGraceMs?: number;
	/** How much one client may ask (defaults in limits.ts). */
	limits?: LimitSettings;
	/** Origins served by this server besides its own names (loopback, its addresses, its host name). */
	allowedOrigins?: string[];
	/** This machine's own addresses and host names; by default its host name and the addresses of its network interfaces. */
	machineNames?: MachineNames;
	/** The machine's network interfaces, whose addresses students are given to join; the system's unless a test says otherwise. */
	networkInterfaces?: NetworkInterfaces;
	/** The address students open instead of the machine's own (PUBLIC_URL); the server answers there too. */
	publicUrl?: string | null;
	/** Socket.IO transports to accept, e.g. ['websocket'] where proxies mishandle long-polling. */
	transports?: ('polling' | 'websocket')[];
	/** How long rooms are kept, in the store and in memory (30 days after their last action; 10 idle minutes). */
	keeping?: Keeping;
	/** Reverse proxies whose X-Forwarded-For is believed (TRUST_PROXY); none by default. */
	trustProxy?: TrustProxy;
}

const RESUME_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Largest socket message accepted, in bytes: every legal payload is far smaller. */
export const MAX_MESSAGE_BYTES = 16 * 1024;

/** Attaches the game's Socket.IO server to an existing HTTP server (production or Vite's). */
export function attachGame(httpServer: HttpServer, deps: ServerDeps): { io: GameServer; rooms: Rooms; bots: BotRunner; trusted: TrustedOrigins } {
	const clock = deps.clock ?? systemClock;
	const logger = deps.logger ?? createLogger();
	const log = (msg: string, err?: unknown) => logger.error({ err }, msg);
	const interfaces = deps.networkInterfaces ?? networkInterfaces;
	// Every address given to students is one the server answers to: the machine's come from the same
	// interfaces as its own names, and the public address is listed with the allowed origins.
	const origins = [...(deps.allowedOrigins ?? []), ...(deps.publicUrl ? [deps.publicUrl] : [])];
	const trusted = new TrustedOrigins(() => httpServer.address(), origins, deps.machineNames ?? machineNamesFrom(interfaces));
	const io: GameServer = new Server(httpServer, {
		maxHttpBufferSize: MAX_MESSAGE_BYTES,
		serveClient: false,
		transports: deps.transports ?? ['polling', 'websocket'],
		// CORS does not cover WebSocket upgrades, so the origin is checked here, for every transport;
		// and the Host too, which a rebound page's same-origin handshake gives away (origins.ts).
		allowRequest: (req, callback) => {
			const allowed = trusted.requestAllowed(req.headers);
			callback(allowed ? null : 'a page at this address may not open a game connection', allowed);
		}
	});
	const rooms = new Rooms(deps.store, deps.scenario, clock, deps.keeping ?? DEFAULT_KEEPING);
	const bots = new BotRunner(rooms, deps.scenario, clock, deps.botPace ?? HUMAN_PACE, log);
	registerHandlers(io, rooms, bots, deps.scenario, clock, log, logger, {
		botGraceMs: deps.botGraceMs ?? 20_000,
		limits: new Limits(deps.limits ?? DEFAULT_LIMITS, deps.store.sharedLimiters),
		trustProxy: deps.trustProxy ?? TRUST_NO_PROXY,
		joinAddresses: () => joinAddresses(httpServer.address(), deps.publicUrl ?? null, interfaces)
	});
	// After a restart, rooms played in the last day get their timers and scripted roles back at once;
	// then a file from an older version, which may still log poll answers beside their seats, has them counted.
	// In cluster mode a room comes back where its browsers reconnect, which is where the proxy sends them.
	const resumed = (deps.store.leases ? Promise.resolve([]) : rooms.resumeActive(clock.now() - RESUME_WINDOW_MS)).then((list) => {
		for (const room of list) bots.nudge(room);
		return rooms.countLoggedPollAnswers();
	});
	resumed.catch((err) => log('rooms could not be resumed', err));
	// Rooms past keeping are deleted now and then every minute; rooms nobody is in leave memory.
	rooms.startSweeping();
	return { io, rooms, bots, trusted };
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
		for (const [name, value] of Object.entries(EVERY_RESPONSE)) res.setHeader(name, value);
		if (req.url === '/healthz') {
			res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
			return;
		}
		// A page under a name that is not this server's may be a rebound domain: it gets nothing.
		if (!trusted.hostAllowed(req.headers.host)) {
			res.writeHead(403, { 'content-type': 'text/plain' }).end('Pact Room does not answer to this address. To serve it under another name, list that origin in ALLOWED_ORIGINS.');
			return;
		}
		const notFound = () => {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
		};
		if (deps.handler) deps.handler(req, res, notFound);
		else notFound();
	});
	const { io, rooms, bots, trusted } = attachGame(httpServer, deps);
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
			// Refuses new connections and drops the open ones; actions already queued still run.
			await io.close();
			await rooms.drain();
			await deps.store.close();
		}
	};
}
