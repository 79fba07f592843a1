/**
 * Starting a benchmark process (a server or the client harness) as a Node child with TypeScript
 * support and an IPC channel, and talking to it by messages.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface Child {
	process: ChildProcess;
	pid: number;
	/** What the child said when it was ready (a server's port, say). */
	ready: Record<string, unknown>;
	/** Sends a message and resolves with the first reply of type `until`. */
	ask<T = Record<string, unknown>>(message: Record<string, unknown>, until: string): Promise<T>;
	/** Resolves with the next message of this type. */
	next<T = Record<string, unknown>>(type: string): Promise<T>;
	stop(signal?: NodeJS.Signals): Promise<void>;
}

const running = new Set<ChildProcess>();
process.on('exit', () => running.forEach((c) => c.kill('SIGKILL')));

export function start(module: string, env: Record<string, string> = {}): Promise<Child> {
	const file = fileURLToPath(new URL(module, import.meta.url));
	const child = fork(file, [], {
		// BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of every benchmark process there, to see where
		// time goes; BENCH_NODE_FLAGS adds Node flags to every benchmark process (e.g. --trace-gc).
		execArgv: ['--import', 'tsx', '--expose-gc', ...(process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : []), ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? [])],
		env: { ...process.env, ...env },
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});
	running.add(child);
	const exited = new Promise<void>((resolve) => child.once('exit', () => (running.delete(child), resolve())));
	const next = <T>(type: string) =>
		new Promise<T>((resolve, reject) => {
			const onMessage = (m: { type?: string; message?: string }) => {
				if (m.type === 'error') return cleanup(), reject(new Error(`${module}: ${m.message}`));
				if (m.type === type) return cleanup(), resolve(m as T);
			};
			const onExit = (code: number | null) => (cleanup(), reject(new Error(`${module} exited (${code}) while waiting for ${type}`)));
			const cleanup = () => {
				child.off('message', onMessage);
				child.off('exit', onExit);
			};
			child.on('message', onMessage);
			child.once('exit', onExit);
		});
	const handle: Omit<Child, 'ready'> = {
		process: child,
		pid: child.pid!,
		next,
		ask(message, until) {
			const reply = next<never>(until);
			child.send(message);
			return reply;
		},
		stop(signal = 'SIGTERM') {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			return exited;
		}
	};
	return next<Record<string, unknown>>('ready').then((ready) => ({ ...handle, ready }));
}

/** In a child: answers a parent's messages with a handler; errors go back as `{ type: 'error' }`. */
export function serve(handler: (message: Record<string, unknown>) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void) {
	process.on('message', async (message: Record<string, unknown>) => {
		try {
			const reply = await handler(message);
			if (reply) process.send!(reply);
		} catch (err) {
			process.send!({ type: 'error', message: err instanceof Error ? err.stack ?? err.message : String(err) });
		}
	});
	// Orphaned by a parent that died: go too.
	process.on('disconnect', () => process.exit(0));
}
