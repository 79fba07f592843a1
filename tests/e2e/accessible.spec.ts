/**
 * axe finds nothing wrong on any page, in any phase of a game: the console, the facilitator page,
 * the projector, a student's phone and laptop, then the debrief, a source and the home page.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { everyClauseByHand, expectAccessible, newPage } from './facilitator';

/** A student who joins by the room code and takes this seat. */
async function student(browser: Browser, code: string, seat: string, viewport: { width: number; height: number }): Promise<Page> {
	const page = await newPage(browser, viewport);
	await page.goto(`/?code=${code}`);
	await expect(page.getByLabel('Room code')).toHaveValue(code);
	await page.getByRole('button', { name: 'Join' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Join room ${code}` })).toBeVisible();
	await page.getByLabel('Your display name').fill(seat.split(' ')[0]);
	await page.getByRole('button', { name: `Take the seat of ${seat}` }).click();
	await expect(page.getByRole('heading', { level: 1, name: seat })).toBeVisible();
	return page;
}

test('no page has an axe violation in any phase of a game', async ({ page, browser }) => {
	test.setTimeout(600_000);
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/');
	await expectAccessible(page, 'the home page');
	// Every clause, and no countdown moving the game on while axe reads the pages.
	await everyClauseByHand(page);
	// Two Israeli students and no US seat: under simple majority their votes carry a clause.
	await page.getByRole('radio', { name: /Simple majority/ }).check();
	await page.getByRole('button', { name: 'Create game' }).click();
	await expect(page).toHaveURL(/\/console\//);
	const consoleUrl = page.url();
	const run = (await page.getByRole('link', { name: 'Run table 1' }).getAttribute('href'))!;
	const code = run.match(/facilitate\/(\w{6})/)![1];

	const host = await newPage(browser, { width: 1280, height: 800 });
	await host.goto(run);
	const projector = await newPage(browser, { width: 1920, height: 1080 });
	await projector.goto(`/projector/${code}`);
	const phone = await student(browser, code, 'Ron Dermer', { width: 360, height: 740 });
	const laptop = await student(browser, code, 'David Barnea', { width: 1280, height: 800 });
	await page.goto(consoleUrl);

	const pages = { 'the console': page, 'the facilitator page': host, 'the projector': projector, 'a phone': phone, 'a laptop': laptop };
	async function everyPage(phase: string) {
		await test.step(phase, async () => {
			for (const [what, p] of Object.entries(pages)) await expectAccessible(p, `${what} (${phase})`);
		});
	}
	const click = (name: string) => host.getByRole('button', { name, exact: true }).click();

	await everyPage('lobby');
	await click('Start the game');
	await expect(projector.getByText('Briefing').first()).toBeVisible();
	await everyPage('briefing');
	await click('Next step');
	await everyPage('opening statements');
	await click('Next step');
	await expect(host.getByRole('button', { name: 'Open the vote on Scope' })).toBeVisible();
	await everyPage('debate');
	await click('Open the vote on Scope');
	await expect(phone.getByRole('button', { name: 'Yes', exact: true })).toBeAttached();
	await everyPage('vote open');
	await laptop.getByRole('button', { name: 'No', exact: true }).click();
	await click('Close the vote on Scope');
	// Scope is required: voted down, it comes back on its next option, which the laptop then carries.
	await expect(host.getByRole('button', { name: 'Open the vote on Scope' })).toBeVisible();
	await everyPage('a required clause back on its next option');
	await click('Open the vote on Scope');
	await laptop.getByRole('button', { name: 'Yes', exact: true }).click();
	await click('Close the vote on Scope');
	await expect(host.getByRole('button', { name: 'Vote again on Scope' })).toBeVisible();
	await everyPage('result');

	// On to the final vote: skip every other clause.
	for (let i = 0; i < 20 && !(await host.getByRole('button', { name: 'Open the ratification vote' }).isVisible()); i++) {
		const skip = host.getByRole('button', { name: /^Skip / });
		if (await skip.isVisible()) await skip.click();
		else await click('Next step');
		await host.waitForTimeout(150);
	}
	await everyPage('ratification');
	await click('Open the ratification vote');
	await everyPage('ratification vote open');
	await click('Close the ratification vote');
	await expect(page.getByRole('article').first().getByTestId('phase')).toHaveText('Debrief');
	await everyPage('debrief');

	await host.goto(`/debrief/${code}`);
	await expect(host.getByRole('heading', { level: 1 })).toBeVisible();
	await expectAccessible(host, 'the debrief page');
	await host.goto('/sources/000_6c2eec980ca2c237.txt');
	await expect(host.getByRole('heading', { level: 1 })).toBeVisible();
	await expectAccessible(host, 'a source');
});
