/**
 * A teacher on a 1280×800 laptop never scrolls for the next step: the controls to move the game,
 * open and close a vote and run the clock stay in view in every phase, however far down the page
 * they have read.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { everyClauseByHand } from './facilitator';
import { expect, test } from './fixtures';
import { screenshots } from './screenshots';

/** Scrolls to the very bottom of the page, then checks the control is on screen and usable. */
async function reachableFromBottom(page: Page, control: Locator) {
	await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
	await expect(control).toBeInViewport({ ratio: 1 });
	await expect(control).toBeEnabled();
}

test('the facilitator’s primary controls stay in view at 1280×800 in every phase', async ({ page }) => {
	test.setTimeout(120_000);
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/');
	await everyClauseByHand(page);
	await page.getByRole('button', { name: 'Create game' }).click();
	await expect(page).toHaveURL(/\/console\//);
	await page.goto((await page.getByRole('link', { name: 'Run table 1' }).getAttribute('href'))!);

	const start = page.getByRole('button', { name: 'Start the game' });
	await reachableFromBottom(page, start);
	await start.click();

	// Briefing and opening statements: the next step, and the clock.
	for (const phase of ['briefing', 'opening']) {
		const next = page.getByRole('button', { name: 'Next step' });
		await reachableFromBottom(page, next);
		await reachableFromBottom(page, page.getByRole('button', { name: 'Pause' }));
		if (phase === 'opening') await screenshots(page, 'facilitator-bar-opening', [1280]);
		await next.click();
	}

	// A clause: open its vote, close it, and move on, all from the bottom of the page.
	const open = page.getByRole('button', { name: 'Open the vote on Scope' });
	await reachableFromBottom(page, open);
	await open.click();
	const close = page.getByRole('button', { name: 'Close the vote on Scope' });
	await reachableFromBottom(page, close);
	await screenshots(page, 'facilitator-bar-vote', [1280]);
	await close.click();
	await reachableFromBottom(page, page.getByRole('button', { name: 'Next step' }));
	expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

	// Past the last clause, ratification: its vote is in the bar too.
	for (let i = 0; i < 20 && !(await page.getByRole('button', { name: 'Open the ratification vote' }).isVisible()); i++) {
		const skip = page.getByRole('button', { name: /^Skip / });
		if (await skip.isVisible()) await skip.click();
		else await page.getByRole('button', { name: 'Next step' }).click();
		await page.waitForTimeout(100);
	}
	await reachableFromBottom(page, page.getByRole('button', { name: 'Open the ratification vote' }));
});
