/**
 * The player and projector pages through a whole game: a facilitator (driven over Socket.IO, as
 * the console would) and two players in their own browser contexts go from the lobby through the
 * briefing, the opening statements, a clause with an argument, an amendment and a changed vote,
 * a seat moved to another device, ratification and the debrief; the projector shows the code and
 * QR in the lobby and the live tally during the vote. Axe checks each page on the way.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectAccessible, Facilitator, newPage } from './facilitator';
import { fileURLToPath } from 'node:url';
import { screenshots } from './screenshots';

/** Phone and laptop screenshots of a player's page, checking that a 360 px phone never scrolls sideways. */
async function playerShots(page: Page, name: string) {
	const original = page.viewportSize();
	await page.setViewportSize({ width: 360, height: 780 });
	const wide = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(wide, `${name} at 360 px wide`).toBeLessThanOrEqual(360);
	if (original) await page.setViewportSize(original);
	await screenshots(page, name);
}

/** The projector at a classroom screen's width, besides the usual phone and laptop shots. */
async function projectorShots(page: Page, name: string) {
	await screenshots(page, name);
	await page.setViewportSize({ width: 1920, height: 1080 });
	await page.screenshot({ path: fileURLToPath(new URL(`../../test-output/screenshots/${name}-1920.png`, import.meta.url)), fullPage: true });
	await page.setViewportSize({ width: 1600, height: 900 });
}

test('two players and a projector play a game from the lobby to the debrief', async ({ browser, baseURL }) => {
	test.setTimeout(180_000);
	const host = await Facilitator.create(baseURL!);
	const code = host.code;

	// The projector, in the lobby: the code, the join link and its QR code, the seats.
	const projector = await newPage(browser);
	await projector.setViewportSize({ width: 1600, height: 900 });
	await projector.goto(`/projector/${code}`);
	await expect(projector.getByTestId('room-code')).toHaveText(code);
	await expect(projector.getByText(`/?code=${code}`).first()).toBeVisible();
	await expect(projector.getByRole('img', { name: `QR code: scan to join room ${code}` })).toBeVisible();
	await expectAccessible(projector, 'the projector in the lobby');
	await projectorShots(projector, 'projector-lobby');

	// Two players take seats.
	const maya = await newPage(browser);
	await maya.goto(`/play/${code}`);
	await expect(maya.getByRole('heading', { level: 1, name: `Join room ${code}` })).toBeVisible();
	await maya.getByRole('button', { name: 'Take the seat of Ron Dermer' }).click();
	await expect(maya.getByRole('alert')).toHaveText('Enter your display name first.');
	await maya.getByLabel('Your display name').fill('Maya');
	await expectAccessible(maya, 'the seat picker');
	await playerShots(maya, 'player-seat-picker');
	await maya.getByRole('button', { name: 'Take the seat of Ron Dermer' }).click();
	await expect(maya.getByRole('heading', { level: 1, name: 'Ron Dermer' })).toBeVisible();

	const sam = await newPage(browser);
	await sam.goto(`/play/${code}`);
	await sam.getByLabel('Your display name').fill('Sam');
	await sam.getByRole('button', { name: 'Take the seat of White House adviser' }).click();
	await expect(sam.getByRole('heading', { level: 1, name: 'White House adviser' })).toBeVisible();
	await expect(projector.getByRole('heading', { name: 'Seats: 2 of 4 taken' })).toBeVisible();
	await playerShots(maya, 'player-lobby');

	// Briefing: the brief, objectives, the hand, and the private poll.
	await host.act({ type: 'start' });
	await expect(maya.getByRole('heading', { name: 'Your private brief' })).toBeVisible();
	await expect(maya.getByRole('heading', { name: 'What you want the treaty to say' })).toBeVisible();
	await expect(maya.locator('[aria-current="step"]')).toContainText('Briefing');
	await expect(maya.getByRole('timer').first()).toBeVisible();
	await maya.getByRole('radio', { name: 'Probably yes' }).check();
	await maya.getByRole('button', { name: 'Send my answer' }).click();
	await expect(maya.getByText('Counted. You answered: Probably yes')).toBeVisible();
	await expectAccessible(maya, 'the briefing');
	await playerShots(maya, 'player-briefing');
	await projectorShots(projector, 'projector-briefing');

	// Opening statements: one card each, with words.
	await host.act({ type: 'advance' });
	await expect(maya.getByRole('heading', { name: 'Your opening statement' })).toBeVisible();
	const openingCard = maya.getByRole('button', { name: /^Open with this card/ }).first();
	const openingTitle = (await maya.locator('.hand li').first().getByRole('heading').textContent())!.trim();
	await openingCard.click();
	await expect(maya.getByRole('combobox', { name: 'Card (optional)' })).toHaveValue(/.+/);
	await maya.getByLabel('Your statement').fill('A narrow pact keeps our hands free.');
	await expect(maya.getByText('35 / 500 characters')).toBeVisible();
	await maya.getByRole('button', { name: 'Make my opening statement' }).click();
	await expect(maya.getByRole('status').filter({ hasText: 'Your opening statement is on the table.' })).toBeVisible();
	await expect(sam.locator('.feed')).toContainText('A narrow pact keeps our hands free.');
	await expect(sam.locator('.feed')).toContainText(openingTitle);
	await expect(projector.locator('.feed')).toContainText('A narrow pact keeps our hands free.');
	// One opening card per role: the form says so instead of offering another.
	await expect(maya.getByText('You have played your one opening card')).toBeVisible();

	// The speaker queue: Sam raises a hand, the facilitator gives Sam the floor.
	await sam.getByRole('button', { name: 'Raise my hand' }).click();
	await expect(sam.getByText('Your hand is up: #1 in the queue.')).toBeVisible();
	await expect(projector.getByText('Hands up, in order')).toBeVisible();
	await host.act({ type: 'giveFloor', seat: 'white-house-adviser-1' });
	await expect(sam.getByText('It is your turn to speak.')).toBeVisible();
	await expect(maya.locator('.speaker')).toContainText('Speaking now Sam (White House adviser — National Security Adviser)');
	await expect(projector.locator('.speaker')).toContainText('Sam');
	await playerShots(maya, 'player-opening');
	await projectorShots(projector, 'projector-opening');

	// Clause by clause: Scope is on the floor.
	await host.act({ type: 'advance' });
	await expect(maya.getByRole('heading', { level: 2, name: 'Scope' })).toBeVisible();
	await expect(projector.getByRole('heading', { name: 'Scope' })).toBeVisible();

	// Maya plays a card for the variant on the floor, with words.
	const cardTitle = (await maya.locator('.hand li').first().getByRole('heading').textContent())!.trim();
	await maya.getByRole('button', { name: /^Play this card/ }).first().click();
	await maya.getByRole('radio', { name: 'For it' }).check();
	await maya.getByLabel('Your argument').fill('Only threats to survival: that is what a pact is for.');
	await maya.getByRole('button', { name: 'Post my argument' }).click();
	await expect(maya.getByRole('status').filter({ hasText: 'Your argument is on the table.' })).toBeVisible();
	await expect(sam.locator('.feed li').first()).toContainText('Only threats to survival');
	await expect(sam.locator('.feed li').first()).toContainText('For');
	await expect(sam.locator('.feed li').first()).toContainText(cardTitle);

	// A pause stops the clock and says so.
	await host.act({ type: 'pause' });
	await expect(maya.getByRole('status').filter({ hasText: 'The facilitator has paused the game' })).toBeVisible();
	await expect(projector.getByText('Paused by the facilitator')).toBeVisible();
	await playerShots(maya, 'player-clause-paused');
	await host.act({ type: 'resume' });
	await expect(maya.getByText('The facilitator has paused the game')).toHaveCount(0);

	// Sam proposes an amendment; both see it pending, and it is voted first.
	await sam.getByLabel('Switch Scope to').selectOption({ label: 'Only attacks or nuclear threats from Iran count.' });
	await sam.getByRole('button', { name: 'Propose this amendment' }).click();
	for (const page of [maya, sam, projector])
		await expect(page.getByTestId('pending-amendment')).toContainText(
			'Amendment by Sam (White House adviser — National Security Adviser): switch to “Only attacks or nuclear threats from Iran count.”'
		);
	await expect(sam.getByText('You have 1 amendment left')).toBeVisible();
	await expect(sam.getByRole('button', { name: 'Withdraw my amendment' })).toBeVisible();
	await expect(maya.getByRole('button', { name: 'Withdraw my amendment' })).toHaveCount(0);

	await host.act({ type: 'openVote' });
	await expect(maya.getByText('Amendment vote')).toBeVisible();
	await maya.getByRole('button', { name: 'No', exact: true }).click();
	await sam.getByRole('button', { name: 'Yes', exact: true }).click();
	await expect(projector.getByTestId('tally-spoken')).toHaveText('1 yes, 1 no, 0 abstain; 2 of 2 ballots in.');
	await host.act({ type: 'closeVote' });
	await expect(maya.getByTestId('vote-result')).toContainText('Amendment rejected');
	await expect(maya.getByTestId('pending-amendment')).toHaveCount(0);

	// The clause vote: Sam votes no, then changes to yes with a reason citing Maya's card.
	await host.act({ type: 'openVote' });
	await expect(maya.getByText('Clause vote')).toBeVisible();
	await maya.getByRole('button', { name: 'Yes', exact: true }).click();
	await expect(maya.getByRole('button', { name: 'Yes', exact: true })).toHaveAttribute('aria-pressed', 'true');
	await sam.getByRole('button', { name: 'No', exact: true }).click();
	await expect(projector.getByTestId('tally-spoken')).toHaveText('1 yes, 1 no, 0 abstain; 2 of 2 ballots in.');
	await expectAccessible(maya, 'a clause with an open vote');
	await playerShots(sam, 'player-clause-vote');
	await projectorShots(projector, 'projector-vote');

	await sam.getByLabel('Your reason').fill('The card convinced me: keep it narrow.');
	const cite = sam.getByLabel('Cite a card from the table');
	await cite.selectOption((await cite.locator('option', { hasText: cardTitle }).getAttribute('value'))!);
	await sam.getByRole('button', { name: 'Yes', exact: true }).click();
	await expect(sam.getByRole('button', { name: 'Yes', exact: true })).toHaveAttribute('aria-pressed', 'true');
	await expect(sam.getByRole('button', { name: 'No', exact: true })).toHaveAttribute('aria-pressed', 'false');
	for (const page of [maya, sam, projector])
		await expect(page.getByTestId('tally-spoken')).toHaveText('2 yes, 0 no, 0 abstain; 2 of 2 ballots in.');
	// Named ballots: everyone sees who voted what, and why.
	await expect(maya.getByRole('list', { name: 'Who voted what' })).toContainText('The card convinced me: keep it narrow.');
	await expect(maya.getByRole('list', { name: 'Who voted what' })).toContainText(`citing ${cardTitle}`);
	await playerShots(maya, 'player-vote-changed');

	await host.act({ type: 'closeVote' });
	for (const page of [maya, sam, projector]) await expect(page.getByTestId('vote-result')).toContainText('Adopted');
	await expect(maya.getByTestId('vote-result')).toContainText('Israeli side agreed · US side agreed');
	await playerShots(maya, 'player-clause-result');

	// The facilitator moves Sam's seat to another device: the old page is told and shows the seats;
	// the new link seats the new device.
	const token = await host.reissue('white-house-adviser-1');
	await expect(sam.getByRole('alert').filter({ hasText: 'moved to another device' })).toBeVisible();
	await expect(sam.getByRole('heading', { name: 'Choose your seat' })).toBeVisible();
	const samPhone = await newPage(browser);
	await samPhone.goto(`/play/${code}#seat=${token}`);
	await expect(samPhone.getByRole('heading', { level: 1, name: 'White House adviser' })).toBeVisible();
	await expect(samPhone).toHaveURL(new RegExp(`/play/${code}$`));

	// Ratification: the other clauses are set aside, then the whole text is voted.
	await host.act({ type: 'advance' });
	for (let i = 0; i < 10; i++) await host.act({ type: 'skipClause' });
	await expect(maya.getByRole('heading', { name: 'The treaty as it stands' })).toBeVisible();
	await host.act({ type: 'openVote' });
	await expect(maya.getByText('Final vote (ratification): sign the whole treaty as it now stands?')).toBeVisible();
	await maya.getByRole('button', { name: 'Yes', exact: true }).click();
	await samPhone.getByRole('button', { name: 'Yes', exact: true }).click();
	await expect(projector.getByTestId('tally-spoken')).toHaveText('2 yes, 0 no, 0 abstain; 2 of 2 ballots in.');
	await playerShots(maya, 'player-ratification');
	await projectorShots(projector, 'projector-ratification');
	await host.act({ type: 'closeVote' });

	// The debrief: outcome, score, every role's objectives, the after-poll.
	await expect(maya.getByTestId('outcome')).toContainText('The treaty was signed');
	await expect(maya.getByRole('heading', { name: /Your score: \d+ \/ 100/ })).toBeVisible();
	await expect(maya.getByRole('table')).toContainText('White House adviser');
	await expect(maya.getByRole('link', { name: /full debrief/ })).toHaveAttribute('href', `/debrief/${code}`);
	await maya.getByRole('radio', { name: 'Definitely yes' }).check();
	await maya.getByRole('button', { name: 'Send my answer' }).click();
	await expect(maya.getByText('Counted. You answered: Definitely yes')).toBeVisible();
	await expect(maya.getByText('Before the game you answered: Probably yes.')).toBeVisible();
	await expectAccessible(maya, 'the debrief');
	await playerShots(maya, 'player-debrief');

	await expect(projector.getByTestId('outcome')).toContainText('The treaty was signed');
	await expect(projector.getByRole('table')).toContainText('Ron Dermer');
	await expectAccessible(projector, 'the projector at the debrief');
	await projectorShots(projector, 'projector-debrief');
	host.close();
});

test('the projector never enters with a seat this browser holds', async ({ browser, baseURL }) => {
	const host = await Facilitator.create(baseURL!);
	const page = await newPage(browser);
	await page.goto(`/play/${host.code}`);
	await page.getByLabel('Your display name').fill('Noor');
	await page.getByRole('button', { name: 'Take the seat of David Barnea' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'David Barnea' })).toBeVisible();
	await host.act({ type: 'start' });
	await expect(page.getByRole('heading', { name: 'Your private brief' })).toBeVisible();

	// Same browser, same storage: the projector still shows only the public view.
	await page.goto(`/projector/${host.code}`);
	await expect(page.getByRole('heading', { name: 'Briefing' })).toBeVisible();
	await expect(page.getByText('Your private brief')).toHaveCount(0);
	await expect(page.getByText('What you want the treaty to say')).toHaveCount(0);
	host.close();
});

test('a hidden tally and secret ballots show only how many have voted until the close', async ({ browser, baseURL }) => {
	const host = await Facilitator.create(baseURL!, { tally: 'hidden', ballots: 'secret' });
	const projector = await newPage(browser);
	await projector.goto(`/projector/${host.code}`);
	const players: Page[] = [];
	for (const [name, role] of [
		['Ana', 'Ron Dermer'],
		['Ben', 'White House adviser']
	]) {
		const page = await newPage(browser);
		await page.goto(`/play/${host.code}`);
		await page.getByLabel('Your display name').fill(name);
		await page.getByRole('button', { name: `Take the seat of ${role}` }).click();
		await expect(page.getByRole('heading', { level: 1, name: role })).toBeVisible();
		players.push(page);
	}
	const [ana, ben] = players;
	await host.act({ type: 'start' });
	await host.act({ type: 'advance' });
	await host.act({ type: 'advance' });
	await host.act({ type: 'openVote' });
	await ana.getByLabel('Your reason').fill('Narrow is safer.');
	await ana.getByRole('button', { name: 'Yes', exact: true }).click();
	await expect(ana.getByTestId('my-vote')).toContainText('Your vote: Yes — “Narrow is safer.”');
	for (const page of [ana, ben, projector]) {
		await expect(page.getByText('Hidden until the vote closes: 1 of 2 ballots in')).toBeVisible();
		await expect(page.getByTestId('tally-spoken')).toHaveText('Tally hidden until the vote closes; 1 of 2 ballots in.');
	}
	await playerShots(ben, 'player-hidden-tally');
	await ben.getByRole('button', { name: 'No', exact: true }).click();
	await host.act({ type: 'closeVote' });
	for (const page of [ana, ben, projector]) {
		await expect(page.getByTestId('vote-result')).toContainText('Not adopted — 1 yes, 1 no, 0 abstain');
		// Secret ballots: the reasons are shown, never who gave them.
		await expect(page.getByRole('list', { name: 'Who voted what' })).toHaveCount(0);
	}
	await expect(ben.getByText('“Narrow is safer.”')).toBeVisible();
	await expect(ben.getByText('Ana (Ron Dermer)')).toHaveCount(0);
	host.close();
});
