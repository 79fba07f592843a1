/**
 * The teacher's guide: every part there and findable by its heading, accessible, linked from the
 * teacher's pages, printable (no buttons or navigation on paper); and, for a played game, the
 * debrief's questions drawn from that game — the closest vote named is the one with the smallest
 * margin, the change of mind and the card before it are the ones the table made.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import { parse } from 'yaml';
import type { Action } from '../../src/lib/protocol/actions';
import type { Debrief } from '../../src/lib/game/debrief';
import { expect, test } from './fixtures';
import { screenshots } from './screenshots';

const shots = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));

async function expectAccessible(page: Page, what: string) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
	expect(summary, `axe on ${what}`).toEqual([]);
}

/** One connection to the game: the facilitator's or a seat's. */
class Client {
	private constructor(private socket: Socket) {}

	static async open(baseURL: string): Promise<Client> {
		const socket = io(baseURL, { transports: ['websocket'], forceNew: true, reconnection: false });
		await new Promise<void>((resolve, reject) => {
			socket.once('connect', () => resolve());
			socket.once('connect_error', reject);
		});
		return new Client(socket);
	}

	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	async ask(event: string, payload: unknown): Promise<any> {
		let res = await this.socket.timeout(5000).emitWithAck(event, payload);
		// A script clicks faster than any person: when the server asks it to slow down, it waits and resends.
		for (let tries = 0; !res.ok && res.code === 'rate_limited' && tries < 5; tries++) {
			await new Promise((r) => setTimeout(r, 1100));
			res = await this.socket.timeout(5000).emitWithAck(event, payload);
		}
		expect(res, `${event} ${JSON.stringify(payload)}`).toMatchObject({ ok: true });
		return res;
	}

	act = (action: Action) => this.ask('action', action);

	close() {
		this.socket.disconnect();
	}
}

test('the teacher’s guide has every part, is linked from the teacher’s pages, and prints without its buttons', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('form', { name: 'Run a game' }).getByRole('link', { name: 'teacher’s guide' }).click();
	await expect(page).toHaveURL(/\/guide$/);

	await expect(page.getByRole('heading', { level: 1, name: /US–Israel mutual defense treaty/ })).toBeVisible();
	for (const part of [
		'Learning objectives',
		'Casting the roles',
		'Lesson plans and timings',
		'Running the debrief',
		'Written task and rubric',
		'Age and level',
		'Sensitive topics',
		'The sources'
	]) {
		await expect(page.getByRole('heading', { level: 2, name: part })).toBeVisible();
		await expect(page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: part })).toBeVisible();
	}

	// Casting: a note for every role, each saying how hard it is, with the article passages it rests on.
	const casting = page.getByRole('region', { name: 'Casting the roles' });
	for (const role of ['Ron Dermer', 'Lt. Gen. Herzi Halevi', 'David Barnea', 'White House adviser', 'Prof. Eytan Gilboa']) {
		await expect(casting.getByRole('article', { name: role })).toBeVisible();
	}
	await expect(casting.getByRole('article')).toHaveCount(9);
	await expect(casting.getByRole('article', { name: 'Prof. Eytan Gilboa' })).toContainText('Hard to play');
	await expect(casting.getByRole('article', { name: 'Ron Dermer' }).getByRole('link', { name: /September 2023/ })).toBeVisible();

	// The plans minute by minute: the one-lesson plan's four clauses between the opening and the ratification.
	const plans = page.getByRole('region', { name: 'Lesson plans and timings' });
	const oneLesson = plans.getByRole('table', { name: 'One lesson (45 min): minute by minute' });
	await expect(oneLesson.getByRole('row')).toHaveCount(1 + 2 + 4 + 2);
	await expect(oneLesson.getByRole('row', { name: /Briefing/ })).toContainText('0:00');
	await expect(oneLesson.getByRole('row', { name: /Clause 1: Scope/ })).toContainText('5:30');
	await expect(oneLesson.getByRole('row', { name: /Debrief/ })).toContainText('10 min');
	await expect(plans.getByRole('table')).toHaveCount(3);

	const debrief = page.getByRole('region', { name: 'Running the debrief' });
	await expect(debrief.getByRole('heading', { name: 'Questions for any game' })).toBeVisible();
	await expect(debrief.getByRole('heading', { name: 'Questions from your game' })).toBeVisible();
	const rubric = page.getByRole('table', { name: /^Rubric/ });
	await expect(rubric.getByRole('columnheader', { name: 'Excellent' })).toBeVisible();
	await expect(rubric.getByRole('rowheader', { name: 'Evidence and attribution' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Sensitive topics' })).toContainText('real and living');

	await expectAccessible(page, 'the guide');
	await screenshots(page, 'guide', [360, 1280, 1920]);

	// On paper: no buttons, no navigation; the articles' addresses written out.
	const print = page.getByRole('button', { name: 'Print this guide' });
	await expect(print).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	await expect(print).toBeHidden();
	await expect(page.getByRole('navigation', { name: 'Contents' })).toBeHidden();
	await expect(page.getByRole('link', { name: 'Teacher’s guide' })).toBeHidden();
	await expect(page.getByRole('banner')).toBeHidden();
	await expect(page.getByText(/\/sources\/000_6c2eec980ca2c237\.txt/)).toBeVisible();
	mkdirSync(shots, { recursive: true });
	await page.setViewportSize({ width: 800, height: 1100 });
	await page.screenshot({ path: `${shots}guide-print.png`, fullPage: true });
	await page.pdf({ path: `${shots}guide-print.pdf`, format: 'A4', printBackground: true });
	await page.emulateMedia({ media: 'screen' });
});

test('the debrief asks questions drawn from the game, and the guide opened from it shows them', async ({ page, browser, baseURL }) => {
	test.setTimeout(120_000);
	const host = await Client.open(baseURL!);
	const created = await host.ask('createGame', { agenda: ['scope', 'activation'], timers: { briefing: 1800, opening: 1800, debate: 1800, vote: 1800 } });
	const { code, facilitatorToken } = created as { code: string; facilitatorToken: string };
	await host.ask('enterRoom', { code, facilitatorToken });

	// Four players, each seated over a connection that then reopens with its seat, as a browser does.
	const players: Record<string, Client> = {};
	const tokens: Record<string, string> = {};
	for (const [seat, name] of [
		['dermer', 'Maya'],
		['idf-chief', 'Noa'],
		['mossad-director', 'Eli'],
		['white-house-adviser-1', 'Sam']
	]) {
		const first = await Client.open(baseURL!);
		await first.ask('enterRoom', { code });
		const { seatToken } = await first.act({ type: 'takeSeat', seat, name });
		first.close();
		players[seat] = await Client.open(baseURL!);
		await players[seat].ask('enterRoom', { code, seatToken });
		tokens[seat] = seatToken;
	}
	const vote = (seat: string, choice: 'yes' | 'no' | 'abstain') => players[seat].act({ type: 'castVote', choice });

	await host.act({ type: 'start' });
	await players.dermer.act({ type: 'answerPoll', answer: 0 });
	await players['idf-chief'].act({ type: 'answerPoll', answer: 3 });
	await host.act({ type: 'advance' });
	await host.act({ type: 'advance' });
	// Scope: the Mossad Director votes no, Dermer plays a card, the Director changes to yes: 3–1.
	await host.act({ type: 'openVote' });
	await vote('mossad-director', 'no');
	// The hands are dealt at the start: Dermer's, as his seat sees it.
	const card: string = (await players.dermer.ask('enterRoom', { code, seatToken: tokens.dermer })).view.you.hand[0];
	expect(card).toBeTruthy();
	await players.dermer.act({ type: 'postArgument', stance: 'for', card, text: 'Read what the report says.' });
	await vote('mossad-director', 'yes');
	await vote('dermer', 'yes');
	await vote('idf-chief', 'no');
	await vote('white-house-adviser-1', 'yes');
	await host.act({ type: 'closeVote' });
	// Activation: 2–2, the closest.
	await host.act({ type: 'advance' });
	await host.act({ type: 'openVote' });
	await vote('dermer', 'yes');
	await vote('idf-chief', 'no');
	await vote('mossad-director', 'yes');
	await vote('white-house-adviser-1', 'no');
	await host.act({ type: 'closeVote' });
	// Activation is required, so it comes back on its next option, which everyone adopts.
	await host.act({ type: 'openVote' });
	for (const seat of Object.keys(players)) await vote(seat, 'yes');
	await host.act({ type: 'closeVote' });
	// Ratification.
	await host.act({ type: 'advance' });
	await host.act({ type: 'openVote' });
	for (const seat of Object.keys(players)) await vote(seat, 'yes');
	const closed = await host.act({ type: 'closeVote' });
	expect(closed.ok).toBe(true);
	await players.dermer.act({ type: 'answerPoll', answer: 1 });
	await players['idf-chief'].act({ type: 'answerPoll', answer: 1 });

	// What the facilitator's view says, to check the page against.
	const ended = (await host.ask('enterRoom', { code, facilitatorToken })).view as { debrief: Debrief };
	const margins = ended.debrief.timeline.map((t) => ({ clause: t.clauseId, margin: Math.abs(t.result!.yes - t.result!.no) }));
	const closest = margins.reduce((a, b) => (b.margin < a.margin ? b : a));
	expect(closest).toEqual({ clause: 'activation', margin: 0 });
	const scenario = parse(readFileSync(fileURLToPath(new URL('../../seeds/scenarios/us-israel-pact.yaml', import.meta.url)), 'utf8'));
	const cardTitle: string = scenario.cards.find((c: { id: string }) => c.id === card).title;

	await page.goto(`/debrief/${code}#key=${facilitatorToken}`);
	const questions = page.getByRole('region', { name: 'Questions for the discussion' });
	await expect(questions.getByRole('heading', { name: 'The closest vote' })).toBeVisible();
	const closestItem = questions.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'The closest vote' }) });
	await expect(closestItem).toContainText("Activation: The other country must help straight away, like NATO's Article 5: 2 yes");
	await expect(closestItem).toContainText('2 yes, 2 no, 0 abstentions');
	await expect(closestItem).toContainText('a tie');
	const change = questions.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'The biggest change of mind' }) });
	await expect(change).toContainText('David Barnea (Eli) went from no to yes on Scope');
	const before = questions.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'The card before most changes of vote' }) });
	await expect(before).toContainText(cardTitle);
	await expect(before).toContainText('played before the one change of vote, by Ron Dermer (Maya)');
	const opinion = questions.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'How the class’s own view moved' }) });
	await expect(opinion).toContainText('Before the game, 2 answered; at the debrief, 2.');
	await expect(opinion).toContainText('“Probably yes” went from 0 to 2');
	await expectAccessible(page, 'the debrief with its questions');
	await screenshots(page, 'debrief-questions');

	// The guide for this table, from the debrief: the same questions, with the guide around them.
	await questions.getByRole('link', { name: 'the teacher’s guide' }).click();
	await expect(page).toHaveURL(new RegExp(`/guide\\?code=${code}$`));
	await expect(page.getByText(`Teacher’s guide · table ${code}`)).toBeVisible();
	const fromGame = page.getByRole('region', { name: 'Running the debrief' });
	await expect(fromGame.getByText('a tie')).toBeVisible();
	await expect(fromGame).toContainText(cardTitle);
	await expectAccessible(page, 'the guide for a table');
	await screenshots(page, 'guide-for-table', [1280]);

	// Without the facilitator's key the guide watches the table, and shows the same questions.
	const other = await (await browser.newContext()).newPage();
	await other.goto(`/guide?code=${code}`);
	await expect(other.getByRole('region', { name: 'Running the debrief' }).getByText('a tie')).toBeVisible();
	await other.close();

	// The facilitator's page links to the guide for its table.
	await page.goto(`/facilitate/${code}`);
	await expect(page.getByRole('navigation', { name: 'For teachers' }).getByRole('link', { name: 'Teacher’s guide' })).toHaveAttribute(
		'href',
		`/guide?code=${code}`
	);
	// A player's page does not.
	await page.goto(`/play/${code}`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Teacher’s guide' })).toHaveCount(0);

	host.close();
	for (const client of Object.values(players)) client.close();
});

test('the teacher’s guide in Hebrew: its own words from the catalogues, right to left, printable', async ({ page }) => {
	await page.goto('/guide');
	await page.getByRole('navigation', { name: 'Language' }).getByRole('button', { name: 'עברית' }).click();
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page).toHaveTitle('מדריך למורה · Pact Room');
	for (const part of ['מטרות הלמידה', 'חלוקת התפקידים', 'מערכי שיעור ולוחות זמנים', 'הנחיית הסיכום', 'משימת כתיבה ומחוון', 'גיל ורמה', 'נושאים רגישים', 'המקורות']) {
		await expect(page.getByRole('heading', { level: 2, name: part })).toBeVisible();
		await expect(page.getByRole('navigation', { name: 'תוכן העניינים' }).getByRole('link', { name: part })).toBeVisible();
	}
	// The timetable: its steps and lengths worded in Hebrew, the clause's title kept apart inside.
	const plans = page.getByRole('region', { name: 'מערכי שיעור ולוחות זמנים' });
	const table = plans.getByRole('table').first();
	await expect(table.getByRole('columnheader')).toHaveText(['התחלה', 'שלב', 'משך']);
	await expect(table.getByRole('row', { name: /סעיף 1: / })).toContainText('דיון');
	await expect(table.getByRole('row', { name: /סעיף 1: / }).locator('bdi')).toHaveCount(1);
	await expect(table.getByRole('row').last()).toContainText('10 דק׳');
	await expect(plans.locator('.plan .hint').first()).toContainText('לשיעור של');
	const casting = page.getByRole('region', { name: 'חלוקת התפקידים' });
	await expect(casting).toContainText('בכל שולחן יש 4 מושבים קבועים');
	// The hardest roles listed the Hebrew way: the last joined by "ו", each name set apart.
	await expect(casting.locator('p strong bdi')).toHaveCount(4);
	await expect(casting.locator('p strong').first()).toHaveText(/^[^,]+, [^,]+, [^,]+ ו[^-]/);
	await expect(casting.getByText('קשה לשחק', { exact: true }).first()).toBeVisible();
	await expect(page.getByRole('region', { name: 'הנחיית הסיכום' }).getByRole('heading', { name: 'שאלות מהמשחק שלכם' })).toBeVisible();
	await expect(page.getByRole('table', { name: /^מחוון: / }).getByRole('columnheader', { name: 'קריטריון' })).toBeVisible();
	const sources = page.getByRole('region', { name: 'המקורות' });
	await expect(sources.getByRole('listitem').first()).toContainText('מדווחת על');
	// An untitled report's file name keeps its own direction inside the Hebrew name given to it.
	await expect(sources.locator('a bdi bdi').filter({ hasText: /^000_6c2eec980ca2c237\.txt$/ })).toHaveCount(1);
	// No English words of the interface left on the page.
	for (const english of ['Print this guide', 'Learning objectives', 'Clause 1', 'Hard to play', 'Give it to', 'minute by minute', 'reports'])
		await expect(page.getByText(english)).toHaveCount(0);
	await expectAccessible(page, 'the guide in Hebrew');
	await screenshots(page, 'he-guide', [360, 1280]);

	const print = page.getByRole('button', { name: 'להדפיס את המדריך' });
	await expect(print).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	await expect(print).toBeHidden();
	mkdirSync(shots, { recursive: true });
	await page.setViewportSize({ width: 800, height: 1100 });
	await page.pdf({ path: `${shots}he-guide-print.pdf`, format: 'A4', printBackground: true });
	await page.emulateMedia({ media: 'screen' });
});
