/**
 * Solo practice through the real pages: a learner picks a role on the home page, scripted roles
 * take every other seat, and the game runs to the debrief, which explains how each bot voted.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { screenshots } from './screenshots';

/**
 * Plays the learner's part until the outcome shows: opens each vote the learner is asked to call,
 * and casts `choice` in every vote (after `beforeVoting`, for a look at the vote panel).
 */
async function voteToTheEnd(page: Page, choice: 'Yes' | 'No', rounds: number, beforeVoting?: (round: number) => Promise<void>) {
	const outcome = page.getByTestId('outcome');
	for (let round = 0; round < rounds && !(await outcome.isVisible()); round++) {
		const call = page.getByRole('button', { name: /^(Open the vote on|Vote again on) / });
		const ballot = page.getByRole('button', { name: choice, exact: true });
		await expect(call.or(ballot).or(outcome).first()).toBeVisible({ timeout: 15_000 });
		if (await ballot.isVisible()) {
			await beforeVoting?.(round);
			if ((await ballot.getAttribute('aria-pressed')) !== 'true') await ballot.click();
			await page.waitForTimeout(300);
		} else if (await call.isVisible()) await call.click();
	}
}

test('a learner plays Ron Dermer alone against scripted roles, to the debrief', async ({ page }) => {
	test.setTimeout(180_000);
	await page.goto('/');
	const practice = page.getByRole('form', { name: 'Practice alone' });
	await practice.getByLabel('Your role').selectOption({ label: 'Ron Dermer — Strategic Affairs Minister' });
	await practice.getByLabel('Your display name').fill('Learner');
	await practice.getByRole('button', { name: 'Start practice' }).click();
	await expect(page).toHaveURL(/\/play\/[A-Z2-9]{6}$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Ron Dermer' })).toBeVisible();

	// The autopilot has started the game; the briefing waits for the learner.
	await expect(page.getByRole('button', { name: 'Next step' })).toBeVisible();
	await expect(page.getByText('Next: opening statements.')).toBeVisible();
	await screenshots(page, 'solo-briefing');
	await page.getByRole('button', { name: 'Next step' }).click();
	await expect(page.getByText('Next: the first clause, Scope.')).toBeVisible();
	await page.getByRole('button', { name: 'Next step' }).click();

	// Every clause: open the vote, vote yes; the scripted roles vote at once and the game moves on.
	const outcome = page.getByTestId('outcome');
	await voteToTheEnd(page, 'Yes', 40);
	await expect(outcome).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Why the scripted roles voted as they did' })).toBeVisible();
	await page.getByText(/^Scope: adopt/).first().click();
	await expect(page.getByText(/David Barnea/).first()).toBeVisible();
	// Each scripted role gives its own sentence: no two the same in one vote.
	const reasons = await page.locator('details[open] .reason').allInnerTexts();
	expect(reasons.length).toBeGreaterThan(2);
	expect(new Set(reasons.map((r) => r.replace(/ “.*$/, ''))).size).toBe(reasons.length);

	// Coaching: whom the learner moved, what they won and lost, and one thing to try next.
	const coaching = page.getByRole('region', { name: 'Coaching: how your game went' });
	await expect(coaching.getByRole('heading', { name: 'Whom you moved' })).toBeVisible();
	await expect(coaching.getByRole('heading', { name: 'What you left on the table' })).toBeVisible();
	await expect(coaching.getByTestId('coaching-next')).not.toBeEmpty();
	await coaching.scrollIntoViewIfNeeded();
	await screenshots(page, 'solo-coaching', [360, 1280]);
	await screenshots(page, 'solo-debrief');
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test('a learner at the White House under simple majority votes every text down, and coaching credits the votes', async ({ page }) => {
	test.setTimeout(180_000);
	await page.goto('/');
	const practice = page.getByRole('form', { name: 'Practice alone' });
	await practice.getByLabel('Your role').selectOption({ label: 'White House adviser — National Security Adviser' });
	const rule = practice.getByLabel('Voting rule');
	await expect(rule).toHaveValue('dual-key');
	await rule.selectOption({ label: 'Simple majority' });
	// The rule is explained where it is chosen.
	await expect(practice.getByText(/^More yes than no among the votes cast/)).toBeVisible();
	await practice.getByLabel('Your display name').fill('Learner');
	await practice.getByRole('button', { name: 'Start practice' }).click();
	await expect(page).toHaveURL(/\/play\/[A-Z2-9]{6}$/);
	await page.getByRole('button', { name: 'Next step' }).click();
	await page.getByRole('button', { name: 'Next step' }).click();

	// Every vote, ratification too: No.
	const outcome = page.getByTestId('outcome');
	await voteToTheEnd(page, 'No', 60, async (round) => {
		// Simple majority is the rule the vote panel explains.
		if (round < 4) await expect(page.getByText(/Most votes win: it passes with more yes than no votes\./).first()).toBeVisible();
	});
	await expect(outcome).toBeVisible();

	// Dermer gave way to Washington, and said so in his voice …
	const heed = page.locator('.reason', { hasText: /^Washington objects, and the pact needs Washington's signature: I let go of / });
	expect(await heed.count()).toBeGreaterThan(0);
	// … and coaching names the learner's "No" as what moved him.
	const coaching = page.getByRole('region', { name: 'Coaching: how your game went' });
	const byVote = coaching.getByRole('listitem').filter({ hasText: 'your “No” in the open tally' });
	await expect(byVote.first()).toBeVisible();
	await expect(byVote.filter({ hasText: 'Ron Dermer' }).first()).toBeVisible();
	await coaching.scrollIntoViewIfNeeded();
	await screenshots(page, 'solo-majority-coaching', [360, 1280]);
});

test('a learner who missed the one-lesson plan debates just its four clauses alone', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('/');
	const practice = page.getByRole('form', { name: 'Practice alone' });
	const clauses = practice.getByLabel('Clauses to debate');
	await expect(clauses).toHaveValue('');
	await expect(practice.getByText('All 11 clauses of the draft, as in a workshop.')).toBeVisible();
	await clauses.selectOption({ label: 'One lesson (45 min)' });
	// The plan's clauses are named where it is chosen.
	await expect(practice.getByText('4 clauses, as the class plays this plan: Scope, Activation, Freedom of action, The Saudi track.')).toBeVisible();
	await practice.getByLabel('Your display name').fill('Learner');
	await screenshots(page, 'home-solo-plan', [360, 1280]);
	await practice.getByRole('button', { name: 'Start practice' }).click();
	await expect(page).toHaveURL(/\/play\/[A-Z2-9]{6}$/);
	await page.getByRole('button', { name: 'Next step' }).click();
	await page.getByRole('button', { name: 'Next step' }).click();

	await voteToTheEnd(page, 'Yes', 30);
	await expect(page.getByTestId('outcome')).toBeVisible();
	// The debrief's votes are on the plan's clauses alone.
	const why = page.getByRole('region', { name: 'Why the scripted roles voted as they did' });
	const votedOn = (await why.locator('summary').allInnerTexts()).map((s) => s.split(':')[0].trim());
	expect(new Set(votedOn.filter((c) => !/^Ratif/.test(c)))).toEqual(new Set(['Scope', 'Activation', 'Freedom of action', 'The Saudi track']));
});
