/**
 * Small things a lesson trips over: a room code pasted with a space, a dash or in lower case is
 * taken as it is meant; and what a person looks for — the closed vote's result, the solo game's
 * outcome, the debrief's CSV downloads, its table headers, the clause on the floor — can be
 * found by its role and name, as a screen reader (and a test) finds it. The debrief's charts
 * draw each vote's ballots until the vote closed.
 */
import { expectAccessible } from './facilitator';
import { expect, test } from './fixtures';
import { screenshots } from './screenshots';


test('a room code pasted with spaces, a dash or in lower case opens its room', async ({ page }) => {
	for (const typed of [' K7QM2P', 'K7QM2P ', '  k7qm2p  ', 'K7Q-M2P', 'k7q m2p']) {
		await page.goto('/');
		await page.getByLabel('Room code').fill(typed);
		await page.getByRole('button', { name: 'Join' }).click();
		await expect(page, JSON.stringify(typed)).toHaveURL(/\/play\/K7QM2P$/);
	}
	// The form without its script (a slow phone) goes through /join, which reads the code the same way.
	await page.goto(`/join?code=${encodeURIComponent(' k7q-m2p ')}`);
	await expect(page).toHaveURL(/\/play\/K7QM2P$/);
});

test('a solo game to the debrief: its vote result, outcome, CSV downloads, headers and charts are found by role', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('/');
	const practice = page.getByRole('form', { name: 'Practice alone' });
	await practice.getByLabel('Your display name').fill('Learner');
	await practice.getByRole('button', { name: 'Start practice' }).click();
	await expect(page).toHaveURL(/\/play\/[A-Z2-9]{6}$/);
	const code = page.url().split('/').at(-1)!;
	await page.getByRole('button', { name: 'Next step' }).click();
	await expect(page.getByText('Next: the first clause, Scope.')).toBeVisible();
	await page.getByRole('button', { name: 'Next step' }).click();

	// The clause on the floor is a region named by its title.
	const floor = page.getByRole('region', { name: 'Scope' });
	await expect.soft(floor).toBeVisible();
	await expect.soft(floor).toContainText('Being debated now');

	// One quick vote: the scripted roles vote at once, the learner at once, so it closes within a second.
	await page.getByRole('button', { name: /^Open the vote on (Scope|the amendment)$/ }).click();
	await page.getByRole('button', { name: 'Yes', exact: true }).click();
	// The result stays on the player page while the clause is still on the floor (an amendment, or
	// a required clause back on its next option); once adopted, the game has moved on to the next.
	const result = page.getByRole('status', { name: 'Vote result' });
	const nextClause = page.getByRole('region', { name: 'Activation' });
	await expect(result.or(nextClause).first()).toBeVisible({ timeout: 20_000 });
	if (await result.isVisible()) {
		await expect.soft(result).toContainText(/(Adopted|Not adopted|Amendment passed|Amendment rejected) — \d+ yes/);
		await expectAccessible(page, 'the player page with a closed vote');
		await result.scrollIntoViewIfNeeded();
		await screenshots(page, 'findable-player-result', [360, 1280, 1920]);
	}

	// The learner ends the game from their own game's facilitator page, where the last result is found by its role too.
	await page.goto(`/facilitate/${code}`);
	await expect.soft(page.getByRole('status', { name: 'Vote result' }).first()).toContainText(
		/(Adopted|Not adopted|Amendment passed|Amendment rejected) — \d+ yes/
	);
	await page.getByRole('button', { name: 'End the game' }).click();
	await page.getByRole('button', { name: 'Yes, end the game' }).click();
	await page.goto(`/play/${code}`);
	await expect.soft(page.getByRole('region', { name: /^The outcome The treaty was (not )?signed$/ })).toBeVisible();
	await expect.soft(page.getByRole('heading', { name: /^The treaty was (not )?signed$/ })).toBeVisible();

	await page.goto(`/debrief/${code}`);
	const csv = page.getByRole('button', { name: /Download CSV/ });
	await expect.soft(csv).toBeVisible();
	if (await csv.isVisible()) {
		await csv.click();
		await expect.soft(csv).toHaveAttribute('aria-expanded', 'true');
		await expect.soft(page.getByRole('list', { name: 'CSV files' }).getByRole('button', { name: 'timeline.csv' })).toBeVisible();
	}
	await expect.soft(page.getByRole('columnheader', { name: 'Cards played' })).toBeVisible();

	// Each vote's bands run to the right end of its time axis: the moment the vote closed.
	const chart = page.locator('figure[data-vote="1"] svg');
	await expect(chart).toContainText('closed after');
	const ends = await chart.evaluate((svg) => {
		const axis = [...svg.querySelectorAll('line.axis')].map((l) => Number(l.getAttribute('x2')));
		const bands = [...svg.querySelectorAll('path.band')].map((p) => (p as SVGGraphicsElement).getBBox()).map((b) => b.x + b.width);
		return { axis: Math.max(...axis), bands: Math.max(...bands) };
	});
	expect.soft(ends.bands).toBeCloseTo(ends.axis, 0);
	await expectAccessible(page, 'the debrief');
	await screenshots(page, 'findable-debrief', [360, 1280, 1920]);
});
