/**
 * One table, two languages: a Hebrew-speaking student and three English-speaking ones play a
 * whole game together, each page in its own language at the same moment — the interface, the
 * scenario's roles, clauses and briefs — while what players write reaches everyone as written and
 * card quotations stay the articles' English. Every page is checked with axe and photographed in
 * both languages, at a phone's and a laptop's width.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectAccessible, Facilitator } from './facilitator';
import { screenshots } from './screenshots';

type Language = 'he' | 'en';

/** A student's own browser, its language chosen once (as the switch on any page does). */
async function student(browser: Browser, baseURL: string, language: Language): Promise<Page> {
	const context = await browser.newContext();
	await context.addCookies([{ name: 'pact-room-lang', value: language, url: baseURL }]);
	return context.newPage();
}

const words = {
	he: { name: 'השם שיוצג', take: (role: string) => `לשבת במושב של ${role}`, yes: 'בעד', no: 'נגד', reason: 'הנימוק שלכם', brief: 'התדריך האישי שלך' },
	en: { name: 'Your display name', take: (role: string) => `Take the seat of ${role}`, yes: 'Yes', no: 'No', reason: 'Your reason', brief: 'Your private brief' }
};

async function sitDown(page: Page, code: string, language: Language, name: string, role: string) {
	await page.goto(`/play/${code}`);
	await expect(page.locator('html')).toHaveAttribute('lang', language);
	await page.getByLabel(words[language].name).fill(name);
	await page.getByRole('button', { name: words[language].take(role) }).click();
	await expect(page.getByRole('heading', { level: 1, name: role })).toBeVisible();
}

async function vote(page: Page, language: Language, choice: 'yes' | 'no', reason?: string) {
	if (reason) await page.getByLabel(words[language].reason).fill(reason);
	const button = page.getByRole('button', { name: words[language][choice], exact: true });
	await button.click();
	await expect(button).toHaveAttribute('aria-pressed', 'true');
}

test('one Hebrew and three English players play a whole game at one table, each in their own language', async ({ browser, baseURL }) => {
	test.setTimeout(240_000);
	const host = await Facilitator.create(baseURL!);
	const { code } = host;
	// Two clauses, so the whole game fits the test: Scope, then Activation, then ratification.
	await host.act({ type: 'setAgenda', clauses: ['scope', 'activation'] });

	const noa = await student(browser, baseURL!, 'he');
	const maya = await student(browser, baseURL!, 'en');
	const yoni = await student(browser, baseURL!, 'en');
	const sam = await student(browser, baseURL!, 'en');
	await sitDown(noa, code, 'he', 'נועה', 'רון דרמר');
	await sitDown(maya, code, 'en', 'Maya', 'Lt. Gen. Herzi Halevi');
	await sitDown(yoni, code, 'en', 'Yoni', 'David Barnea');
	await sitDown(sam, code, 'en', 'Sam', 'White House adviser');
	const english = [maya, yoni, sam];

	// The briefing: each reads the brief in their own language; the table is the same table.
	await host.act({ type: 'start' });
	await expect(noa.getByRole('heading', { name: words.he.brief })).toBeVisible();
	await expect(noa.locator('.brief')).toContainText('הברית הזאת היא ההצעה שלי.');
	for (const page of english) await expect(page.getByRole('heading', { name: words.en.brief })).toBeVisible();
	// Seat names follow the reader: Noa sees her colleagues' roles in Hebrew, they see hers in English.
	await expect(noa.getByText('דוד ברנע').first()).toBeVisible();
	await expect(maya.getByText('Ron Dermer').first()).toBeVisible();
	await screenshots(noa, 'mixed-he-briefing');
	await screenshots(maya, 'mixed-en-briefing');
	await expectAccessible(noa, 'the Hebrew player’s briefing');
	await expectAccessible(maya, 'an English player’s briefing');

	// The opening: Noa states her case in Hebrew; the English players read it as she wrote it.
	await host.act({ type: 'advance' });
	await noa.getByLabel('ההצהרה שלכם').fill('ברית צרה, רק לאיומים קיומיים.');
	await noa.getByRole('button', { name: 'להשמיע את הצהרת הפתיחה' }).click();
	for (const page of english) await expect(page.getByText('ברית צרה, רק לאיומים קיומיים.')).toBeVisible();

	// Scope: the same question, worded in each page's language.
	await host.act({ type: 'advance' });
	await host.act({ type: 'openVote' });
	await expect(noa.locator('.vote .question')).toContainText('היקף');
	for (const page of english) await expect(page.locator('.vote .question')).toContainText('Scope');
	await vote(noa, 'he', 'yes', 'כך ישראל שומרת על חופש הפעולה.');
	await vote(maya, 'en', 'yes', 'Narrow enough for the IDF.');
	await vote(yoni, 'en', 'yes');
	await vote(sam, 'en', 'yes');
	// A reason reaches every page as its player wrote it.
	await expect(maya.getByRole('list', { name: 'Who voted what' })).toContainText('כך ישראל שומרת על חופש הפעולה.');
	await expect(noa.getByRole('list', { name: 'מי הצביע מה' })).toContainText('Narrow enough for the IDF.');
	await screenshots(noa, 'mixed-he-vote');
	await screenshots(sam, 'mixed-en-vote');
	await expectAccessible(noa, 'the Hebrew player’s open vote');
	await expectAccessible(sam, 'an English player’s open vote');
	await host.act({ type: 'closeVote' });
	await expect(noa.getByTestId('vote-result')).toContainText('אומץ');
	for (const page of english) await expect(page.getByTestId('vote-result')).toContainText('Adopted');

	// Activation, in each language.
	await host.act({ type: 'advance' });
	await host.act({ type: 'openVote' });
	await expect(noa.locator('.vote .question')).toContainText('הפעלה');
	await expect(sam.locator('.vote .question')).toContainText('Activation');
	for (const [page, language] of [[noa, 'he'], [maya, 'en'], [yoni, 'en'], [sam, 'en']] as const) await vote(page, language, 'yes');
	await host.act({ type: 'closeVote' });

	// Ratification, then the debrief, each in its reader's language.
	await host.act({ type: 'advance' });
	await host.act({ type: 'openVote' });
	await expect(noa.getByText('ההצבעה הסופית (אשרור): לחתום על כל האמנה כפי שהיא עכשיו?')).toBeVisible();
	await expect(maya.getByText('Final vote (ratification): sign the whole treaty as it now stands?')).toBeVisible();
	for (const [page, language] of [[noa, 'he'], [maya, 'en'], [yoni, 'en'], [sam, 'en']] as const) await vote(page, language, 'yes');
	await host.act({ type: 'closeVote' });
	await expect(noa.getByTestId('outcome')).toContainText('האמנה נחתמה');
	for (const page of english) await expect(page.getByTestId('outcome')).toContainText('The treaty was signed');
	// The treaty's text, as adopted: the scenario's Hebrew for Noa, its English for the others.
	await expect(noa.getByRole('table')).toContainText('רון דרמר');
	await expect(maya.getByRole('table')).toContainText('Ron Dermer');
	await screenshots(noa, 'mixed-he-debrief');
	await screenshots(yoni, 'mixed-en-debrief');
	await expectAccessible(noa, 'the Hebrew player’s debrief');
	await expectAccessible(yoni, 'an English player’s debrief');
	host.close();
});
