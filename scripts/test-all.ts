/**
 * `npm test`: every layer — types, unit, integration, cluster (three servers on PostgreSQL behind
 * HAProxy), then end-to-end in Chromium — and one closing line with the totals. Exits non-zero if
 * any layer fails or runs no test; a layer whose tests were all skipped (the cluster layer on a
 * machine without PostgreSQL or HAProxy, which it says) is reported as such.
 * `npm test -- --layers unit,integration` runs only the layers named.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ALL = ['types', 'unit', 'integration', 'cluster', 'e2e'] as const;
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
	skipped: number;
}
const layers: Partial<Record<'unit' | 'integration' | 'cluster' | 'e2e', Totals>> = {};
// Named again just above the totals, where a CI log cut to its tail still shows them.
const failedTests: string[] = [];
const flakyTests: string[] = [];
for (const layer of ['unit', 'integration', 'cluster', 'e2e'] as const) if (runs(layer)) layers[layer] = { passed: 0, failed: 0, skipped: 0 };

// Types first: a type error anywhere (pages included) fails the run.
// The compiled messages come first: the type check reads them, and an install that skipped its
// scripts has not made them.
const typesStatus = runs('types')
	? run('npx', ['tsx', 'scripts/i18n.ts']) ||
		run('npx', ['svelte-kit', 'sync']) ||
		run('npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--threshold', 'error'])
	: null;

/**
 * One Vitest run over the projects given, counted per layer from its JSON report; a failed run
 * that reported no failed test (it crashed) counts as one failure.
 */
function vitest(projects: ('unit' | 'integration' | 'cluster')[], report: string) {
	if (projects.length === 0) return;
	const file = join(out, report);
	rmSync(file, { force: true });
	const status = run('npx', ['vitest', 'run', ...projects.map((p) => `--project=${p}`), '--reporter=default', '--reporter=json', `--outputFile=${file}`]);
	let failed = 0;
	if (existsSync(file)) {
		const results = JSON.parse(readFileSync(file, 'utf8')) as {
			testResults: { name: string; assertionResults: { status: string; fullName: string }[] }[];
		};
		for (const result of results.testResults) {
			const layer = result.name.includes('/tests/integration/') ? layers.integration! : result.name.includes('/tests/cluster/') ? layers.cluster! : layers.unit!;
			for (const t of result.assertionResults) {
				if (t.status === 'passed') layer.passed++;
				else if (t.status === 'failed') {
					layer.failed++;
					failed++;
					failedTests.push(`${result.name.slice(result.name.indexOf('tests/'))} › ${t.fullName}`);
				}
				else layer.skipped++;
			}
		}
	}
	if (status !== 0 && failed === 0) layers[projects[0]]!.failed++;
}

// Unit and integration in one run; the cluster layer on its own after, since its three servers,
// PostgreSQL and HAProxy would otherwise compete with the integration tests for the cores.
vitest((['unit', 'integration'] as const).filter(runs), 'vitest.json');
vitest((['cluster'] as const).filter(runs), 'vitest-cluster.json');

interface PlaywrightSuite {
	title: string;
	suites?: PlaywrightSuite[];
	specs?: { title: string; tests: { status: string }[] }[];
}
interface PlaywrightReport {
	stats: { expected: number; unexpected: number; flaky: number };
	suites?: PlaywrightSuite[];
}
/** Every test of a Playwright JSON report, titled as the list reporter titles it. */
function* playwrightTests(suites: PlaywrightSuite[], path: string[] = []): Generator<{ title: string; status: string }> {
	for (const suite of suites) {
		const here = suite.title ? [...path, suite.title] : path;
		for (const spec of suite.specs ?? []) for (const t of spec.tests) yield { title: [...here, spec.title].join(' › '), status: t.status };
		yield* playwrightTests(suite.suites ?? [], here);
	}
}

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
		const report = JSON.parse(readFileSync(playwrightJson, 'utf8')) as PlaywrightReport;
		layers.e2e.passed = report.stats.expected + report.stats.flaky;
		layers.e2e.failed = report.stats.unexpected;
		for (const { title, status } of playwrightTests(report.suites ?? [])) {
			if (status === 'unexpected') failedTests.push(title);
			if (status === 'flaky') flakyTests.push(title);
		}
	}
	if (e2eStatus !== 0 && layers.e2e.failed === 0) layers.e2e.failed++;
}

if (failedTests.length) console.log(`\nFailed ${on}\n${failedTests.map((t) => `  ✘ ${t}`).join('\n')}`);
if (flakyTests.length) console.log(`\nPassed only when tried again ${on}\n${flakyTests.map((t) => `  ~ ${t}`).join('\n')}`);

let passed = 0;
let failed = 0;
console.log('\nTotals by layer');
if (typesStatus !== null) console.log(`  ${`types ${on}`.padEnd(24)} ${typesStatus === 0 ? 'no errors' : 'errors found (see svelte-check above)'}`);
if (typesStatus) failed++;
for (const [name, t] of Object.entries(layers)) {
	console.log(`  ${`${name} ${on}`.padEnd(24)} ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}`);
	passed += t.passed;
	failed += t.failed;
}
const ranNothing = Object.values(layers).some((t) => t.passed + t.failed + t.skipped === 0);
if (ranNothing) console.log('A layer ran no test.');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || ranNothing ? 1 : 0);
