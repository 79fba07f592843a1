/**
 * A teacher running a class from the console on a 1280×800 laptop: every table's next step — start,
 * open or close its vote, pause — is on its card and on screen without scrolling, for a class of six
 * tables, in every phase a clause goes through.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { everyClauseByHand } from './facilitator';
import { expect, test } from './fixtures';
import { screenshots } from './screenshots';

const TABLES = 6;

/** Every table's button of this name is inside the viewport, with the page at its top. */
async function everyTableInView(page: Page, name: (table: number) => string) {
	await page.evaluate(() => window.scrollTo(0, 0));
	for (let t = 1; t <= TABLES; t++) {
		const control = page.getByRole('button', { name: name(t), exact: true });
		await expect(control).toBeInViewport({ ratio: 1 });
		await expect(control).toBeEnabled();
	}
}

/** Clicks this button on every table, waiting for each table to take the step. */
async function onEveryTable(page: Page, name: (table: number) => string, after: (table: number) => string) {
	for (let t = 1; t <= TABLES; t++) {
		await page.getByRole('button', { name: name(t), exact: true }).click();
		await expect(page.getByRole('button', { name: after(t), exact: true })).toBeVisible();
	}
}

test('every table’s controls are on the console and on screen at 1280×800', async ({ page }) => {
	test.setTimeout(150_000);
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/');
	await everyClauseByHand(page);
	await page.getByLabel('Number of tables').fill(String(TABLES));
	await page.getByRole('button', { name: `Create ${TABLES} tables` }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Your ${TABLES} tables` })).toBeVisible();

	await everyTableInView(page, (t) => `Start the game at table ${t}`);
	await screenshots(page, 'console-lobby', [1280]);
	await onEveryTable(page, (t) => `Start the game at table ${t}`, (t) => `Next step at table ${t}`);

	// Briefing, then opening statements: the next step and the clock.
	for (const after of [(t: number) => `Next step at table ${t}`, (t: number) => `Open the vote on Scope at table ${t}`]) {
		await everyTableInView(page, (t) => `Next step at table ${t}`);
		await everyTableInView(page, (t) => `Pause at table ${t}`);
		await onEveryTable(page, (t) => `Next step at table ${t}`, after);
	}

	// The first clause: open its vote on every table, then close it, never scrolling.
	await everyTableInView(page, (t) => `Open the vote on Scope at table ${t}`);
	await onEveryTable(page, (t) => `Open the vote on Scope at table ${t}`, (t) => `Close the vote on Scope at table ${t}`);
	await everyTableInView(page, (t) => `Close the vote on Scope at table ${t}`);
	await screenshots(page, 'console-vote', [1280]);
	expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
	// Nobody voted, so Scope, a required clause, comes back on its next option at every table.
	await onEveryTable(page, (t) => `Close the vote on Scope at table ${t}`, (t) => `Open the vote on Scope at table ${t}`);
	await screenshots(page, 'console-comes-back', [1280]);
	await everyTableInView(page, (t) => `Open the vote on Scope at table ${t}`);

	// Paused from the console's bar: every card offers Resume, still in view.
	await page.getByRole('button', { name: 'Pause every table' }).click();
	await expect(page.getByRole('button', { name: `Resume at table ${TABLES}`, exact: true })).toBeVisible();
	await screenshots(page, 'console-paused', [1280]);
	await everyTableInView(page, (t) => `Resume at table ${t}`);
});
