/**
 * End-to-end tests: the built app served by the real server (pages and Socket.IO on one port),
 * driven in the system's Chromium.
 */
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, chromiumPath } from './chromium';

const root = fileURLToPath(new URL('../..', import.meta.url));
const port = Number(process.env.E2E_PORT ?? 4317);
// A fresh database for every run, so a run never meets an earlier run's rooms. The config is read
// again in each worker, which inherits the runner's environment and so the same file; the runner
// removes it at the end (cleanup.ts).
process.env.PACT_ROOM_E2E_DB ??= join(mkdtempSync(join(tmpdir(), 'pact-room-e2e-')), 'e2e.sqlite');
const database = process.env.PACT_ROOM_E2E_DB;

export default defineConfig({
	testDir: '.',
	outputDir: `${root}/test-output/e2e-artifacts`,
	timeout: 60_000,
	workers: 1,
	// On a shared CI machine a browser test may once miss a deadline under load; it gets one more
	// try there, and the run names every test that needed it (scripts/test-all.ts).
	retries: process.env.CI ? 1 : 0,
	reporter: 'list',
	globalTeardown: './cleanup.ts',
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		browserName: 'chromium',
		launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
		trace: 'retain-on-failure'
	},
	webServer: {
		command: 'node node_modules/tsx/dist/cli.mjs server/main.ts',
		cwd: root,
		url: `http://127.0.0.1:${port}/healthz`,
		reuseExistingServer: false,
		timeout: 60_000,
		env: { PORT: String(port), HOST: '127.0.0.1', PACT_ROOM_DB: database, BOT_PACE_MS: '0' }
	}
});
