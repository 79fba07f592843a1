/**
 * A learner who reads Hebrew: the language switch turns the pages right to left, and a solo game
 * is played through the player page in Hebrew to the debrief; the projector follows, and keeps a
 * language of its own. The articles' quotations stay in English, marked as such; axe finds
 * nothing; screenshots at phone and laptop widths, and the projector's 1920×1080. A teacher who
 * reads Hebrew runs a table from the facilitator's page to the debrief, and opens a source article.
 */
import AxeBuilder from '@axe-core/playwright';
import { io } from 'socket.io-client';
import { expectAccessible, Facilitator } from './facilitator';
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
	await practice.getByLabel('התפקיד שלכם').selectOption({ label: 'רון דרמר — השר לעניינים אסטרטגיים' });
	await practice.getByLabel('השם שיוצג').fill('נועה');
	await practice.getByRole('button', { name: 'להתחיל תרגול' }).click();
	await expect(page).toHaveURL(/\/play\/[A-Z2-9]{6}$/);
	await expect(page.getByRole('heading', { level: 1, name: 'רון דרמר' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

	// The briefing: what to do now, and the scenario's own words, in Hebrew; the cards' quotations
	// in the articles' own English, with the game's translation beneath, labelled as such.
	await expect(page.getByRole('button', { name: 'השלב הבא' })).toBeVisible();
	await expect(page.getByText('הבא: הצהרות הפתיחה.')).toBeVisible();
	await expect(page.locator('.task-text')).toContainText('קראו את התדריך ואת הקלפים שלכם');
	const quote = page.locator('.bcard blockquote').first();
	await expect(quote).toHaveAttribute('lang', 'en');
	await expect(quote).toHaveAttribute('dir', 'ltr');
	await expect(quote).toContainText(/[A-Za-z]{3}/);
	const translation = page.locator('.bcard .translation').first();
	await expect(translation).toContainText('תרגום של המשחק, לא לשון הכתבה:');
	await expect(translation).toContainText(/[\u05D0-\u05EA]{3}/);
	await screenshots(page, 'he-solo-briefing');
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

	await page.getByRole('button', { name: 'השלב הבא' }).click();
	await expect(page.getByText('הבא: הסעיף הראשון, היקף.')).toBeVisible();
	await page.getByRole('button', { name: 'השלב הבא' }).click();

	// The first clause: open its vote, and see the ballot and the rule in Hebrew.
	await page.getByRole('button', { name: /^לפתוח את ההצבעה על / }).click();
	await expect(page.getByRole('group', { name: /^ההצבעה שלכם: / })).toBeVisible();
	await expect(page.getByText('עוד לא הצבעתם.').first()).toBeVisible();
	// The clause's title and summary come in Hebrew from the scenario's translation, each set apart
	// inside the question, so its quotes, brackets and question mark stay at the Hebrew end.
	const question = page.locator('.vote .question');
	await expect(question.locator('bdi').filter({ hasText: /^היקף$/ })).toHaveCount(1);
	await expect(question).toHaveText(/„[^„”]+”\)?\?$/);
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
	// Each text won, in the scenario's Hebrew, is set apart from the points after it. A learner who
	// votes yes throughout may win no text at all; then the aims left on the table are labelled alike.
	const won = page.locator('.breakdown li li bdi');
	const left = page.locator('.coaching .split li bdi');
	const label = (await won.count()) ? won.first() : left.first();
	await expect(label).toHaveText(/^[\u05D0-\u05EA][^:]*: [\u05D0-\u05EA]/);
	await screenshots(page, 'he-solo-debrief');
});

test('a teacher runs a table in Hebrew, from the facilitator page to the debrief, and reads a source', async ({ browser, baseURL }) => {
	test.setTimeout(120_000);
	const host = await Facilitator.create(baseURL!);
	const { code, facilitatorToken } = host;
	// A student takes a seat, as their page would.
	const student = io(baseURL!, { transports: ['websocket'], forceNew: true, reconnection: false });
	expect((await student.timeout(5000).emitWithAck('enterRoom', { code })).ok).toBe(true);
	expect(await student.timeout(5000).emitWithAck('action', { type: 'takeSeat', seat: 'dermer', name: 'נועה' })).toMatchObject({ ok: true });

	const context = await browser.newContext();
	await context.addCookies([{ name: 'pact-room-lang', value: 'he', url: baseURL! }]);
	const page = await context.newPage();
	await page.goto(`/facilitate/${code}#key=${facilitatorToken}`);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { name: 'סעיפים לדיון' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'לשמור את סדר היום' })).toBeVisible();
	await screenshots(page, 'he-facilitator-lobby');
	await expectAccessible(page, 'the facilitator page in Hebrew, before the start');

	// The first clause's vote, open: who has not voted, by name; a card to inject as news.
	for (const type of ['start', 'advance', 'advance', 'openVote'] as const) await host.act({ type });
	await expect(page.getByTestId('not-voted')).toHaveText('עוד לא הצביעו (1): נועה');
	await expect(page.getByRole('heading', { name: 'להכניס קלף כחדשות' })).toBeVisible();
	await expect(page.getByText(/^1 מתוך \d+ תפוסים · 1 מחוברים · הצביעו 0 מתוך 1$/)).toBeVisible();
	await screenshots(page, 'he-facilitator-vote');
	await expectAccessible(page, 'the facilitator page in Hebrew, with a vote open');

	await student.timeout(5000).emitWithAck('action', { type: 'castVote', choice: 'yes', reason: 'It keeps us safe.' });
	await host.act({ type: 'closeVote' });
	await page.getByRole('button', { name: 'לסיים את המשחק' }).click();
	await page.getByRole('button', { name: 'כן, לסיים את המשחק' }).click();
	await page.getByRole('link', { name: 'לפתוח את הסיכום' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'האמנה לא נחתמה' })).toBeVisible();
	await expect(page.getByRole('img', { name: /^פתקים לאורך זמן: היקף: / })).toBeVisible();
	await expect(page.getByRole('region', { name: 'זמן דיבור והודעות' })).toBeVisible();
	await screenshots(page, 'he-debrief');
	await expectAccessible(page, 'the debrief in Hebrew');
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('heading', { name: `Pact Room — סיכום, שולחן ${code}` })).toBeVisible();
	await screenshots(page, 'he-debrief-print', [794]);
	await page.emulateMedia({ media: 'screen' });

	// A source article: the page speaks Hebrew, the article keeps its English, left to right.
	await page.goto('/sources/001_04d8d90dc4da8652.txt');
	await expect(page.getByRole('button', { name: 'חזרה למשחק' })).toBeVisible();
	const article = page.getByRole('article', { name: 'נוסח הכתבה' });
	await expect(article).toHaveAttribute('lang', 'en');
	await expect(article).toHaveAttribute('dir', 'ltr');
	await screenshots(page, 'he-source');
	await expectAccessible(page, 'a source article in Hebrew');

	student.disconnect();
	host.close();
	await context.close();
});

test('a teacher creates a class in Hebrew: the home page, the class console and a table’s seat picker', async ({ browser, baseURL }) => {
	test.setTimeout(120_000);
	const context = await browser.newContext();
	await context.addCookies([{ name: 'pact-room-lang', value: 'he', url: baseURL! }]);
	const page = await context.newPage();
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	// The scenario's roles, from its Hebrew texts, in the create form.
	await expect(page.getByText('תפקידים נוספים לשולחנות גדולים')).toBeVisible();
	await expect(page.getByText('רון דרמר').first()).toBeVisible();
	await screenshots(page, 'he-home');
	await expectAccessible(page, 'the home page in Hebrew');

	await page.getByLabel('מספר שולחנות').fill('2');
	await page.getByRole('button', { name: 'ליצור 2 שולחנות' }).click();
	await expect(page).toHaveURL(/\/console\/[A-Z2-9]{10}$/);
	await expect(page.getByRole('heading', { level: 1, name: '2 השולחנות שלכם' })).toBeVisible();
	await screenshots(page, 'he-console');
	await expectAccessible(page, 'the class console in Hebrew');

	// A student's first page at one of the tables: the seats, by the roles' Hebrew names.
	const run = await page.getByRole('link', { name: 'לנהל את שולחן 1' }).getAttribute('href');
	const code = run!.match(/\/facilitate\/([A-Z2-9]{6})/)![1];
	const student = await context.newPage();
	await student.goto(`/play/${code}`);
	await expect(student.getByRole('heading', { name: 'בחרו מושב' })).toBeVisible();
	await expect(student.getByRole('button', { name: 'לשבת במושב של רון דרמר' })).toBeVisible();
	await screenshots(student, 'he-seat-picker');
	await expectAccessible(student, 'the seat picker in Hebrew');
	await context.close();
});
