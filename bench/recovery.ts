/**
 * Recovery: about 1,000 clients seated across rooms and voting; the server is killed with SIGKILL
 * and started again on the same database and port. Measures how long until 99% and 100% of the
 * clients have re-entered and caught up with everything acknowledged before the kill, and checks
 * that every acknowledged vote — before the kill, or resent after it — is stored exactly once.
 *
 *   tsx bench/recovery.ts [--rooms 167]
 */
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from './lib/child';

const rooms = process.argv.includes('--rooms') ? Number(process.argv[process.argv.indexOf('--rooms') + 1]) : 167;

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const dir = mkdtempSync(join(tmpdir(), 'pact-room-recovery-'));
const env = { PORT: String(await freePort()), PACT_ROOM_DB: join(dir, 'recovery.sqlite') };
let server = await start('../servers/game.ts', env);
const harness = await start('../recovery-harness.ts');
try {
	const { clients } = await harness.ask<{ clients: number }>({ cmd: 'setup', url: `http://127.0.0.1:${env.PORT}`, rooms }, 'setupDone');
	console.log(`Recovery: ${clients} clients in ${rooms} rooms, each voting once a second.`);
	await harness.ask({ cmd: 'vote' }, 'voting');
	await new Promise((r) => setTimeout(r, 5000));

	await server.stop('SIGKILL');
	const killedAt = Date.now();
	const resynced = harness.ask<{ resyncedAt: (number | null)[]; acked: string[] }>({ cmd: 'killed', at: killedAt, timeoutMs: 60_000 }, 'resynced');
	server = await start('../servers/game.ts', env);
	const upAt = Date.now();
	const result = await resynced;

	const times = result.resyncedAt.filter((t): t is number => t !== null).map((t) => t - killedAt).sort((a, b) => a - b);
	const missing = result.resyncedAt.length - times.length;
	const db = new Database(env.PACT_ROOM_DB, { readonly: true });
	const stored = new Set(db.prepare<[], { action_id: string }>('select action_id from actions where action_id is not null').all().map((r) => r.action_id));
	db.close();
	const lost = result.acked.filter((id) => !stored.has(id));
	const summary = {
		date: new Date().toISOString(),
		clients,
		rooms,
		restartMs: upAt - killedAt,
		p99FromKillMs: percentile(times, 99),
		allFromKillMs: missing ? null : times.at(-1),
		p99FromRestartMs: percentile(times, 99) - (upAt - killedAt),
		allFromRestartMs: missing ? null : times.at(-1)! - (upAt - killedAt),
		notResynced: missing,
		acknowledgedVotes: result.acked.length,
		lostVotes: lost.length
	};
	console.log(`server back up ${summary.restartMs} ms after the kill (a new process: start-up and scenario check included)`);
	console.log(`resynced: 99% after ${summary.p99FromKillMs} ms, 100% after ${summary.allFromKillMs ?? 'never'} ms from the kill (${summary.p99FromRestartMs} / ${summary.allFromRestartMs ?? '–'} ms from the restart)`);
	console.log(`acknowledged votes: ${summary.acknowledgedVotes}, lost: ${summary.lostVotes}${missing ? `, clients never resynced: ${missing}` : ''}`);
	mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
	writeFileSync(new URL('./results/recovery.json', import.meta.url), JSON.stringify(summary, null, '\t'));
	if (lost.length || missing) process.exitCode = 1;
} finally {
	await harness.stop();
	await server.stop();
	rmSync(dir, { recursive: true, force: true });
}
