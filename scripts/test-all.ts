/**
 * `npm test`: every layer — unit, integration, then end-to-end in Chromium — and one closing
 * line with the totals. Exits non-zero if any layer fails or runs no test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const out = 'test-output';
mkdirSync(out, { recursive: true });

function run(command: string, args: string[], env: Record<string, string> = {}): number {
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	return result.status ?? 1;
}

interface Totals {
	passed: number;
	failed: number;
}
const layers: Record<string, Totals> = {
	unit: { passed: 0, failed: 0 },
	integration: { passed: 0, failed: 0 },
	e2e: { passed: 0, failed: 0 }
};

// Types first: a type error anywhere (pages included) fails the run.
const typesStatus = run('npx', ['svelte-kit', 'sync']) || run('npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--threshold', 'error']);

// Unit and integration: one Vitest run over both projects, counted per layer from its JSON report.
const vitestJson = join(out, 'vitest.json');
rmSync(vitestJson, { force: true });
const vitestStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`]);
if (existsSync(vitestJson)) {
	const report = JSON.parse(readFileSync(vitestJson, 'utf8')) as {
		testResults: { name: string; assertionResults: { status: string }[] }[];
	};
	for (const file of report.testResults) {
		const layer = file.name.includes('/tests/integration/') ? layers.integration : layers.unit;
		for (const t of file.assertionResults) {
			if (t.status === 'passed') layer.passed++;
			else if (t.status === 'failed') layer.failed++;
		}
	}
}
if (vitestStatus !== 0 && layers.unit.failed + layers.integration.failed === 0) layers.unit.failed++;

// End to end: build the app once, then Playwright starts the real server against it.
const buildStatus = run('npx', ['vite', 'build']);
const playwrightJson = resolve(out, 'playwright.json');
rmSync(playwrightJson, { force: true });
const e2eStatus =
	buildStatus === 0
		? run('npx', ['playwright', 'test', '-c', 'tests/e2e/playwright.config.ts', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson })
		: 1;
if (existsSync(playwrightJson)) {
	const { stats } = JSON.parse(readFileSync(playwrightJson, 'utf8')) as {
		stats: { expected: number; unexpected: number; flaky: number };
	};
	layers.e2e.passed = stats.expected + stats.flaky;
	layers.e2e.failed = stats.unexpected;
}
if (e2eStatus !== 0 && layers.e2e.failed === 0) layers.e2e.failed++;

let passed = 0;
let failed = 0;
console.log('\nTotals by layer');
console.log(`  types        ${typesStatus === 0 ? 'no errors' : 'errors found (see svelte-check above)'}`);
if (typesStatus !== 0) failed++;
for (const [name, t] of Object.entries(layers)) {
	console.log(`  ${name.padEnd(12)} ${t.passed} passed, ${t.failed} failed`);
	passed += t.passed;
	failed += t.failed;
}
const ranNothing = Object.values(layers).some((t) => t.passed + t.failed === 0);
if (ranNothing) console.log('A layer ran no test.');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || ranNothing ? 1 : 0);
