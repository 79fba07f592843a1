/** Spawns the game server as a real process, so a test can SIGKILL it and start it again. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('./server-process.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));

export interface ServerProcess {
	child: ChildProcess;
	url: string;
	kill(signal?: NodeJS.Signals): Promise<void>;
}

export function spawnServer(database: string): Promise<ServerProcess> {
	const child = spawn(process.execPath, [tsx, entry], {
		env: { ...process.env, PORT: '0', PACT_ROOM_DB: database },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stderr = '';
	child.stderr!.on('data', (d) => (stderr += d));
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 20_000);
		child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
		child.stdout!.on('data', (d: Buffer) => {
			const match = /listening (\d+)/.exec(d.toString());
			if (!match) return;
			clearTimeout(timer);
			resolve({
				child,
				url: `http://127.0.0.1:${match[1]}`,
				kill: (signal = 'SIGKILL') =>
					new Promise((done) => {
						if (child.exitCode !== null || child.signalCode !== null) return done();
						child.once('exit', () => done());
						child.kill(signal);
					})
			});
		});
	});
}
