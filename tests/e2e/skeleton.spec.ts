/**
 * A facilitator and three players, each in their own browser context, through the real pages:
 * create, join by code, take seats, vote live, change a vote, close, reload.
 */
import type { Browser, Page } from '@playwright/test';
import { everyClauseByHand } from './facilitator';
import { expect, test } from './fixtures';
import { screenshots } from './screenshots';

async function newPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext();
	return context.newPage();
}

/** Creates a one-table game on the home page and opens that table's facilitator page from the console. */
async function createTable(host: Page): Promise<string> {
	await everyClauseByHand(host);
	await host.getByRole('button', { name: 'Create game' }).click();
	await expect(host).toHaveURL(/\/console\/[A-Z2-9]{10}$/);
	await host.getByRole('link', { name: 'Run table 1' }).click();
	await expect(host).toHaveURL(/\/facilitate\/[A-Z2-9]{6}$/);
	return (await host.getByTestId('room-code').textContent())!.trim();
}

async function joinAs(browser: Browser, code: string, name: string, role: string): Promise<Page> {
	const page = await newPage(browser);
	await page.goto('/');
	await page.getByLabel('Room code').fill(code.toLowerCase());
	await page.getByRole('button', { name: 'Join' }).click();
	await expect(page).toHaveURL(new RegExp(`/play/${code}$`));
	await page.getByLabel('Your display name').fill(name);
	await page.getByRole('button', { name: `Take the seat of ${role}` }).click();
	await expect(page.getByRole('heading', { level: 1, name: role })).toBeVisible();
	return page;
}

test('a facilitator and three players vote on the Scope clause live', async ({ browser }) => {
	const host = await newPage(browser);
	await host.goto('/');
	await screenshots(host, 'home');
	const code = await createTable(host);

	const dermer = await joinAs(browser, code, 'Maya', 'Ron Dermer');
	const chief = await joinAs(browser, code, 'Yoni', 'Lt. Gen. Herzi Halevi');
	const adviser = await joinAs(browser, code, 'Sam', 'White House adviser');
	const players = [dermer, chief, adviser];

	await expect(host.getByRole('region', { name: 'Seats' }).getByText('Maya')).toBeVisible();
	await host.getByRole('button', { name: 'Start the game' }).click();
	await host.getByRole('button', { name: 'Next step' }).click();
	await expect(host.getByText('Next: the first clause, Scope.')).toBeVisible();
	await host.getByRole('button', { name: 'Next step' }).click();
	await host.getByRole('button', { name: 'Open the vote on Scope' }).click();
	for (const page of players) await expect(page.getByRole('heading', { name: 'Scope' })).toBeVisible();

	await dermer.getByRole('button', { name: 'Yes', exact: true }).click();
	await chief.getByRole('button', { name: 'No', exact: true }).click();
	await adviser.getByRole('button', { name: 'Yes', exact: true }).click();
	for (const page of [host, ...players])
		await expect(page.getByTestId('tally-spoken')).toHaveText('2 yes, 1 no, 0 abstain; 3 of 3 ballots in.');
	await expect(dermer.getByRole('button', { name: 'Yes', exact: true })).toHaveAttribute('aria-pressed', 'true');
	await screenshots(dermer, 'player-voting');
	await screenshots(host, 'facilitator-voting');

	// The chief changes their mind; every browser sees it without a reload.
	await chief.getByRole('button', { name: 'Yes', exact: true }).click();
	for (const page of [host, ...players])
		await expect(page.getByTestId('tally-spoken')).toHaveText('3 yes, 0 no, 0 abstain; 3 of 3 ballots in.');

	// A reload keeps the seat and the ballot.
	await chief.reload();
	await expect(chief.getByRole('heading', { level: 1, name: 'Lt. Gen. Herzi Halevi' })).toBeVisible();
	await expect(chief.getByRole('button', { name: 'Yes', exact: true })).toHaveAttribute('aria-pressed', 'true');

	await host.getByRole('button', { name: 'Close the vote on Scope' }).click();
	for (const page of [host, ...players]) await expect(page.getByTestId('vote-result')).toContainText('Adopted');
	await screenshots(adviser, 'player-result');

	// The facilitator link still works after a reload.
	await host.reload();
	await expect(host.getByTestId('room-code')).toHaveText(code);
	await expect(host.getByTestId('vote-result')).toContainText('Adopted');
	await screenshots(host, 'facilitator-result');
});

test('a wrong room code is explained where the player acted', async ({ browser }) => {
	const page = await newPage(browser);
	await page.goto('/');
	await page.getByLabel('Room code').fill('12');
	await page.getByRole('button', { name: 'Join' }).click();
	await expect(page.getByRole('alert')).toContainText('6 characters');

	await page.goto('/play/ZZZZZZ');
	await expect(page.getByRole('alert')).toContainText('There is no game with the code ZZZZZZ');
	await screenshots(page, 'player-unknown-room');
});

test('a seat taken by someone else cannot be taken twice', async ({ browser }) => {
	const host = await newPage(browser);
	await host.goto('/');
	const code = await createTable(host);

	// Two players look at the free seats; the first takes the Mossad seat.
	const late = await newPage(browser);
	await late.goto(`/play/${code}`);
	await late.getByLabel('Your display name').fill('Late');
	await joinAs(browser, code, 'First', 'David Barnea');
	await expect(late.getByText('Taken by First')).toBeVisible();
	await expect(late.getByRole('button', { name: 'Take the seat of David Barnea' })).toHaveCount(0);
	await screenshots(late, 'seat-picker');
});
