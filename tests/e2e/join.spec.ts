/**
 * Join that works: a teacher who opened the app at localhost still gives students an address
 * their phones can open. A server whose machine has a classroom address (a test's, injected: see
 * lan-server.ts) has the projector and the console show it rather than loopback; a server
 * reachable from this computer only has them say so, and how to fix it.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { screenshots } from './screenshots';

async function expectAccessible(page: Page, what: string) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	const report = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
	expect(report, `axe violations on ${what}`).toEqual([]);
}

/** Creates a one-table class from the home page at `base`; answers with the console page and the room code. */
async function createClass(page: Page, base: string): Promise<string> {
	await page.goto(`${base}/`);
	await page.getByRole('button', { name: 'Create game' }).click();
	await expect(page).toHaveURL(/\/console\/[A-Z2-9]{10}$/);
	const code = (await page.getByRole('heading', { name: /^Table 1/ }).getByLabel(/room code/).textContent())!.trim();
	expect(code).toMatch(/^[A-Z2-9]{6}$/);
	return code;
}

test.describe('a laptop on the classroom network, opened at localhost', () => {
	let server: ChildProcess;
	let dir: string;
	let base: string;
	let port: number;

	test.beforeAll(async () => {
		const root = fileURLToPath(new URL('../..', import.meta.url));
		dir = mkdtempSync(join(tmpdir(), 'pact-room-join-'));
		server = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tests/e2e/lan-server.ts'], {
			cwd: root,
			env: { ...process.env, PACT_ROOM_DB: join(dir, 'e2e.sqlite'), BOT_PACE_MS: '0', PUBLIC_URL: '' }
		});
		let output = '';
		server.stderr!.on('data', (d) => (output += d));
		port = await new Promise<number>((resolve, reject) => {
			server.once('exit', (code) => reject(new Error(`the server stopped (${code}):\n${output}`)));
			server.stdout!.on('data', (d) => {
				output += d;
				const ready = /listening (\d+)/.exec(output);
				if (ready) resolve(Number(ready[1]));
			});
		});
		base = `http://localhost:${port}`;
	});

	test.afterAll(async () => {
		server.kill('SIGTERM');
		await new Promise((resolve) => server.once('exit', resolve));
		rmSync(dir, { recursive: true, force: true });
	});

	test('the projector and the console give a classroom address, not localhost, and let the teacher pick the other', async ({ page, browser }) => {
		const code = await createClass(page, base);
		const consolePage = new URL(page.url()).pathname;
		const wifi = `http://192.0.2.20:${port}`;
		const cable = `http://198.51.100.7:${port}`;
		await expect(page.getByTestId('join-origin')).toHaveText(wifi);
		await page.getByText('Join link and QR code').click();
		await expect(page.getByRole('link', { name: `${wifi}/?code=${code}` })).toBeVisible();

		await page.goto(`${base}/projector/${code}`);
		await expect(page.getByTestId('join-url')).toHaveText(`${wifi}/?code=${code}`);
		await expect(page.getByText(`join at ${wifi}/?code=${code}`)).toBeVisible();
		await expect(page.getByText(/localhost/)).toHaveCount(0);
		await expect(page.getByTestId('join-warning')).toHaveCount(0);
		await expectAccessible(page, 'the projector, lobby, with classroom addresses');
		await screenshots(page, 'join-projector-lan', [360, 1280, 1920]);

		// Students cannot reach the first? The teacher picks the other, and this browser keeps it.
		await page.getByLabel('Students can’t reach this? Try another address of this computer:').selectOption(cable);
		await expect(page.getByTestId('join-url')).toHaveText(`${cable}/?code=${code}`);
		await page.goto(`${base}${consolePage}`);
		await expect(page.getByTestId('join-origin')).toHaveText(cable);
		await expectAccessible(page, 'the console, with classroom addresses');
		// The facilitator's page invites players at the same address.
		await page.goto(`${base}/facilitate/${code}`);
		const invite = page.getByRole('region', { name: 'Invite players' });
		await expect(invite.getByRole('link', { name: `${cable}/?code=${code}` })).toBeVisible();
		await expectAccessible(page, 'the facilitator page, with classroom addresses');
		// A seat moved to another device gets a link at that address too.
		const phone = await (await browser.newContext()).newPage();
		await phone.goto(`${base}/play/${code}`);
		await phone.getByLabel('Your display name').fill('Maya');
		await phone.getByRole('button', { name: /^Take the seat of Ron Dermer/ }).click();
		await expect(phone.getByRole('heading', { level: 1, name: 'Ron Dermer' })).toBeVisible();
		const dermer = page.getByRole('region', { name: 'Seats' }).getByRole('listitem').filter({ hasText: 'Ron Dermer' });
		await dermer.getByRole('button', { name: /Move to another device/ }).click();
		await expect(dermer.getByRole('link', { name: /#seat=/ })).toHaveText(new RegExp(`^${cable.replaceAll('.', '\\.')}/play/${code}#seat=`));
		await page.goto(`${base}${consolePage}`);
		await screenshots(page, 'join-console-lan', [360, 1280, 1920]);
	});
});

test('a server reachable from this computer only: the projector says so, and how to fix it', async ({ page }) => {
	// The suite's own server listens on 127.0.0.1 alone.
	const code = await createClass(page, '');
	await expect(page.getByTestId('join-warning')).toContainText('Students cannot open this address');
	await expectAccessible(page, 'the console, on loopback only');
	await screenshots(page, 'join-console-loopback', [360, 1280, 1920]);
	await page.goto(`/facilitate/${code}`);
	await expect(page.getByRole('region', { name: 'Invite players' }).getByTestId('join-warning')).toContainText('works on this computer only');
	await page.goto(`/projector/${code}`);
	const warning = page.getByTestId('join-warning');
	await expect(warning).toContainText('works on this computer only');
	await expect(warning).toContainText('PUBLIC_URL');
	await expect(page.getByTestId('join-url')).toHaveText(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/\\?code=${code}$`));
	await expectAccessible(page, 'the projector, lobby, on loopback only');
	await screenshots(page, 'join-projector-loopback', [360, 1280, 1920]);
});
