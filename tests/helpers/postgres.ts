/**
 * A throwaway PostgreSQL cluster for tests: `initdb` in a temporary directory, a server on a free
 * port with its unix socket in that directory too, each test given a fresh database; stopped and
 * removed afterwards. The binaries are found in PG_BINDIR, else on the PATH, else where
 * `pg_config --bindir` says, else in Debian's /usr/lib/postgresql/<version>/bin. PostgreSQL
 * refuses to run as root, so as root it runs as the `postgres` user (Debian's package makes one).
 */
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';

const programs = ['initdb', 'postgres'];

function hasPrograms(dir: string) {
	return programs.every((p) => existsSync(join(dir, p)));
}

/** The directory holding initdb and postgres, or null when PostgreSQL is not installed. */
export function postgresBinaries(): string | null {
	if (process.env.PG_BINDIR) return hasPrograms(process.env.PG_BINDIR) ? process.env.PG_BINDIR : null;
	const onPath = (process.env.PATH ?? '').split(delimiter).find((dir) => dir && hasPrograms(dir));
	if (onPath) return onPath;
	try {
		const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
		if (hasPrograms(dir)) return dir;
	} catch {
		// no pg_config: look where Debian puts the server
	}
	const debian = '/usr/lib/postgresql';
	const versions = existsSync(debian) ? readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
	return versions.map((v) => join(debian, v, 'bin')).find(hasPrograms) ?? null;
}

/** Why the PostgreSQL tests are skipped on this machine, or null when they run. */
export const postgresMissing: string | null = postgresBinaries()
	? null
	: 'PostgreSQL is not installed (no initdb and postgres in PG_BINDIR, on the PATH, from pg_config or in /usr/lib/postgresql/*/bin): the PostgreSQL tests are skipped. Install it (Debian: apt-get install postgresql) to run them.';

export interface TestPostgres {
	/** A fresh, empty database's connection string. */
	freshDatabase(): Promise<string>;
	/** Stops the server as an operator would (fast shutdown: every connection dropped) and starts it again on the same data and port. */
	restart(): Promise<void>;
	stop(): Promise<void>;
	/** The server's process id (its backends run under it). */
	pid(): number;
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/** As root, who runs PostgreSQL (it refuses root): the `postgres` user's ids. */
function runAs(): { uid: number; gid: number } | null {
	if (process.getuid?.() !== 0) return null;
	for (const user of ['postgres', 'nobody']) {
		try {
			const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
			const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
			return { uid, gid };
		} catch {
			// no such user: try the next
		}
	}
	throw new Error('PostgreSQL will not run as root, and this machine has neither a postgres nor a nobody user to run it as');
}

/**
 * Starts a throwaway server. A test's skips syncing to disk (nothing must survive the machine);
 * `durable` keeps PostgreSQL's own defaults, every commit synced, as a benchmark must.
 */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<TestPostgres> {
	const bin = postgresBinaries();
	if (!bin) throw new Error(postgresMissing!);
	const dir = mkdtempSync(join(tmpdir(), 'pact-room-pg-'));
	const data = join(dir, 'data');
	const socketDir = join(dir, 'socket');
	mkdirSync(socketDir);
	const user = runAs();
	if (user) for (const path of [dir, socketDir]) chownSync(path, user.uid, user.gid);
	const ids = user ? { uid: user.uid, gid: user.gid } : {};
	// Trust on the local socket and loopback: a throwaway cluster, reached only from this machine.
	execFileSync(join(bin, 'initdb'), ['-D', data, '-U', 'pact', '-A', 'trust', '-E', 'UTF8', '--locale', 'C', '--no-sync'], { ...ids, stdio: 'ignore' });
	const port = await freePort();
	const args = ['-D', data, '-p', String(port), '-k', socketDir, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', ...(options.durable ? [] : ['-c', 'fsync=off', '-c', 'full_page_writes=off'])];
	const url = (database: string) => `postgresql://pact@localhost/${database}?host=${encodeURIComponent(socketDir)}&port=${port}`;
	const admin = new pg.Pool({ connectionString: url('postgres'), max: 2 });
	admin.on('error', () => {});
	let stderr = '';
	/** Starts the server and resolves once it answers on its socket. */
	const start = async () => {
		const started = spawn(join(bin, 'postgres'), args, { ...ids, stdio: ['ignore', 'ignore', 'pipe'] });
		started.stderr!.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
		for (let tries = 0; ; tries++) {
			try {
				await admin.query('select 1');
				return started;
			} catch (err) {
				if (started.exitCode !== null || tries > 200) throw new Error(`PostgreSQL did not start: ${stderr || (err as Error).message}`);
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
		}
	};
	let child = await start();
	const exit = (signal: NodeJS.Signals) => {
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill(signal);
		return exited;
	};
	let made = 0;
	return {
		pid: () => child.pid!,
		async restart() {
			await exit('SIGINT');
			child = await start();
		},
		async freshDatabase() {
			const name = `test_${process.pid}_${++made}`;
			await admin.query(`create database ${name}`);
			return url(name);
		},
		async stop() {
			await admin.end().catch(() => {});
			if (child.exitCode === null) {
				// Smart shutdown, which waits for the connections still closing (a pool just ended) to go,
				// so none of them is sent an error; then fast, which ends any left. A paused server is woken first.
				child.kill('SIGCONT');
				const fast = setTimeout(() => child.kill('SIGINT'), 5000);
				await exit('SIGTERM');
				clearTimeout(fast);
			}
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
