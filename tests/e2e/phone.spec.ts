/**
 * The player page on a phone (360×740): what to do now is at the top; a vote that opens while
 * the ballot is out of sight is announced, and one tap takes the student to it; the reason comes
 * before the Yes/No/Abstain buttons; the page is cut into sections, so one clause is no more
 * than about three screens; and a solo game never speaks of a facilitator who is not there.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectAccessible, Facilitator, newPage } from './facilitator';
import { screenshots } from './screenshots';

const phone = { width: 360, height: 740 };
const sizes = [360, 1280, 1920];

/** The page's full height, in px. */
const pageHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);

test('a phone player follows a clause: the task, the sections, the vote banner and the ballot', async ({ browser, baseURL }) => {
	test.setTimeout(180_000);
	const host = await Facilitator.create(baseURL!);
	const maya = await newPage(browser, phone);
	await maya.goto(`/play/${host.code}`);
	await maya.getByLabel('Your display name').fill('Maya');
	await maya.getByRole('button', { name: 'Take the seat of Ron Dermer' }).click();
	const task = maya.getByRole('region', { name: 'What to do now' });
	await expect(task).toContainText('Wait for the game to start');
	await expectAccessible(maya, 'the phone in the lobby');
	await screenshots(maya, 'phone-lobby', sizes);

	await host.act({ type: 'start' });
	await expect(task).toContainText('Answer the opinion poll');
	await expectAccessible(maya, 'the phone in the briefing');
	await host.act({ type: 'advance' });
	await expect(task).toContainText('opening statement');
	await expectAccessible(maya, 'the phone in the opening statements');

	await host.act({ type: 'advance' });
	await expect(task).toContainText('Scope');
	// The sections: real tabs, one shown at a time on a phone, the vote first.
	const tabs = maya.getByRole('tablist', { name: 'Sections' });
	await expect(tabs.getByRole('tab')).toHaveText(['Vote', 'My hand', 'My brief', 'Debate']);
	await expect(tabs.getByRole('tab', { name: 'Vote' })).toHaveAttribute('aria-selected', 'true');
	expect(await pageHeight(maya), 'a clause’s debate at 360×740').toBeLessThanOrEqual(3 * phone.height);
	for (const name of ['My hand', 'My brief', 'Debate', 'Vote']) {
		await tabs.getByRole('tab', { name }).click();
		await expect(maya.getByRole('tabpanel', { name })).toBeVisible();
		await expect(maya.getByRole('tabpanel')).toHaveCount(1);
		test.info().annotations.push({ type: 'height', description: `${name}: ${await pageHeight(maya)} px` });
	}
	// Arrow keys move between the tabs, as in any tab list.
	await tabs.getByRole('tab', { name: 'Debate' }).focus();
	await maya.keyboard.press('ArrowRight');
	await expect(tabs.getByRole('tab', { name: 'Vote' })).toBeFocused();
	await expect(tabs.getByRole('tab', { name: 'Vote' })).toHaveAttribute('aria-selected', 'true');
	await expectAccessible(maya, 'the phone in a clause’s debate');
	await screenshots(maya, 'phone-debate', sizes);

	// Scrolled to the bottom of the table's arguments, the student is told the vote has opened.
	await tabs.getByRole('tab', { name: 'Debate' }).click();
	await maya.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
	const banner = maya.getByTestId('vote-call');
	await expect(banner).toBeHidden();
	await host.act({ type: 'openVote' });
	await expect(banner).toBeVisible();
	await expect(banner).toContainText('The vote on Scope is open');
	// Its words are in a polite live region, so a screen reader announces them.
	const live = maya.locator('[role="status"][aria-live="polite"]', { has: banner });
	await expect(live).toHaveCount(1);
	await expectAccessible(maya, 'the phone with the vote banner');
	await banner.getByRole('button').click();
	const reason = maya.getByLabel('Your reason');
	await expect(reason).toBeInViewport();
	await expect(reason).toBeFocused();
	await expect(maya.getByRole('button', { name: 'Yes', exact: true })).toBeInViewport();
	await expect(banner).toBeHidden();
	await expect(task).toContainText('Vote');

	// The reason comes before the buttons, in the page and in the tab order.
	const order = await maya.evaluate(() => {
		const reasonField = document.querySelector('input[id$="-reason"]')!;
		const yes = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Yes')!;
		return reasonField.compareDocumentPosition(yes) & Node.DOCUMENT_POSITION_FOLLOWING;
	});
	expect(order, 'the reason field precedes the Yes button').toBeTruthy();
	await maya.keyboard.press('Tab');
	await expect(maya.getByRole('button', { name: 'Yes', exact: true })).toBeFocused();
	expect(await pageHeight(maya), 'a clause with its vote open at 360×740').toBeLessThanOrEqual(3 * phone.height);
	await expectAccessible(maya, 'the phone with the vote open');
	await screenshots(maya, 'phone-vote-open', sizes);

	// Once voted, the banner stays away even with the ballot out of sight.
	await reason.fill('Keep it narrow.');
	await maya.getByRole('button', { name: 'Yes', exact: true }).click();
	await expect(maya.getByTestId('my-vote')).toContainText('Your vote: Yes');
	await tabs.getByRole('tab', { name: 'Debate' }).click();
	await expect(banner).toBeHidden();
	await expect(task).toContainText('You voted Yes');

	await host.act({ type: 'closeVote' });
	await tabs.getByRole('tab', { name: 'Vote' }).click();
	// A table without experts hears nothing of them; the sides' outcome is in plain words.
	await expect(maya.getByTestId('vote-result')).toContainText('Not adopted');
	await expect(maya.getByTestId('vote-result')).toContainText('Israeli side agreed · US side did not agree');
	await expect(maya.locator('main')).not.toContainText(/expert|key turned|not turned|quorum/i);
	await expectAccessible(maya, 'the phone with the result');
	await screenshots(maya, 'phone-result', sizes);

	await host.act({ type: 'end' });
	await expect(maya.getByTestId('outcome')).toBeVisible();
	await expect(task).toContainText('your score');
	await expect(maya.locator('main')).not.toContainText(/\bstance\b|not met/i);
	await expectAccessible(maya, 'the phone at the debrief');
	await screenshots(maya, 'phone-debrief', sizes);
	host.close();
});

test('a solo game on a phone never speaks of a facilitator, and offers the facilitator’s “Next step”', async ({ browser }) => {
	test.setTimeout(120_000);
	const page = await newPage(browser, phone);
	await page.goto('/');
	const practice = page.getByRole('form', { name: 'Practice alone' });
	await practice.getByLabel('Your display name').fill('Learner');
	await practice.getByRole('button', { name: 'Start practice' }).click();
	await expect(page).toHaveURL(/\/play\/[A-Z2-9]{6}$/);
	const main = page.locator('main');
	const noFacilitator = async (when: string) => {
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		// Every section's words, the hidden ones included.
		const text = await main.evaluate((m) => m.textContent ?? '');
		expect(text, `solo text in ${when}`).not.toMatch(/facilitator/i);
	};

	await expect(page.getByRole('button', { name: 'Next step' })).toBeVisible();
	await expect(page.getByText('Next: opening statements.')).toBeVisible();
	await noFacilitator('the briefing');
	await page.getByRole('button', { name: 'Next step' }).click();
	await expect(page.getByText('Next: the first clause, Scope.')).toBeVisible();
	await noFacilitator('the opening statements');
	await page.getByRole('button', { name: 'Next step' }).click();

	// A scripted role may propose an amendment first: it is voted before the clause.
	const open = page.getByRole('button', { name: /^Open the vote on (Scope|the amendment)$/ });
	await expect(open).toBeVisible();
	await expect(page.getByRole('region', { name: 'What to do now' })).toContainText('Scope');
	await noFacilitator('a clause’s debate');
	await expectAccessible(page, 'solo debate on a phone');
	const next = page.getByRole('button', { name: 'Open the vote on Activation' });
	const yes = page.getByRole('button', { name: 'Yes', exact: true });
	for (let round = 0; round < 6 && !(await next.isVisible()); round++) {
		await expect(open.or(yes).or(next).first()).toBeVisible();
		if (await open.isVisible()) {
			await open.click();
			await expect(yes).toBeVisible();
			await noFacilitator('an open vote');
			await yes.click();
		}
		await page.waitForTimeout(300);
	}
	// The scripted roles have voted: the vote closes and the game moves on to the next clause.
	await expect(next).toBeVisible();
	await noFacilitator('the next clause');
	await expectAccessible(page, 'solo next clause on a phone');
});
