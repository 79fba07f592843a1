/**
 * A learner who reads Hebrew: the language switch turns the pages right to left, and a solo game
 * is played through the player page in Hebrew to the debrief; the projector follows, and keeps a
 * language of its own. The articles' quotations stay in English, marked as such; axe finds
 * nothing; screenshots at phone and laptop widths, and the projector's 1920×1080.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { screenshots } from './screenshots';

test('a learner switches to Hebrew and plays alone to the debrief, right to left', async ({ page }) => {
	test.setTimeout(180_000);
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.getByRole('navigation', { name: 'Language' }).getByRole('button', { name: 'עברית' }).click();
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.locator('html')).toHaveAttribute('lang', 'he');

	const practice = page.getByRole('form', { name: 'תרגול לבד' });
	await practice.getByLabel('התפקיד שלכם').selectOption({ label: 'Ron Dermer — Strategic Affairs Minister' });
	await practice.getByLabel('השם שיוצג').fill('נועה');
	await practice.getByRole('button', { name: 'להתחיל תרגול' }).click();
	await expect(page).toHaveURL(/\/play\/[A-Z2-9]{6}$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Ron Dermer' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

	// The briefing: what to do now, in Hebrew; the cards' quotations in the articles' own English.
	await expect(page.getByRole('button', { name: 'השלב הבא' })).toBeVisible();
	await expect(page.getByText('הבא: הצהרות הפתיחה.')).toBeVisible();
	await expect(page.locator('.task-text')).toContainText('קראו את התדריך ואת הקלפים שלכם');
	const quote = page.locator('.bcard blockquote').first();
	await expect(quote).toHaveAttribute('lang', 'en');
	await expect(quote).toHaveAttribute('dir', 'ltr');
	await screenshots(page, 'he-solo-briefing');
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

	await page.getByRole('button', { name: 'השלב הבא' }).click();
	await expect(page.getByText('הבא: הסעיף הראשון, Scope.')).toBeVisible();
	await page.getByRole('button', { name: 'השלב הבא' }).click();

	// The first clause: open its vote, and see the ballot and the rule in Hebrew.
	await page.getByRole('button', { name: /^לפתוח את ההצבעה על / }).click();
	await expect(page.getByRole('group', { name: /^ההצבעה שלכם: / })).toBeVisible();
	await expect(page.getByText('עוד לא הצבעתם.').first()).toBeVisible();
	await screenshots(page, 'he-solo-vote');
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

	// The projector follows the browser into Hebrew, and has a switch of its own: English on the
	// classroom's screen leaves the learner's page in Hebrew.
	const code = new URL(page.url()).pathname.split('/').pop();
	const projector = await page.context().newPage();
	await projector.goto(`/projector/${code}`);
	await expect(projector.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(projector.getByRole('heading', { name: /^הצבעה: .+ — פתוחה$/ })).toBeVisible();
	await screenshots(projector, 'he-projector-vote', [{ width: 1920, height: 1080 }, 1280]);
	expect((await new AxeBuilder({ page: projector }).analyze()).violations).toEqual([]);
	await projector.getByRole('navigation', { name: 'שפה' }).getByRole('button', { name: 'English' }).click();
	await expect(projector.locator('html')).toHaveAttribute('lang', 'en');
	await expect(projector.getByRole('heading', { name: /^\w+ vote — open$/ })).toBeVisible();
	await projector.close();
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('lang', 'he');
	await expect(page.getByRole('group', { name: /^ההצבעה שלכם: / })).toBeVisible();

	// Every clause: vote yes; the scripted roles vote at once and the game moves on.
	const outcome = page.getByTestId('outcome');
	for (let round = 0; round < 40 && !(await outcome.isVisible()); round++) {
		const call = page.getByRole('button', { name: /^(לפתוח את ההצבעה על|להצביע שוב על) / });
		const yes = page.getByRole('button', { name: 'בעד', exact: true });
		await expect(call.or(yes).or(outcome).first()).toBeVisible({ timeout: 15_000 });
		if (await yes.isVisible()) {
			if ((await yes.getAttribute('aria-pressed')) !== 'true') await yes.click();
			await page.waitForTimeout(300);
		} else if (await call.isVisible()) await call.click();
	}
	await expect(outcome).toHaveText(/האמנה (לא )?נחתמה/);
	await expect(page.getByRole('region', { name: 'אימון: איך הלך לכם במשחק' })).toBeVisible();
	await screenshots(page, 'he-solo-debrief');
});
