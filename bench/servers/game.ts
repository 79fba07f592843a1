/**
 * The game server as `npm start` runs it, minus the pages: the same createServer, SQLite store
 * (WAL, the log synced as PACT_ROOM_SYNC_MS says) and limits. One change: every simulated player connects from the same
 * address, so the per-address limits on creating and entering games (and re-entering a seat) are lifted; the per-socket
 * action limit stays as shipped. With DATABASE_URL (and PACT_ROOM_NODE_ID) set, it is one server of a cluster
 * (bench/servers/cluster.ts), on PostgreSQL as `npm start` would be.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from '../../server/app';
import { readSettings } from '../../server/config';
import { DEFAULT_LIMITS } from '../../server/limits';
import { silentLogger } from '../../server/log';
import { loadDefaultScenario } from '../../server/scenario/load';
import { openStore } from '../../server/startup';
import { openSqliteStore } from '../../server/store/sqlite-store';
import { serveServerStats } from '../lib/server-stats';

const settings = readSettings();
const loaded = await loadDefaultScenario();
if (!loaded.ok) throw new Error('the shipped scenario does not validate');
// A database given by the caller outlives this process (the recovery benchmark restarts on it).
const dir = process.env.PACT_ROOM_DB || settings.cluster ? null : mkdtempSync(join(tmpdir(), 'pact-room-bench-'));
const database = settings.cluster ? null : (process.env.PACT_ROOM_DB ?? join(dir!, 'bench.sqlite'));
const server = createServer({
	// Where commits run and how often the log is synced are chosen as npm start chooses them
	// (PACT_ROOM_WRITER, by default by core count; PACT_ROOM_SYNC_MS, by default 100 ms).
	store: settings.cluster ? await openStore(settings) : openSqliteStore(database!, { writer: settings.writer, syncEveryMs: settings.syncEveryMs }),
	scenario: loaded.scenario,
	logger: silentLogger,
	limits: { ...DEFAULT_LIMITS, createsPer10Minutes: 1e9, entriesPerMinute: 1e9, seatEntriesPerMinute: 1e9, wrongGuessesPer10Minutes: 1e9 },
	transports: ['websocket', 'polling'],
	// Behind a proxy (a cluster), the server answers to the proxy's address.
	allowedOrigins: settings.allowedOrigins,
	trustProxy: settings.trustProxy
});
const address = await server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.send!({ type: 'ready', port: address.port, database });
process.on('exit', () => dir && rmSync(dir, { recursive: true, force: true }));
process.on('SIGTERM', async () => {
	await server.close();
	process.exit(0);
});
serveServerStats();
