/** Settings read from the environment, with the defaults a fresh machine needs. */
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { parseTrustProxy, type TrustProxy } from './client-address';

export interface Settings {
	port: number;
	host: string;
	/** The SQLite file holding every room. */
	database: string;
	/** A scenario file to play instead of the shipped one. */
	scenarioFile: string | undefined;
	/** How long scripted roles take to answer, in milliseconds: a range, or 0 for at once. */
	botPace: { minMs: number; maxMs: number };
	/**
	 * Origins that serve this server's pages besides its own names (for a deployment behind another
	 * domain). The public address, when set, is answered to as well (app.ts).
	 */
	allowedOrigins: string[];
	/** The address students open (PUBLIC_URL), given to them instead of the machine's own addresses; null when unset. */
	publicUrl: string | null;
	/** Origins whose pages may show the projector page in a frame; every other page is never framed. */
	frameAncestors: string[];
	/** Socket.IO transports, e.g. only websocket where a proxy breaks long-polling. */
	transports: ('polling' | 'websocket')[];
	/** Where the store commits: a writer thread, the server's own thread, or chosen by core count. */
	writer: WriterChoice;
	/** How often the database's log is synced to disk, in milliseconds; 0 syncs before every acknowledgement. */
	syncEveryMs: number;
	/** How long a room is kept after its last action, in milliseconds; null keeps every room. */
	retentionMs: number | null;
	/** Which reverse proxies' X-Forwarded-For to believe for a client's address; none by default. */
	trustProxy: TrustProxy;
	/** Cluster mode, when DATABASE_URL is set: the PostgreSQL database several servers share, instead of the SQLite file. */
	cluster: ClusterSettings | null;
}

export interface ClusterSettings {
	/** The PostgreSQL connection string. */
	databaseUrl: string;
	/** This server's name among the servers sharing the database; unique to each. */
	node: string;
	/** How long a room's lease lasts unless renewed, in milliseconds: a dead server's rooms move after at most this long. */
	leaseMs: number;
	/**
	 * Whether PostgreSQL syncs a group of actions to disk before it is acknowledged. Off, it
	 * acknowledges once committed, and its WAL writer syncs within moments after: a crash of a game
	 * server still loses nothing acknowledged; only a crash of PostgreSQL itself (or its machine) may
	 * lose the last fraction of a second.
	 */
	syncCommit: boolean;
}

/** A room's lease, by default: short enough that a dead server's rooms move within seconds, long enough to ride out a pause. */
export const DEFAULT_LEASE_MS = 6000;

/** Whether PostgreSQL syncs each group of actions before it is acknowledged, by default (bench/BENCHMARKS.md weighs it). */
export const DEFAULT_PG_SYNC_COMMIT: 'on' | 'off' = 'off';

function parseCluster(env: NodeJS.ProcessEnv, port: number): ClusterSettings | null {
	const databaseUrl = env.DATABASE_URL?.trim();
	if (!databaseUrl) return null;
	if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('DATABASE_URL is a PostgreSQL connection string such as postgresql://pact@db.example/pact_room');
	const node = (env.PACT_ROOM_NODE_ID ?? `${hostname()}:${port}`).trim();
	if (!/^[\w.:@-]{1,100}$/.test(node)) throw new Error(`PACT_ROOM_NODE_ID is a name of letters, digits and . : @ - _ (at most 100); not "${env.PACT_ROOM_NODE_ID}"`);
	const text = env.PACT_ROOM_LEASE_MS ?? String(DEFAULT_LEASE_MS);
	const leaseMs = Number(text);
	if (!/^\d+$/.test(text.trim()) || leaseMs < 500 || leaseMs > 600_000)
		throw new Error(`PACT_ROOM_LEASE_MS is a whole number of milliseconds from 500 to 600000; not "${text}"`);
	const sync = (env.PACT_ROOM_PG_SYNC_COMMIT ?? DEFAULT_PG_SYNC_COMMIT).trim();
	if (sync !== 'on' && sync !== 'off') throw new Error(`PACT_ROOM_PG_SYNC_COMMIT is on or off; not "${env.PACT_ROOM_PG_SYNC_COMMIT}"`);
	return { databaseUrl, node, leaseMs, syncCommit: sync === 'on' };
}

export type WriterChoice = 'auto' | 'thread' | 'inline';

/** How often the log is synced to disk by default: at most this much of what was acknowledged is lost to a power cut. */
export const DEFAULT_SYNC_EVERY_MS = 100;

function parseWriter(text: string): WriterChoice {
	if (text === 'auto' || text === 'thread' || text === 'inline') return text;
	throw new Error(`PACT_ROOM_WRITER is auto, thread or inline; not "${text}"`);
}

function parseTransports(text: string): ('polling' | 'websocket')[] {
	const list = text.split(',').map((t) => t.trim());
	const bad = list.filter((t) => t !== 'polling' && t !== 'websocket');
	if (bad.length || !list.length) throw new Error(`TRANSPORTS lists polling and/or websocket, comma-separated; not "${text}"`);
	return list as ('polling' | 'websocket')[];
}

function parseSyncEvery(text: string): number {
	const ms = Number(text);
	if (!/^\d+$/.test(text.trim()) || ms > 10_000)
		throw new Error(`PACT_ROOM_SYNC_MS is a whole number of milliseconds from 0 (sync before every acknowledgement) to 10000; not "${text}"`);
	return ms;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days, or 0 to keep every room. */
function parseRetention(text: string): number | null {
	if (!/^\d+$/.test(text.trim()))
		throw new Error(`PACT_ROOM_RETENTION_DAYS is a whole number of days after a room's last action (0 keeps every room); not "${text}"`);
	const days = Number(text);
	return days === 0 ? null : days * DAY_MS;
}

/** "https://a.example, http://b.example:8080" → the origins, as browsers write them; anything else is refused. */
export function parseOrigins(name: string, text: string): string[] {
	return text
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean)
		.map((entry) => {
			let url: URL | undefined;
			try {
				url = new URL(entry);
			} catch {
				// refused below
			}
			const bare = url && (url.protocol === 'http:' || url.protocol === 'https:') && url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
			if (!url || !bare || entry.endsWith('#') || entry.endsWith('?'))
				throw new Error(`${name} lists origins such as https://pact.school.example (a scheme, a name and perhaps a port, nothing after), comma-separated; not "${entry}"`);
			return url.origin;
		});
}

/** One origin, e.g. "https://pact.school.example" or "http://10.0.0.5:3000"; null when unset. */
function parsePublicUrl(text: string | undefined): string | null {
	if (!text?.trim()) return null;
	const problem = `PUBLIC_URL is the one address students open, such as http://192.168.1.20:3000 or https://pact.school.example (a scheme, a name and perhaps a port, nothing after); not "${text}"`;
	if (text.includes(',')) throw new Error(problem);
	try {
		return parseOrigins('PUBLIC_URL', text)[0];
	} catch {
		throw new Error(problem);
	}
}

/** "1500-4500" → a range; "0" → at once. */
function parsePace(text: string): { minMs: number; maxMs: number } {
	const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
	if (!match) throw new Error(`BOT_PACE_MS must be milliseconds or a range like 1500-4500, not "${text}"`);
	const minMs = Number(match[1]);
	const maxMs = Number(match[2] ?? match[1]);
	if (maxMs < minMs) throw new Error(`BOT_PACE_MS: the range ${text} ends before it starts`);
	return { minMs, maxMs };
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
	const port = Number(env.PORT ?? 3000);
	const publicUrl = parsePublicUrl(env.PUBLIC_URL);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
	return {
		port,
		// All interfaces by default, so phones on the classroom network can reach the laptop.
		host: env.HOST ?? '0.0.0.0',
		database: resolve(env.PACT_ROOM_DB ?? 'data/pact-room.sqlite'),
		scenarioFile: env.SCENARIO_FILE ? resolve(env.SCENARIO_FILE) : undefined,
		botPace: parsePace(env.BOT_PACE_MS ?? '1500-4500'),
		allowedOrigins: parseOrigins('ALLOWED_ORIGINS', env.ALLOWED_ORIGINS ?? ''),
		publicUrl,
		frameAncestors: parseOrigins('FRAME_ANCESTORS', env.FRAME_ANCESTORS ?? ''),
		transports: parseTransports(env.TRANSPORTS ?? 'polling,websocket'),
		writer: parseWriter(env.PACT_ROOM_WRITER ?? 'auto'),
		syncEveryMs: parseSyncEvery(env.PACT_ROOM_SYNC_MS ?? String(DEFAULT_SYNC_EVERY_MS)),
		retentionMs: parseRetention(env.PACT_ROOM_RETENTION_DAYS ?? '30'),
		trustProxy: parseTrustProxy(env.TRUST_PROXY),
		cluster: parseCluster(env, port)
	};
}
