/**
 * What every response tells the browser: a Content Security Policy with no inline script unless
 * SvelteKit vouches for it, no framing (but for the projector where allowed), no sniffing, no
 * referrer, no camera or microphone, and no caching of pages that open with a key. And what the
 * server logs for a page that does not exist: one line, no stack.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIResponse } from '@playwright/test';
import { expect, test } from './fixtures';

/** Every kind of page: home, a seat, the projector, the console, a table's facilitator, a debrief, and none. */
const PAGES = ['/', '/play/ABCDEF', '/projector/ABCDEF', '/console/ABCDEFGHJK', '/facilitate/ABCDEF', '/debrief/ABCDEF', '/no-such-page'];

/** One directive of a policy, as its list of sources. */
function directive(policy: string, name: string): string[] | undefined {
	for (const part of policy.split(';')) {
		const [key, ...sources] = part.trim().split(/\s+/);
		if (key === name) return sources;
	}
	return undefined;
}

function expectPageHeaders(response: APIResponse, path: string, frameAncestors = ["'none'"]) {
	const headers = response.headers();
	expect(headers['x-content-type-options'], path).toBe('nosniff');
	expect(headers['referrer-policy'], path).toBe('no-referrer');
	// Pages open with keys in their addresses and a fresh nonce each: none is kept.
	expect(headers['cache-control'], path).toBe('no-store');
	for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'display-capture'])
		expect(headers['permissions-policy'], path).toContain(`${feature}=()`);
	const policy = headers['content-security-policy'];
	expect(policy, path).toBeTruthy();
	expect(directive(policy, 'default-src'), path).toEqual(["'none'"]);
	const scripts = directive(policy, 'script-src')!;
	expect(scripts, path).toContain("'self'");
	expect(scripts.filter((s) => s !== "'self'").every((s) => /^'nonce-[\w+/=-]+'$|^'sha256-[\w+/=]+'$/.test(s)), `${path}: ${scripts.join(' ')}`).toBe(true);
	expect(directive(policy, 'style-src'), path).not.toContain("'unsafe-inline'");
	expect(directive(policy, 'connect-src'), path).toEqual(["'self'"]);
	expect(directive(policy, 'object-src') ?? directive(policy, 'default-src'), path).toEqual(["'none'"]);
	expect(directive(policy, 'base-uri'), path).toEqual(["'none'"]);
	expect(directive(policy, 'form-action'), path).toEqual(["'self'"]);
	expect(directive(policy, 'frame-ancestors'), path).toEqual(frameAncestors);
}

test('every page carries the security headers, and runs in Chromium without a policy violation', async ({ page, request }) => {
	for (const path of PAGES) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(path === '/no-such-page' ? 404 : 200);
		expectPageHeaders(response, path);
		// The fixture fails the test on any violation these pages report.
		await page.goto(path);
		await expect(page.locator('h1').first()).toBeVisible();
	}
	// What the server answers itself, and the app's files, are not sniffed either.
	for (const path of ['/healthz', '/favicon.svg']) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
		expect(response.headers()['referrer-policy'], path).toBe('no-referrer');
	}
});

test.describe('a server started as `npm start` does', () => {
	let server: ChildProcess;
	let dir: string;
	let url: string;
	let output = '';

	test.beforeAll(async () => {
		const root = fileURLToPath(new URL('../..', import.meta.url));
		dir = mkdtempSync(join(tmpdir(), 'pact-room-headers-'));
		server = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'server/main.ts'], {
			cwd: root,
			env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PACT_ROOM_DB: join(dir, 'e2e.sqlite'), LOG_LEVEL: 'info', FRAME_ANCESTORS: 'https://slides.school.example' }
		});
		server.stdout!.on('data', (d) => (output += d));
		server.stderr!.on('data', (d) => (output += d));
		url = await new Promise<string>((resolve, reject) => {
			server.once('exit', (code) => reject(new Error(`the server stopped (${code}):\n${output}`)));
			server.stdout!.on('data', () => {
				const ready = /Pact Room is ready at (http:\/\/\S+)/.exec(output);
				if (ready) resolve(ready[1]);
			});
		});
	});

	test.afterAll(async () => {
		server.kill('SIGTERM');
		await new Promise((resolve) => server.once('exit', resolve));
		rmSync(dir, { recursive: true, force: true });
	});

	test('lets the projector, and only the projector, be framed by FRAME_ANCESTORS', async ({ request }) => {
		expectPageHeaders(await request.get(`${url}/projector/ABCDEF`), '/projector', ['https://slides.school.example']);
		expectPageHeaders(await request.get(`${url}/play/ABCDEF`), '/play');
	});

	test('logs a page that does not exist as one line, with its path and status and no stack', async ({ request }) => {
		const before = output.length;
		expect((await request.get(`${url}/no-such-page/deeper?x=1`)).status()).toBe(404);
		// A malformed address is the client's error too: one line.
		expect((await request.get(`${url}/%E0%A4%A`)).status()).toBe(400);
		await expect.poll(() => output.slice(before).trim().split('\n').length).toBeGreaterThanOrEqual(2);
		await new Promise((resolve) => setTimeout(resolve, 300));
		const lines = output.slice(before).trim().split('\n');
		expect(lines, output.slice(before)).toHaveLength(2);
		const [notFound, malformed] = lines.map((line) => JSON.parse(line));
		expect(notFound).toMatchObject({ level: 30, msg: 'page not found', status: 404, method: 'GET', path: '/no-such-page/deeper' });
		expect(malformed).toMatchObject({ level: 30, status: 400, path: '/%E0%A4%A' });
		expect(output.slice(before)).not.toMatch(/\n\s+at /);
	});
});
