/**
 * The game server as a real process that a test can SIGKILL: node itself runs the server with
 * tsx's loader (`node --import tsx/loader server-process.ts`), so the pid the test holds is the
 * server's own. (Going through tsx's command line, as spawn.ts does, puts a wrapper process in
 * between: killing the wrapper with SIGKILL leaves the server running as an orphan.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('./server-process.ts', import.meta.url));
const loader = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

export interface KillableServer {
	child: ChildProcess;
	pid: number;
	url: string;
	/** Everything the server wrote to stderr so far. */
	stderr(): string;
	/** Sends the signal (SIGKILL by default) and resolves once the process has exited. */
	kill(signal?: NodeJS.Signals): Promise<void>;
}

const running = new Set<ChildProcess>();

/**
 * Starts the test server (no pages) by default; `options.entry` runs another, such as the
 * production entry point `server/main.ts` with its pages, ready once its stdout matches
 * `options.ready` (its first group, if any, the port; else the PORT given).
 */
export function spawnKillable(
	database: string,
	env: Record<string, string> = {},
	options: { entry?: string; ready?: RegExp } = {}
): Promise<KillableServer> {
	const ready = options.ready ?? /listening (\d+)/;
	const child = spawn(process.execPath, ['--import', loader, options.entry ?? entry], {
		env: { ...process.env, PORT: '0', PACT_ROOM_DB: database, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	running.add(child);
	child.once('exit', () => running.delete(child));
	let stderr = '';
	child.stderr!.on('data', (d) => (stderr += d));
	const exited = new Promise<void>((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) resolve();
		else child.once('exit', () => resolve());
	});
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 20_000);
		const early = (code: number | null) => reject(new Error(`server exited with ${code}: ${stderr}`));
		child.once('exit', early);
		let out = '';
		child.stdout!.on('data', function listen(d: Buffer) {
			out += d.toString();
			const match = ready.exec(out);
			if (!match) return;
			clearTimeout(timer);
			child.off('exit', early);
			child.stdout!.off('data', listen);
			child.stdout!.resume();
			resolve({
				child,
				pid: child.pid!,
				url: `http://127.0.0.1:${match[1] ?? env.PORT}`,
				stderr: () => stderr,
				kill: (signal = 'SIGKILL') => {
					if (child.exitCode === null && child.signalCode === null) child.kill(signal);
					return exited;
				}
			});
		});
	});
}

/** Kills every server this helper started that is still running (for afterAll). */
export async function killAllKillable(): Promise<void> {
	await Promise.all(
		[...running].map(
			(child) =>
				new Promise<void>((resolve) => {
					if (child.exitCode !== null || child.signalCode !== null) return resolve();
					child.once('exit', () => resolve());
					child.kill('SIGKILL');
				})
		)
	);
}
