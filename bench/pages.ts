/**
 * Page weight and Lighthouse scores of the built app, as a phone or a classroom projector meets it.
 *
 *   tsx bench/pages.ts [--no-build] [--runs N]
 *
 * Builds the app (unless --no-build), serves it with the real server on a free port and a fresh
 * SQLite file, creates a game, then:
 * - loads the home, player and projector pages in Chromium and sums every script and stylesheet
 *   fetched by the time the page is idle (raw, as transferred, and gzip -9 of each body); the
 *   player page in English and in Hebrew, as a student choosing a seat first meets it and once they
 *   have taken one (everything fetched until the seated table shows);
 * - runs Lighthouse (performance and accessibility) on the player page as a phone, in English and
 *   in Hebrew, and on the projector page as a desktop, N times each (default 3), keeping the run
 *   with the median performance score, since one run on a busy machine can be off by several points.
 *
 * Prints a table and writes bench/results/pages.json. Low scores are reported, not fatal: only a
 * failure to build, start or measure exits non-zero.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { io } from 'socket.io-client';
import { chromiumArgs, chromiumPath } from '../tests/e2e/chromium';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsFile = join(root, 'bench/results/pages.json');

/** The goals the pages are held to; missing one is reported, not fatal. */
const GOALS = { playerJsGzipBytes: 100 * 1024, accessibility: 100, performance: 95 };

const argv = process.argv.slice(2);
const build = !argv.includes('--no-build');
const runsArg = argv.indexOf('--runs');
const runs = runsArg >= 0 ? Number(argv[runsArg + 1]) : 3;
if (!Number.isInteger(runs) || runs < 1) {
	console.error('--runs takes a whole number of Lighthouse runs per page, 1 or more');
	process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// The server

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

interface Served {
	child: ChildProcess;
	url: string;
	output: () => string;
}

async function startServer(database: string): Promise<Served> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	// node --import tsx rather than the tsx CLI: one process, so killing it leaves nothing behind.
	const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
		cwd: root,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PACT_ROOM_DB: database, BOT_PACE_MS: '0', LOG_LEVEL: 'warn' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	child.stdout?.on('data', (chunk: Buffer) => (log += chunk));
	child.stderr?.on('data', (chunk: Buffer) => (log += chunk));
	const served = { child, url, output: () => log };

	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}:\n${log}`);
		try {
			const res = await fetch(`${url}/healthz`);
			if (res.status === 200) return served;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`the server did not answer /healthz within 60 s:\n${log}`);
}

async function stopServer(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.kill('SIGTERM');
	const late = setTimeout(() => child.kill('SIGKILL'), 5_000);
	await exited;
	clearTimeout(late);
}

async function createGame(url: string): Promise<{ code: string; facilitatorToken: string }> {
	const socket = io(url, { transports: ['websocket'], reconnection: false });
	try {
		const res = (await socket.timeout(10_000).emitWithAck('createGame', {})) as
			| { ok: true; code: string; facilitatorToken: string }
			| { ok: false; code: string; message: string };
		if (!res.ok) throw new Error(`the server refused to create a game: ${res.message}`);
		return { code: res.code, facilitatorToken: res.facilitatorToken };
	} finally {
		socket.close();
	}
}

// ---------------------------------------------------------------------------------------------
// Page weight

interface Asset {
	url: string;
	kind: 'js' | 'css';
	raw: number;
	transferred: number;
	gzip: number;
	encoding: string | null;
}

interface Totals {
	files: number;
	raw: number;
	transferred: number;
	gzip: number;
}

interface Weight {
	page: string;
	path: string;
	html: { raw: number; transferred: number };
	js: Totals;
	css: Totals;
	assets: Asset[];
}

function kindOf(url: string, resourceType: string, contentType: string): 'js' | 'css' | null {
	const path = new URL(url).pathname;
	if (resourceType === 'stylesheet' || path.endsWith('.css') || contentType.includes('text/css')) return 'css';
	if (resourceType === 'script' || path.endsWith('.js') || contentType.includes('javascript')) return 'js';
	return null;
}

function sum(assets: Asset[]): Totals {
	return assets.reduce((t, a) => ({ files: t.files + 1, raw: t.raw + a.raw, transferred: t.transferred + a.transferred, gzip: t.gzip + a.gzip }), {
		files: 0,
		raw: 0,
		transferred: 0,
		gzip: 0
	});
}

interface PageToWeigh {
	page: string;
	path: string;
	/** What shows once the page has what it came for. */
	ready: string;
	/** The page's language, as the browser's cookie chooses it. */
	locale?: 'en' | 'he';
	/** What a visitor then does, whose scripts count too. */
	then?: (tab: Page) => Promise<void>;
}

/** Loads one page and weighs every script and stylesheet it has fetched once it is idle. */
async function weigh(browser: Browser, base: string, { page, path, ready, locale, then }: PageToWeigh): Promise<Weight> {
	const context = await browser.newContext();
	if (locale) await context.addCookies([{ name: 'pact-room-lang', value: locale, url: base }]);
	const tab = await context.newPage();
	const pending: Promise<Asset | null>[] = [];
	let html = { raw: 0, transferred: 0 };
	tab.on('response', (response) => {
		const request = response.request();
		if (request.resourceType() === 'document' && response.url() === base + path) {
			pending.push(
				(async () => {
					const [body, sizes] = await Promise.all([response.body(), request.sizes()]);
					html = { raw: body.length, transferred: sizes.responseBodySize + sizes.responseHeadersSize };
					return null;
				})()
			);
			return;
		}
		const kind = kindOf(response.url(), request.resourceType(), response.headers()['content-type'] ?? '');
		if (!kind || response.status() !== 200) return;
		pending.push(
			(async () => {
				const [body, sizes] = await Promise.all([response.body(), request.sizes()]);
				return {
					url: new URL(response.url()).pathname,
					kind,
					raw: body.length,
					transferred: sizes.responseBodySize + sizes.responseHeadersSize,
					gzip: gzipSync(body, { level: 9 }).length,
					encoding: response.headers()['content-encoding'] ?? null
				};
			})()
		);
	});
	try {
		await tab.goto(base + path, { waitUntil: 'load' });
		// The live pages render nothing useful until the room's view arrives over the socket.
		await tab.waitForSelector(ready, { timeout: 15_000 });
		await tab.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
		if (then) {
			await then(tab);
			await tab.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
		}
		// Lazily imported chunks (a QR code, a chart) start after the first paint: give them a moment.
		await tab.waitForTimeout(1_000);
		const seen = new Map<string, Asset>();
		for (const asset of await Promise.all(pending)) if (asset && !seen.has(asset.url)) seen.set(asset.url, asset);
		const assets = [...seen.values()].sort((a, b) => b.gzip - a.gzip);
		return {
			page,
			path,
			html,
			js: sum(assets.filter((a) => a.kind === 'js')),
			css: sum(assets.filter((a) => a.kind === 'css')),
			assets
		};
	} finally {
		await context.close();
	}
}

// ---------------------------------------------------------------------------------------------
// Lighthouse

interface Failing {
	id: string;
	title: string;
	score: number | null;
	displayValue?: string;
}

interface Scores {
	page: string;
	path: string;
	formFactor: 'mobile' | 'desktop';
	runs: number[];
	performance: number;
	accessibility: number;
	metrics: Record<string, string | undefined>;
	failing: { performance: Failing[]; accessibility: Failing[] };
}

interface LhAudit {
	id: string;
	title: string;
	score: number | null;
	scoreDisplayMode: string;
	displayValue?: string;
}
interface LhResult {
	categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
	audits: Record<string, LhAudit>;
	runtimeError?: { code: string; message: string };
	runWarnings: string[];
}

const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];

/** The audits of a category that cost it points: any that fall short of a pass. */
function failingIn(lhr: LhResult, category: string, pass: number): Failing[] {
	return lhr.categories[category].auditRefs
		.map((ref) => lhr.audits[ref.id])
		.filter((a) => a && a.score !== null && a.score < pass && !['notApplicable', 'informative', 'manual'].includes(a.scoreDisplayMode))
		.map((a) => ({ id: a.id, title: a.title, score: a.score, displayValue: a.displayValue }));
}

async function audit(port: number, base: string, page: string, path: string, formFactor: 'mobile' | 'desktop', locale?: 'en' | 'he'): Promise<Scores> {
	const flags = {
		port,
		output: 'json' as const,
		logLevel: 'error' as const,
		onlyCategories: ['performance', 'accessibility'],
		// The page's language, as the browser's cookie chooses it.
		...(locale ? { extraHeaders: { Cookie: `pact-room-lang=${locale}` } } : {})
	};
	const reports: LhResult[] = [];
	for (let i = 0; i < runs; i++) {
		const result = await lighthouse(base + path, flags, formFactor === 'desktop' ? desktopConfig : undefined);
		const lhr = result?.lhr as unknown as LhResult | undefined;
		if (!lhr) throw new Error(`Lighthouse returned nothing for ${path}`);
		if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
		reports.push(lhr);
	}
	const score = (lhr: LhResult, category: string) => Math.round((lhr.categories[category].score ?? 0) * 100);
	const ordered = [...reports].sort((a, b) => score(a, 'performance') - score(b, 'performance'));
	const median = ordered[Math.floor((ordered.length - 1) / 2)];
	return {
		page,
		path,
		formFactor,
		runs: reports.map((r) => score(r, 'performance')),
		performance: score(median, 'performance'),
		accessibility: score(median, 'accessibility'),
		metrics: Object.fromEntries(METRICS.map((id) => [id, median.audits[id]?.displayValue])),
		failing: {
			performance: score(median, 'performance') < 100 ? failingIn(median, 'performance', 0.9) : [],
			accessibility: score(median, 'accessibility') < 100 ? failingIn(median, 'accessibility', 1) : []
		}
	};
}

// ---------------------------------------------------------------------------------------------
// Report

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const pad = (text: string, width: number) => text.padEnd(width);
const padL = (text: string, width: number) => text.padStart(width);

function printWeights(weights: Weight[]) {
	console.log('\nPage weight (KB; transferred includes response headers)\n');
	console.log(
		[pad('page', 16), padL('html', 7), padL('js files', 9), padL('js raw', 8), padL('js xfer', 8), padL('js gzip', 8), padL('css files', 10), padL('css raw', 8), padL('css xfer', 9), padL('css gzip', 9)].join(' ')
	);
	for (const w of weights) {
		console.log(
			[
				pad(w.page, 16),
				padL(kb(w.html.transferred), 7),
				padL(String(w.js.files), 9),
				padL(kb(w.js.raw), 8),
				padL(kb(w.js.transferred), 8),
				padL(kb(w.js.gzip), 8),
				padL(String(w.css.files), 10),
				padL(kb(w.css.raw), 8),
				padL(kb(w.css.transferred), 9),
				padL(kb(w.css.gzip), 9)
			].join(' ')
		);
	}
	for (const w of weights) {
		console.log(`\n${w.page} (${w.path}): largest files by gzip size`);
		for (const a of w.assets.slice(0, 8))
			console.log(`  ${pad(a.kind, 4)}${padL(kb(a.gzip), 7)} KB gzip ${padL(kb(a.raw), 7)} KB raw  ${a.encoding ?? 'identity'}  ${a.url}`);
	}
}

function printScores(scores: Scores[]) {
	console.log('\nLighthouse (median run by performance)\n');
	console.log([pad('page', 16), pad('form', 8), padL('perf', 5), padL('a11y', 5), '  runs'].join(' '));
	for (const s of scores) console.log([pad(s.page, 10), pad(s.formFactor, 8), padL(String(s.performance), 5), padL(String(s.accessibility), 5), '  ' + s.runs.join(', ')].join(' '));
	for (const s of scores) {
		console.log(`\n${s.page}: ${Object.entries(s.metrics).map(([id, v]) => `${id} ${v ?? '?'}`).join(' · ')}`);
		if (s.performance < GOALS.performance)
			for (const f of s.failing.performance) console.log(`  performance  ${f.id}: ${f.title}${f.displayValue ? ` (${f.displayValue})` : ''}`);
		if (s.accessibility < GOALS.accessibility) for (const f of s.failing.accessibility) console.log(`  accessibility  ${f.id}: ${f.title}`);
	}
}

function goalsMissed(weights: Weight[], scores: Scores[]): string[] {
	const missed: string[] = [];
	for (const player of weights.filter((w) => w.page.startsWith('player')))
		if (player.js.gzip > GOALS.playerJsGzipBytes)
			missed.push(`${player.page} JS is ${kb(player.js.gzip)} KB gzipped (goal: at most ${kb(GOALS.playerJsGzipBytes)})`);
	for (const s of scores) {
		if (s.accessibility < GOALS.accessibility) missed.push(`${s.page} accessibility ${s.accessibility} (goal: ${GOALS.accessibility})`);
		if (s.performance < GOALS.performance) missed.push(`${s.page} performance ${s.performance} (goal: at least ${GOALS.performance})`);
	}
	return missed;
}

// ---------------------------------------------------------------------------------------------

async function main() {
	const chromePath = chromiumPath();
	if (build) {
		console.log('Building the app…');
		execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
	}

	const dataDir = mkdtempSync(join(tmpdir(), 'pact-room-bench-'));
	let server: Served | undefined;
	let browser: Browser | undefined;
	let chrome: chromeLauncher.LaunchedChrome | undefined;
	// Ctrl-C still takes the server and the browsers down with it.
	const interrupted = () => {
		if (server) server.child.kill('SIGKILL');
		chrome?.kill();
		process.exit(130);
	};
	process.once('SIGINT', interrupted);
	process.once('SIGTERM', interrupted);
	try {
		server = await startServer(join(dataDir, 'bench.sqlite'));
		// The projector needs no key: it watches as a spectator.
		const { code } = await createGame(server.url);
		console.log(`Serving at ${server.url}; room ${code}`);
		// A student takes the first free seat, by its button (worded in the page's language), under a
		// name of their own: a table refuses a name already taken.
		let students = 0;
		const takeASeat = async (tab: Page) => {
			await tab.locator('#display-name').fill(`Student ${++students}`);
			// The seat's own button, not the glossary and source buttons in its description.
			await tab.locator('.seats > li > button').first().click();
			await tab.waitForSelector('#you-heading', { timeout: 15_000 });
		};
		const pages: PageToWeigh[] = [
			{ page: 'home', path: '/', ready: 'main h1' },
			{ page: 'player', path: `/play/${code}`, ready: '#join-heading' },
			{ page: 'player he', path: `/play/${code}`, ready: '#join-heading', locale: 'he' },
			{ page: 'player seated', path: `/play/${code}`, ready: '#join-heading', then: takeASeat },
			{ page: 'player seated he', path: `/play/${code}`, ready: '#join-heading', locale: 'he', then: takeASeat },
			{ page: 'projector', path: `/projector/${code}`, ready: '[data-testid="room-code"]' }
		];

		browser = await chromium.launch({ executablePath: chromePath, args: chromiumArgs });
		const weights: Weight[] = [];
		for (const p of pages) weights.push(await weigh(browser, server.url, p));
		await browser.close();
		browser = undefined;
		printWeights(weights);

		console.log(`\nRunning Lighthouse, ${runs} run${runs === 1 ? '' : 's'} per page…`);
		chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', ...chromiumArgs] });
		const scores = [
			await audit(chrome.port, server.url, 'player', `/play/${code}`, 'mobile'),
			await audit(chrome.port, server.url, 'player he', `/play/${code}`, 'mobile', 'he'),
			await audit(chrome.port, server.url, 'projector', `/projector/${code}`, 'desktop')
		];
		printScores(scores);

		const missed = goalsMissed(weights, scores);
		console.log(missed.length ? `\nGoals missed:\n${missed.map((m) => `  - ${m}`).join('\n')}` : '\nEvery goal met.');

		mkdirSync(join(root, 'bench/results'), { recursive: true });
		writeFileSync(
			resultsFile,
			JSON.stringify({ at: new Date().toISOString(), chromium: chromePath, goals: GOALS, goalsMissed: missed, weights, lighthouse: scores, room: code }, null, '\t') + '\n'
		);
		console.log(`Results written to ${resultsFile}`);
	} finally {
		process.off('SIGINT', interrupted);
		process.off('SIGTERM', interrupted);
		await browser?.close().catch(() => undefined);
		chrome?.kill();
		if (server) await stopServer(server.child);
		rmSync(dataDir, { recursive: true, force: true });
	}
}

main().then(
	() => process.exit(0),
	(err: unknown) => {
		console.error(err instanceof Error ? (err.stack ?? err.message) : err);
		process.exit(1);
	}
);
