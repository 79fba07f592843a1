/**
 * A whole cluster on one machine, for the cluster layer: a throwaway PostgreSQL, three game
 * servers in cluster mode on it, and HAProxy in front with the shipped configuration
 * (server/cluster/haproxy.cfg). HAProxy is found as HAPROXY_PATH, else `haproxy` on the PATH.
 * A test may SIGKILL a server and start it again on its port, as a service manager would.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { spawnKillable, type KillableServer } from './killable-server';
import { postgresMissing, startPostgres, type TestPostgres } from './postgres';
import { tempDatabase } from './temp-database';

const CONFIG = fileURLToPath(new URL('../../server/cluster/haproxy.cfg', import.meta.url));
/** The production entry point, pages and all (the app must be built). */
const MAIN = fileURLToPath(new URL('../../server/main.ts', import.meta.url));

function haproxyBinary(): string | null {
	if (process.env.HAPROXY_PATH) return process.env.HAPROXY_PATH;
	try {
		execFileSync('haproxy', ['-v'], { stdio: 'ignore' });
		return 'haproxy';
	} catch {
		return null;
	}
}

/** Why the cluster tests are skipped on this machine, or null when they run. */
export const clusterMissing: string | null =
	postgresMissing ??
	(haproxyBinary() ? null : 'HAProxy is not installed (no HAPROXY_PATH, no haproxy on the PATH): the cluster tests are skipped. Install it (Debian: apt-get install haproxy) to run them.');

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

export interface GameNode {
	name: string;
	port: number;
	process: KillableServer;
}

export interface TestCluster {
	/** The address browsers open: HAProxy's. */
	url: string;
	databaseUrl: string;
	nodes: GameNode[];
	/** Starts a server again on its port, as a service manager would after it died. */
	restart(node: GameNode): Promise<void>;
	/** Restarts PostgreSQL: every connection to it dropped, the same data after. */
	restartDatabase(): Promise<void>;
	stop(): Promise<void>;
}

export interface TestProxy {
	process: ChildProcess;
	stop(): Promise<void>;
}

/**
 * Starts HAProxy with the shipped configuration at `url` (on `port`) in front of the game servers
 * on `serverPorts`, and resolves once every server is checked up (/healthz through it answers then).
 */
export async function startProxy(url: string, port: number, serverPorts: number[]): Promise<TestProxy> {
	const proxy: ChildProcess = spawn(haproxyBinary()!, ['-db', '-f', CONFIG], {
		env: {
			...process.env,
			PACT_ROOM_PROXY_BIND: `127.0.0.1:${port}`,
			...Object.fromEntries(serverPorts.map((p, i) => [`PACT_ROOM_SERVER_${i + 1}`, `127.0.0.1:${p}`]))
		},
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let proxyErrors = '';
	proxy.stderr!.on('data', (d) => (proxyErrors += d));
	const deadline = Date.now() + 15_000;
	for (;;) {
		if (proxy.exitCode !== null) throw new Error(`HAProxy did not start: ${proxyErrors}`);
		const up = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
		if (up) break;
		if (Date.now() > deadline) throw new Error(`HAProxy did not answer: ${proxyErrors}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return {
		process: proxy,
		async stop() {
			if (proxy.exitCode !== null) return;
			const exited = new Promise((resolve) => proxy.once('exit', resolve));
			proxy.kill('SIGTERM');
			await exited;
		}
	};
}

/**
 * Starts the cluster: with `pages`, each server is `npm start`'s own (server/main.ts, the built
 * pages included, scripted roles at once); otherwise the test server, game only.
 */
export async function startCluster(options: { leaseMs?: number; pages?: boolean } = {}): Promise<TestCluster> {
	const postgres: TestPostgres = await startPostgres();
	const databaseUrl = await postgres.freshDatabase();
	const proxyPort = await freePort();
	const url = `http://127.0.0.1:${proxyPort}`;
	const env = (name: string, port: number) => ({
		DATABASE_URL: databaseUrl,
		PACT_ROOM_NODE_ID: name,
		PACT_ROOM_LEASE_MS: String(options.leaseMs ?? 3000),
		PORT: String(port),
		// Browsers reach the servers under HAProxy's address, which each server must answer to.
		ALLOWED_ORIGINS: url,
		TRUST_PROXY: 'loopback',
		...(options.pages ? { PUBLIC_URL: url, HOST: '127.0.0.1', BOT_PACE_MS: '0', LOG_LEVEL: 'warn' } : {})
	});
	const spawnNode = (name: string, port: number) =>
		spawnKillable(tempDatabase(), env(name, port), options.pages ? { entry: MAIN, ready: /Pact Room is ready/ } : {});
	const nodes: GameNode[] = [];
	for (const name of ['game1', 'game2', 'game3']) {
		const port = await freePort();
		nodes.push({ name, port, process: await spawnNode(name, port) });
	}
	const proxy = await startProxy(url, proxyPort, nodes.map((n) => n.port));
	return {
		url,
		databaseUrl,
		nodes,
		async restart(node) {
			node.process = await spawnNode(node.name, node.port);
		},
		restartDatabase: () => postgres.restart(),
		async stop() {
			await Promise.all(nodes.map((n) => n.process.kill('SIGKILL')));
			await proxy.stop();
			await postgres.stop();
		}
	};
}
