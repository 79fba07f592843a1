/**
 * Cluster mode as one benchmark target: a throwaway PostgreSQL (with its own defaults: every commit
 * synced unless the servers ask otherwise, PACT_ROOM_PG_SYNC_COMMIT),
 * three benchmark game servers in cluster mode on it (bench/servers/game.ts with DATABASE_URL),
 * and HAProxy in front with the shipped configuration (server/cluster/haproxy.cfg). The harness
 * talks to HAProxy; the parent measures the game servers (`pids`) and, beside them, the database
 * and the proxy (`helpers`). It answers what a benchmark server answers (server-stats.ts), for
 * every game server at once, and which share of the rooms each one holds.
 */
import pg from 'pg';
import { freePort, startProxy } from '../../tests/helpers/cluster';
import { startPostgres } from '../../tests/helpers/postgres';
import { serve, start, type Child } from '../lib/child';

const NODES = ['game1', 'game2', 'game3'];

const postgres = await startPostgres({ durable: true });
const databaseUrl = await postgres.freshDatabase();
const proxyPort = await freePort();
const url = `http://127.0.0.1:${proxyPort}`;
const servers: Child[] = [];
// Each server answers to the proxy's address, and believes its X-Forwarded-For.
for (const name of NODES) servers.push(await start('../servers/game.ts', { DATABASE_URL: databaseUrl, PACT_ROOM_NODE_ID: name, ALLOWED_ORIGINS: url, TRUST_PROXY: 'loopback' }));
const proxy = await startProxy(url, proxyPort, servers.map((s) => s.ready.port as number));
const db = new pg.Pool({ connectionString: databaseUrl, max: 1 });

type Stats = { p50: number; p99: number; max: number; gc: { count: number; totalMs: number; maxMs: number } };

serve(async (message) => {
	if (message.cmd === 'gc') {
		await Promise.all(servers.map((s) => s.ask({ cmd: 'gc' }, 'gcDone')));
		return { type: 'gcDone' };
	}
	if (message.cmd === 'loopDelay') {
		// The worst server's loop, and every server's collections together.
		const all = await Promise.all(servers.map((s) => s.ask<Stats>({ cmd: 'loopDelay' }, 'loopDelay')));
		const most = (of: (s: Stats) => number) => Math.max(...all.map(of));
		const gc = { count: all.reduce((n, s) => n + s.gc.count, 0), totalMs: all.reduce((n, s) => n + s.gc.totalMs, 0), maxMs: most((s) => s.gc.maxMs) };
		return { type: 'loopDelay', p50: most((s) => s.p50), p99: most((s) => s.p99), max: most((s) => s.max), gc };
	}
	if (message.cmd === 'shares') {
		// Which share of the live rooms each server holds the lease of, in the order of `pids`.
		const { rows } = await db.query<{ owner: string; rooms: string }>('select owner, count(*) as rooms from room_leases where expires_at > now() group by owner');
		const total = rows.reduce((n, r) => n + Number(r.rooms), 0);
		return { type: 'shares', shares: NODES.map((name) => Number(rows.find((r) => r.owner === name)?.rooms ?? 0) / (total || 1)) };
	}
});

process.on('SIGTERM', async () => {
	await db.end();
	await Promise.all(servers.map((s) => s.stop()));
	await proxy.stop();
	await postgres.stop();
	process.exit(0);
});
process.on('exit', () => proxy.process.kill('SIGKILL'));

process.send!({
	type: 'ready',
	port: proxyPort,
	pids: servers.map((s) => s.pid),
	helpers: { postgresql: postgres.pid(), haproxy: proxy.process.pid! }
});
