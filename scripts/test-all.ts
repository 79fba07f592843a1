/**
 * `npm test`: every layer — types, unit, integration, then end-to-end in Chromium — and one
 * closing line with the totals. Exits non-zero if any layer fails or runs no test.
 * `npm test -- --layers unit,integration` runs only the layers named.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ALL = ['types', 'unit', 'integration', 'e2e'] as const;
const asked = process.argv.includes('--layers') ? process.argv[process.argv.indexOf('--layers') + 1]?.split(',') : [...ALL];
const unknown = (asked ?? []).filter((l) => !(ALL as readonly string[]).includes(l));
if (!asked?.length || unknown.length) {
	console.error(`--layers takes a comma-separated list of: ${ALL.join(', ')}${unknown.length ? `; not ${unknown.join(', ')}` : ''}`);
	process.exit(2);
}
const runs = (layer: (typeof ALL)[number]) => asked.includes(layer);
// Each summary line names the Node it ran on: CI runs some layers on two versions.
const on = `(Node ${process.versions.node.split('.')[0]})`;

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
const layers: Partial<Record<'unit' | 'integration' | 'e2e', Totals>> = {};
for (const layer of ['unit', 'integration', 'e2e'] as const) if (runs(layer)) layers[layer] = { passed: 0, failed: 0 };

// Types first: a type error anywhere (pages included) fails the run.
// The compiled messages come first: the type check reads them, and an install that skipped its
// scripts has not made them.
const typesStatus = runs('types')
	? run('npx', ['tsx', 'scripts/i18n.ts']) ||
		run('npx', ['svelte-kit', 'sync']) ||
		run('npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--threshold', 'error'])
	: null;

// Unit and integration: one Vitest run over the projects asked for, counted per layer from its JSON report.
const vitestJson = join(out, 'vitest.json');
rmSync(vitestJson, { force: true });
const projects = (['unit', 'integration'] as const).filter(runs);
const vitestStatus = projects.length
	? run('npx', ['vitest', 'run', ...projects.map((p) => `--project=${p}`), '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`])
	: 0;
if (projects.length && existsSync(vitestJson)) {
	const report = JSON.parse(readFileSync(vitestJson, 'utf8')) as {
		testResults: { name: string; assertionResults: { status: string }[] }[];
	};
	for (const file of report.testResults) {
		const layer = file.name.includes('/tests/integration/') ? layers.integration! : layers.unit!;
		for (const t of file.assertionResults) {
			if (t.status === 'passed') layer.passed++;
			else if (t.status === 'failed') layer.failed++;
		}
	}
}
if (vitestStatus !== 0 && (layers.unit?.failed ?? 0) + (layers.integration?.failed ?? 0) === 0) (layers.unit ?? layers.integration)!.failed++;

// End to end: build the app once, then Playwright starts the real server against it.
if (layers.e2e) {
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
}

let passed = 0;
let failed = 0;
console.log('\nTotals by layer');
if (typesStatus !== null) console.log(`  ${`types ${on}`.padEnd(24)} ${typesStatus === 0 ? 'no errors' : 'errors found (see svelte-check above)'}`);
if (typesStatus) failed++;
for (const [name, t] of Object.entries(layers)) {
	console.log(`  ${`${name} ${on}`.padEnd(24)} ${t.passed} passed, ${t.failed} failed`);
	passed += t.passed;
	failed += t.failed;
}
const ranNothing = Object.values(layers).some((t) => t.passed + t.failed === 0);
if (ranNothing) console.log('A layer ran no test.');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || ranNothing ? 1 : 0);
