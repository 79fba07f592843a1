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
// A fresh database for every run, so a run never meets an earlier run's rooms.
const database = join(mkdtempSync(join(tmpdir(), 'pact-room-e2e-')), 'e2e.sqlite');

export default defineConfig({
	testDir: '.',
	outputDir: `${root}/test-output/e2e-artifacts`,
	timeout: 60_000,
	workers: 1,
	reporter: 'list',
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
