/**
 * Students can check what the game says: a card in a player's hand opens its article in a tab of
 * its own, with the quoted passage highlighted, scrolled into view and focused; the brief links
 * its sentences to their passages, glossary terms open in place, and the briefing shows the
 * timeline and when each article was reported.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { screenshotOf, screenshots } from './screenshots';

test('a card opens its article with the passage highlighted; the brief, glossary and timeline can be checked', async ({ page, context }) => {
	test.setTimeout(120_000);
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('/');
	const practice = page.getByRole('form', { name: 'Practice alone' });
	await practice.getByLabel('Your role').selectOption({ label: 'Ron Dermer — Strategic Affairs Minister' });
	await practice.getByLabel('Your display name').fill('Learner');
	await practice.getByRole('button', { name: 'Start practice' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Ron Dermer' })).toBeVisible();

	// The briefing: the timeline, with the period each article reports (on a phone, under "My brief").
	await page.getByRole('tab', { name: 'My brief' }).click();
	const timeline = page.getByRole('region', { name: 'What happened when' });
	await expect(timeline.getByRole('listitem').first()).toContainText('1981');
	await expect(timeline).toContainText('reports September 2019');
	// The brief links its sentences to passages and says what the game made up.
	const brief = page.getByRole('region', { name: 'Your private brief' });
	await expect(brief.getByRole('link', { name: /^Source for the sentences before: (September|February) \d{4} article/ }).first()).toBeVisible();
	// A glossary term opens its explanation in place and closes again.
	await page.getByRole('tab', { name: 'My hand' }).click();
	const hand = page.getByRole('region', { name: 'Your hand' });
	const firstCard = hand.locator('article').first();
	const quote = (await firstCard.locator('blockquote').innerText()).replace(/^“|”$/g, '').trim();
	await screenshots(page, 'sources-briefing');

	const [article] = await Promise.all([context.waitForEvent('page'), firstCard.getByRole('link', { name: /^Read it in the article/ }).click()]);
	await article.waitForLoadState();
	await expect(article).toHaveURL(/\/sources\/\d{3}_[0-9a-f]{16}\.txt\?passage=/);
	const mark = article.locator('mark');
	await expect(mark).toHaveCount(1);
	// The highlighted passage is the card's, word for word, and it is on screen and focused.
	expect((await mark.innerText()).replace(/\s+/g, ' ')).toBe(quote.replace(/\s+/g, ' '));
	await expect(mark).toBeInViewport();
	await expect(mark).toBeFocused();
	// The period it reports, after its author where the article names one (the card dealt first decides which).
	await expect(article.locator('.record')).toContainText(/(^|\. )Reports (September|February) \d{4}\./);
	expect((await new AxeBuilder({ page: article }).analyze()).violations.map((v) => v.id)).toEqual([]);
	await screenshots(article, 'sources-article');

	// A link whose passage is not in the article still opens it, and says so.
	const wrong = await context.newPage();
	await wrong.goto('/sources/001_04d8d90dc4da8652.txt?passage=words%20that%20are%20nowhere');
	await expect(wrong.getByRole('status')).toContainText('not in this article');
	await expect(wrong.locator('mark')).toHaveCount(0);
	expect((await wrong.goto('/sources/nothing.txt'))?.status()).toBe(404);

	await page.getByRole('tab', { name: 'My brief' }).click();
	const glossary = page.getByRole('region', { name: 'Glossary' });
	await glossary.getByText('Glossary').click();
	await expect(glossary.getByText('Article 5', { exact: false }).first()).toBeVisible();
	await expect(glossary).toContainText('such action as it deems necessary');
	const term = page.getByRole('button', { expanded: false }).filter({ hasText: /^(Article 5|MoU|IDF|US)$/, visible: true }).first();
	await term.click();
	await expect(page.getByRole('note').first()).toBeVisible();
	await screenshotOf(glossary, 'sources-glossary-360');
	await page.keyboard.press('Escape');
	await expect(page.getByRole('note')).toHaveCount(0);
	expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
});
