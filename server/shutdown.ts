/**
 * Graceful shutdown on SIGTERM (what a service manager or container runtime sends) and SIGINT
 * (Ctrl-C): stop accepting connections, let every queued action be applied and stored, close the
 * database, exit. A shutdown that hangs — a client that never lets go — is cut short, since
 * everything acknowledged is already committed, and survives the process ending.
 */
import type { Logger } from './log';
import type { GameHttpServer } from './app';

export function closeOnSignals(server: GameHttpServer, logger: Logger, graceMs = 10_000) {
	let stopping = false;
	for (const signal of ['SIGTERM', 'SIGINT'] as const) {
		process.on(signal, async () => {
			if (stopping) return;
			stopping = true;
			logger.info({ signal }, 'shutting down');
			setTimeout(() => {
				logger.warn({ graceMs }, 'shutdown took too long; exiting anyway');
				process.exit(1);
			}, graceMs).unref();
			try {
				await server.close();
				logger.info('shut down cleanly');
				process.exit(0);
			} catch (err) {
				logger.error({ err }, 'shutdown failed');
				process.exit(1);
			}
		});
	}
}
