/**
 * A whole classroom game through the pages only: a teacher creates a class of two tables on the
 * home page, watches both from the console and drives table 1 from its facilitator page; four
 * students join table 1 by code (a fifth sits down and is sent away again), a projector watches;
 * the table goes through the briefing, the opening statements, an amended clause, a skipped
 * clause, ratification and the debrief, whose exports and charts are checked. Axe checks every
 * page the teacher uses.
 */
import type { Browser, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import { parseCsv } from '../../src/lib/export/csv';
import { screenshots } from './screenshots';
import { everyClauseByHand, expectAccessible, newPage } from './facilitator';


async function joinAs(browser: Browser, code: string, name: string, seat: string): Promise<Page> {
	const page = await newPage(browser);
	await page.goto(`/?code=${code}`);
	await expect(page.getByLabel('Room code')).toHaveValue(code);
	await page.getByRole('button', { name: 'Join' }).click();
	await expect(page).toHaveURL(new RegExp(`/play/${code}$`));
	await page.getByLabel('Your display name').fill(name);
	await page.getByRole('button', { name: `Take the seat of ${seat}` }).click();
	await expect(page.getByRole('heading', { level: 1, name: seat.split(',')[0] })).toBeVisible();
	return page;
}

/** The region a facilitator page section makes (a section named by its heading). */
const region = (page: Page, name: string | RegExp): Locator => page.getByRole('region', { name });

async function vote(page: Page, choice: 'Yes' | 'No' | 'Abstain', reason?: { text: string; card?: string }) {
	if (reason) {
		await page.getByLabel(/Your reason/).fill(reason.text);
		if (reason.card) await page.getByLabel('Cite a card from the table').selectOption({ label: reason.card });
	}
	await page.getByRole('button', { name: choice, exact: true }).click();
	await expect(page.getByRole('button', { name: choice, exact: true })).toHaveAttribute('aria-pressed', 'true');
}

/** Seconds left on a timer, from its spoken label: "Vote: 3 minutes 5 seconds left". */
function secondsLeft(label: string | null): number {
	const m = /(?:(\d+) minutes?)?\s*(?:(\d+) seconds?)?\s*left/.exec(label ?? '');
	return m ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) : NaN;
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
	const [download] = await Promise.all([page.waitForEvent('download'), click()]);
	const path = await download.path();
	return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

test('a teacher runs a class of two tables from the console to the debrief', async ({ browser }) => {
	test.setTimeout(300_000);

	// ── Home: create a class of two tables, timers off but the vote's, two White House seats ──
	const host = await newPage(browser);
	await host.goto('/');
	await expectAccessible(host, 'the home page');
	await screenshots(host, 'classroom-home');
	await everyClauseByHand(host);
	await host.getByLabel('Number of tables').fill('2');
	await expect(host.getByText('Each table seats 5 players: 10 players in all.')).toHaveCount(0);
	await host.getByLabel('White House adviser seats').selectOption('2');
	await expect(host.getByText('Each table seats 5 players: 10 players in all.')).toBeVisible();
	for (const step of ['Briefing', 'Opening statements', 'Debate, per clause'])
		await host.getByLabel(step, { exact: true }).selectOption({ label: 'Off — I’ll advance by hand' });
	await host.getByLabel('Vote', { exact: true }).selectOption({ label: '3 min' });
	await host.getByRole('button', { name: 'Create 2 tables' }).click();
	await expect(host).toHaveURL(/\/console\/[A-Z2-9]{10}$/);

	// ── Console: both tables at a glance; the key has left the address bar ──
	const consoleUrl = host.url();
	await expect(host.getByRole('heading', { level: 1, name: 'Your 2 tables' })).toBeVisible();
	const cards = host.getByRole('article');
	await expect(cards).toHaveCount(2);
	await expect(cards.nth(0).getByTestId('phase')).toHaveText('Lobby');
	await expect(cards.nth(1).getByTestId('seats')).toHaveText('0 of 5 taken · 0 connected');
	const runHref = (await host.getByRole('link', { name: 'Run table 1' }).getAttribute('href'))!;
	const code = runHref.match(/\/facilitate\/([A-Z2-9]{6})#key=/)![1];
	const otherCode = (await host.getByRole('link', { name: 'Run table 2' }).getAttribute('href'))!.match(/facilitate\/(\w{6})/)![1];
	expect(otherCode).not.toBe(code);
	await host.getByText('Join link and QR code').first().click();
	await expect(host.getByRole('img', { name: `QR code to join table 1, room ${code}` })).toBeVisible();
	await expectAccessible(host, 'the console');
	await screenshots(host, 'classroom-console-lobby');

	// A console link without its key, or with a wrong one, says so.
	const stranger = await newPage(browser);
	await stranger.goto(new URL(consoleUrl).pathname);
	await expect(stranger.getByRole('alert')).toContainText('This console needs its link');
	// (A new document: a change of fragment alone would not reload the page.)
	await stranger.goto('about:blank');
	await stranger.goto(`${new URL(consoleUrl).pathname}#key=${'x'.repeat(32)}`);
	await expect(stranger.getByRole('alert')).toContainText('not valid for that class');
	await screenshots(stranger, 'classroom-console-bad-key');

	// ── Students join table 1 by code; a projector watches it ──
	const dermer = await joinAs(browser, code, 'Maya', 'Ron Dermer');
	const chief = await joinAs(browser, code, 'Yoni', 'Lt. Gen. Herzi Halevi');
	const mossad = await joinAs(browser, code, 'Dana', 'David Barnea');
	const adviser = await joinAs(browser, code, 'Sam', 'White House adviser, National Security Adviser');
	const extra = await joinAs(browser, code, 'Kim', 'White House adviser, Saudi-track envoy');

	const projector = await newPage(browser);
	await projector.goto(`/projector/${code}`);
	await expect(projector.getByText(code).first()).toBeVisible();

	await expect(cards.nth(0).getByTestId('seats')).toHaveText('5 of 5 taken · 5 connected');

	// ── The facilitator page of table 1 ──
	await host.getByRole('link', { name: 'Run table 1' }).click();
	await expect(host).toHaveURL(new RegExp(`/facilitate/${code}$`));
	await expect(host.getByTestId('room-code')).toHaveText(code);
	const seats = region(host, 'Seats');
	await expect(seats.getByText('Maya')).toBeVisible();

	// Free the fifth seat (with a confirmation): Kim is told and may sit again.
	const kimSeat = seats.getByRole('listitem').filter({ hasText: 'Saudi-track envoy' });
	await kimSeat.getByRole('button', { name: 'Free this seat' }).click();
	await expect(kimSeat.getByRole('group', { name: /Free the seat of White House adviser — Saudi-track envoy/ })).toBeVisible();
	await kimSeat.getByRole('button', { name: 'Yes, free it' }).click();
	await expect(kimSeat.getByText('Free — waiting for a player')).toBeVisible();
	await expect(extra.getByText(/freed your seat/)).toBeVisible();

	await host.getByRole('button', { name: 'Start the game' }).click();
	await expect(host.getByText('Next: opening statements.')).toBeVisible();

	// Briefing: two students answer the private poll, told who will see what.
	await expect(dermer.getByText(/It is counted without your name: the game keeps only how many chose each answer/)).toBeVisible();
	for (const [page, answer] of [
		[dermer, 'Definitely yes'],
		[chief, 'Probably not']
	] as const) {
		await page.getByRole('radio', { name: answer }).check();
		await page.getByRole('button', { name: 'Send my answer' }).click();
		await expect(page.getByText(`Counted. You answered: ${answer}`)).toBeVisible();
	}
	await screenshots(dermer, 'classroom-player-poll-counted');

	// Opening statements, one step back to the briefing, and forward again.
	await host.getByRole('button', { name: 'Next step' }).click();
	await expect(host.getByText('Next: the first clause, Scope.')).toBeVisible();
	await host.getByRole('button', { name: 'Back one step' }).click();
	await expect(host.getByText('Next: opening statements.')).toBeVisible();
	await host.getByRole('button', { name: 'Next step' }).click();
	await dermer.getByLabel('Your statement').fill('Only what threatens our existence: a narrow pact.');
	await dermer.getByRole('button', { name: 'Make my opening statement' }).click();
	await expect(region(host, 'Arguments and news').getByText('Only what threatens our existence')).toBeVisible();

	// Reorder the clauses to come: Activation down one place, then save.
	const agenda = region(host, 'Clauses and their order');
	await agenda.getByRole('button', { name: 'Move Activation down' }).click();
	await expect(agenda.getByRole('button', { name: 'Move Activation down' })).toBeFocused();
	await agenda.getByRole('button', { name: 'Save this order' }).click();
	await expect(agenda.getByText('Not saved yet.')).toHaveCount(0);
	await expect(agenda.getByRole('listitem').nth(0)).toContainText('Scope');
	await expect(agenda.getByRole('listitem').nth(1)).toContainText('Freedom of action');
	await expect(agenda.getByRole('listitem').nth(2)).toContainText('Activation');

	// ── Scope: the floor, a post hidden, news injected, an amendment, two votes ──
	await host.getByRole('button', { name: 'Next step' }).click();
	await expect(region(host, 'Debate and vote').getByRole('heading', { name: 'Scope', level: 3 })).toBeVisible();
	await expect(host.getByText('Next: the next clause, Freedom of action.')).toBeVisible();
	// Moving on before the clause is voted is refused, next to the button.
	await host.getByRole('button', { name: 'Next step' }).click();
	await expect(host.getByRole('alert').filter({ hasText: 'Hold the vote on Scope' })).toBeVisible();

	// The speaker queue: the Mossad director raises a hand and gets the floor.
	await mossad.getByRole('button', { name: 'Raise my hand' }).click();
	const queue = region(host, 'Speaker queue');
	await expect(queue.getByText('Dana (David Barnea)', { exact: true })).toBeVisible();
	await expect(seats.getByRole('listitem').filter({ hasText: 'David Barnea' }).getByText('hand up (1st)')).toBeVisible();
	await queue.getByRole('button', { name: /Give the floor to Dana/ }).click();
	await expect(queue.getByText('Speaking now')).toBeVisible();
	await queue.getByRole('button', { name: 'End turn' }).click();
	await expect(queue.getByText('Nobody is speaking')).toBeVisible();

	// An argument, hidden by the facilitator.
	await chief.getByLabel('Your argument').fill('Off-topic remark that should not stay up.');
	await chief.getByRole('radio', { name: 'For it' }).check();
	await chief.getByRole('button', { name: 'Post my argument' }).click();
	const feed = region(host, 'Arguments and news');
	const offTopic = feed.getByRole('listitem').filter({ hasText: 'Off-topic remark' });
	await offTopic.getByRole('button', { name: /Hide/ }).click();
	await expect(offTopic.getByText('Hidden', { exact: true })).toBeVisible();
	await expect(dermer.getByText('Off-topic remark')).toHaveCount(0);

	// News: search the catalogue and inject a card to everyone.
	const news = region(host, 'Inject a card as news');
	await news.getByLabel('Search the cards').fill('Reagan');
	const reagan = news.getByRole('radio').first();
	const cardTitle = (await news.getByRole('listitem').first().locator('strong').textContent())!.trim();
	await reagan.check();
	await news.getByRole('button', { name: /Inject to everyone/ }).click();
	await expect(news.getByText(`Injected “${cardTitle}” to everyone.`)).toBeVisible();
	await expect(dermer.getByRole('heading', { name: cardTitle }).first()).toBeVisible();

	// The White House adviser proposes an amendment: Iran only.
	await adviser.getByLabel('Switch Scope to').selectOption({ label: 'Only attacks or nuclear threats from Iran count.' });
	await adviser.getByRole('button', { name: 'Propose this amendment' }).click();
	await expect(host.getByTestId('pending-amendment')).toContainText('Only attacks or nuclear threats from Iran count.');

	// Vote on the amendment: the button says what is voted.
	await host.getByRole('button', { name: 'Open the vote on the amendment' }).click();
	await expect(host.getByTestId('not-voted')).toContainText('Not voted yet (4)');
	await screenshots(host, 'classroom-facilitator-vote-open');
	await expectAccessible(host, 'the facilitator page with a vote open');
	for (const page of [dermer, chief, mossad]) await vote(page, 'No');
	await expect(host.getByTestId('not-voted')).toContainText('Not voted yet (1): Sam');
	await vote(adviser, 'Yes');
	await expect(host.getByTestId('not-voted')).toHaveText('Every seated player has voted.');
	await host.getByRole('button', { name: 'Close the vote on the amendment' }).click();
	await expect(host.getByTestId('vote-result').first()).toContainText('Amendment rejected');

	// Vote on the clause as drafted; the chief changes their mind after Dermer plays a card.
	await host.getByRole('button', { name: 'Open the vote on Scope' }).click();
	await vote(chief, 'No');
	await vote(dermer, 'Yes');
	await vote(mossad, 'Yes');
	const played = dermer.getByLabel('Card (optional)', { exact: true });
	const playedOption = (await played.locator('option').nth(1).textContent())!.trim();
	const playedCard = playedOption.split(' — ')[0].trim();
	await played.selectOption({ index: 1 });
	await dermer.getByLabel('Your argument').fill('Read this before you vote.');
	await dermer.getByRole('radio', { name: 'For it' }).check();
	await dermer.getByRole('button', { name: 'Post my argument' }).click();
	await expect(feed.getByText('Read this before you vote.')).toBeVisible();
	await vote(chief, 'Yes', { text: 'The minister’s card, “settles” it, for now', card: playedOption });

	// Meanwhile, in another tab, the console shows the vote under way at table 1.
	const watcher = await host.context().newPage();
	await watcher.goto(new URL(consoleUrl).pathname);
	const watched = watcher.getByRole('article');
	await expect(watched.nth(0).getByTestId('phase')).toHaveText('Clause by clause');
	await expect(watched.nth(0)).toContainText('Scope (clause 1 of 11)');
	await expect(watched.nth(0).getByTestId('vote')).toHaveText('Clause open: 3 of 4 in');
	await expect(watched.nth(1).getByTestId('phase')).toHaveText('Lobby');
	await expect(watcher.getByTestId('class-summary')).toContainText('4 of 10 seats taken · 4 connected · 1 running · 1 vote open');
	await screenshots(watcher, 'classroom-console-vote');

	await vote(adviser, 'Yes');
	await expect(watched.nth(0).getByTestId('vote')).toHaveText('Clause open: 4 of 4 in');

	// The clock: +1 minute on the vote timer, a pause and a resume.
	const clock = host.getByRole('group', { name: 'Clock' });
	const timer = clock.getByRole('timer');
	const before = secondsLeft(await timer.getAttribute('aria-label'));
	await clock.getByRole('button', { name: '+1 min on the timer' }).click();
	await expect.poll(async () => secondsLeft(await timer.getAttribute('aria-label'))).toBeGreaterThan(before + 50);
	await clock.getByRole('button', { name: 'Pause' }).click();
	await expect(clock.getByText('players cannot act until you resume')).toBeVisible();
	await expect(chief.getByRole('button', { name: 'Yes', exact: true })).toBeDisabled();
	await clock.getByRole('button', { name: 'Resume' }).click();
	await expect(clock.getByRole('button', { name: 'Pause' })).toBeVisible();

	await expect(host.getByTestId('tally-spoken').first()).toHaveText('4 yes, 0 no, 0 abstain; 4 of 4 ballots in.');
	await host.getByRole('button', { name: 'Close the vote on Scope' }).click();
	await expect(host.getByTestId('vote-result').first()).toContainText('Adopted');
	// With no timer running, +1 min is refused, and the refusal sits by the clock.
	await clock.getByRole('button', { name: '+1 min on the timer' }).click();
	await expect(clock.getByRole('alert')).toContainText('No timer is running');

	// Move the Mossad seat to another device: the new link works there, the old device is told.
	const dana = seats.getByRole('listitem').filter({ hasText: 'David Barnea' });
	await dana.getByRole('button', { name: /Move to another device/ }).click();
	const newLink = (await dana.getByRole('link', { name: /\/play\/.*#seat=/ }).textContent())!.trim();
	await expect(dana.getByRole('img', { name: 'QR code of the new link for David Barnea' })).toBeVisible();
	const tablet = await newPage(browser);
	await tablet.goto(newLink);
	await expect(tablet.getByRole('heading', { level: 1, name: 'David Barnea' })).toBeVisible();
	await expect(mossad.getByText(/moved to another device/)).toBeVisible();
	await dana.scrollIntoViewIfNeeded();
	await host.screenshot({ path: 'test-output/screenshots/classroom-facilitator-move-seat.png' });
	await dana.getByRole('button', { name: 'Done' }).click();

	// ── Freedom of action (second after the reorder): skipped; the rest skipped to ratification ──
	await host.getByRole('button', { name: 'Next step' }).click();
	await expect(region(host, 'Debate and vote').getByRole('heading', { name: 'Freedom of action', level: 3 })).toBeVisible();
	await screenshots(projector, 'classroom-projector');
	for (;;) {
		const skip = host.getByRole('button', { name: /^Skip / });
		if ((await skip.count()) === 0) break;
		const label = await skip.textContent();
		await skip.click();
		await expect(host.getByRole('button', { name: label!.trim() })).toHaveCount(0);
	}
	await expect(region(host, 'Ratification')).toBeVisible();
	await expect(agenda.getByText('Every clause has been debated; the order is final.')).toBeVisible();

	// ── Ratification: the treaty is signed ──
	await host.getByRole('button', { name: 'Open the ratification vote' }).click();
	for (const page of [dermer, chief, tablet, adviser]) await vote(page, 'Yes');
	await host.getByRole('button', { name: 'Close the ratification vote' }).click();
	await expect(host.getByRole('link', { name: 'Open the debrief' })).toBeVisible();
	await screenshots(host, 'classroom-facilitator-debrief');

	// After the game the students answer the poll again.
	await dermer.getByRole('radio', { name: 'Probably yes' }).check();
	await dermer.getByRole('button', { name: 'Send my answer' }).click();
	await expect(dermer.getByText('Counted. You answered: Probably yes')).toBeVisible();
	await expect(dermer.getByText('Before the game you answered: Definitely yes.')).toBeVisible();

	// The console, live all along, sees table 1 finished and table 2 still in its lobby.
	await expect(watched.nth(0).getByTestId('phase')).toHaveText('Debrief');
	await expect(watched.nth(0).getByRole('link', { name: 'Debrief of table 1' })).toBeVisible();
	await expect(watched.nth(1).getByTestId('phase')).toHaveText('Lobby');
	await screenshots(watcher, 'classroom-console-later');

	// ── The debrief ──
	await host.getByRole('link', { name: 'Open the debrief' }).click();
	await expect(host).toHaveURL(new RegExp(`/debrief/${code}$`));
	await expect(host.getByRole('heading', { level: 1, name: 'The treaty was signed' })).toBeVisible();
	const charts = host.locator('figure svg[role="img"]');
	await expect(charts).toHaveCount(4); // amendment, Scope, ratification, opinion
	await expect(host.getByRole('img', { name: /Ballots over time: Scope:/ })).toBeVisible();
	await expect(host.getByRole('img', { name: /Answers before and after the game/ })).toBeVisible();
	await expect(host.locator('figure[data-vote="2"] path.change')).toHaveCount(1);
	await expect(region(host, 'What preceded changes of vote')).toContainText(/changed from no to yes/i);
	await expect(region(host, 'What preceded changes of vote')).toContainText(playedCard);
	await expect(region(host, 'Reasons, by the card they cite')).toContainText('The minister’s card, “settles” it, for now');
	await expectAccessible(host, 'the debrief');
	await screenshots(host, 'classroom-debrief');
	// Every disclosure open (the charts' data tables, each role's objectives): still no violation.
	await host.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
	await expect(host.getByRole('table', { name: /Every ballot of this vote in order/ })).toHaveCount(3);
	await expectAccessible(host, 'the debrief with every disclosure open');
	await host.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = false)));

	// Exports: one JSON file with everything; CSV files that read back.
	const json = await downloaded(host, () => host.getByRole('button', { name: /Download JSON/ }).click());
	expect(json.name).toBe(`pact-room-${code}-debrief.json`);
	const exported = JSON.parse(json.text);
	expect(exported).toMatchObject({ format: 'pact-room-debrief', code, viewer: 'facilitator', debrief: { signed: true } });
	expect(exported.debrief.timeline.map((t: { kind: string }) => t.kind)).toEqual(['amendment', 'clause', 'ratification']);
	expect(exported.debrief.influences).toHaveLength(1);
	expect(exported.table.skipped).toHaveLength(10);
	// The opinion poll only as counts, for the facilitator as for anyone: Definitely yes and
	// Probably not before, Probably yes after.
	expect(exported.debrief.poll).toEqual({ before: [1, 0, 0, 1, 0], after: [0, 1, 0, 0, 0] });
	expect(exported.table).not.toHaveProperty('pollBySeat');
	await expect(region(host, 'Opinion before and after')).toContainText('Counted without names');

	await host.getByText('Download CSV for a spreadsheet').click();
	const timeline = await downloaded(host, () => host.getByRole('button', { name: 'timeline.csv' }).click());
	expect(timeline.name).toBe(`pact-room-${code}-timeline.csv`);
	expect(timeline.text.startsWith('\uFEFFvote,kind,clause,')).toBe(true);
	const rows = parseCsv(timeline.text.slice(1));
	const head = rows[0];
	const change = rows.find((r) => r[head.indexOf('changed')] === 'yes')!;
	expect(change[head.indexOf('player')]).toBe('Yoni');
	expect(change[head.indexOf('previous choice')]).toBe('no');
	expect(rows.filter((r) => r[head.indexOf('kind')] === 'ratification')).toHaveLength(4);

	const ballots = parseCsv((await downloaded(host, () => host.getByRole('button', { name: 'ballots.csv' }).click())).text.slice(1));
	expect(ballots.find((r) => r[ballots[0].indexOf('player')] === 'Yoni' && r[1] === 'clause')![ballots[0].indexOf('reason')]).toBe(
		'The minister’s card, “settles” it, for now'
	);
	const scores = parseCsv((await downloaded(host, () => host.getByRole('button', { name: 'scores.csv' }).click())).text.slice(1));
	expect(scores[0]).toEqual(expect.arrayContaining(['role', 'player', 'score']));
	expect(scores[0]).not.toContain('opinion after');
	await expect(host.getByText('counts without names')).toBeVisible();
	const poll = parseCsv((await downloaded(host, () => host.getByRole('button', { name: 'poll.csv' }).click())).text.slice(1));
	expect(poll).toEqual([
		['answer', 'players before', 'players after'],
		['Definitely yes', '1', '0'],
		['Probably yes', '0', '1'],
		['Not sure', '0', '0'],
		['Probably not', '1', '0'],
		['Definitely not', '0', '0']
	]);
	const posts = parseCsv((await downloaded(host, () => host.getByRole('button', { name: 'posts.csv' }).click())).text.slice(1));
	expect(posts.find((r) => r.includes('Off-topic remark that should not stay up.'))![posts[0].indexOf('hidden by facilitator')]).toBe('yes');

	// The printed handout: the screen sections give way to one page of treaty, scores and moments.
	await host.emulateMedia({ media: 'print' });
	await expect(host.getByRole('heading', { name: `Pact Room — debrief, table ${code}` })).toBeVisible();
	await expect(host.getByRole('button', { name: /Download JSON/ })).toBeHidden();
	await expect(host.getByText('Opinion after the game (change since the briefing): Definitely yes 0 (−1), Probably yes 1 (+1), Probably not 0 (−1).')).toBeVisible();
	await host.setViewportSize({ width: 794, height: 1123 });
	await host.screenshot({ path: 'test-output/screenshots/classroom-debrief-print.png', fullPage: true });
	await host.emulateMedia({ media: 'screen' });

	// A student opens the same debrief from their seat: the poll as counts, and their export
	// leaves out even their own answers.
	await dermer.goto(`/debrief/${code}`);
	await expect(dermer.getByRole('heading', { level: 1, name: 'The treaty was signed' })).toBeVisible();
	await expect(dermer.locator('figure svg[role="img"]')).toHaveCount(4);
	const mine = JSON.parse((await downloaded(dermer, () => dermer.getByRole('button', { name: /Download JSON/ }).click())).text);
	expect(mine).toMatchObject({ viewer: 'seat', table: { you: { seat: 'dermer' } }, debrief: { poll: exported.debrief.poll } });
	expect(mine.table.you).not.toHaveProperty('poll');
	await screenshots(dermer, 'classroom-debrief-player');
});

test('under secret ballots the debrief shows final counts and changes of vote, never who or when', async ({ browser }) => {
	test.setTimeout(120_000);
	const host = await newPage(browser);
	await host.goto('/');
	await everyClauseByHand(host);
	await host.getByRole('radio', { name: /Secret/ }).check();
	for (const step of ['Briefing', 'Opening statements', 'Debate, per clause', 'Vote'])
		await host.getByLabel(step, { exact: true }).selectOption({ label: 'Off — I’ll advance by hand' });
	await host.getByRole('button', { name: 'Create game' }).click();
	await host.getByRole('link', { name: 'Run table 1' }).click();
	const code = (await host.getByTestId('room-code').textContent())!.trim();
	const dermer = await joinAs(browser, code, 'Maya', 'Ron Dermer');
	const adviser = await joinAs(browser, code, 'Sam', 'White House adviser');

	await host.getByRole('button', { name: 'Start the game' }).click();
	await host.getByRole('button', { name: 'Next step' }).click();
	await host.getByRole('button', { name: 'Next step' }).click();
	await host.getByRole('button', { name: 'Open the vote on Scope' }).click();
	await vote(dermer, 'No');
	await vote(adviser, 'Yes');
	await vote(dermer, 'Yes');
	// The facilitator sees who has voted, so under secret ballots no running count.
	await expect(host.getByTestId('tally-spoken')).toHaveText('Tally hidden until the vote closes; 2 of 2 ballots in.');
	await host.getByRole('button', { name: 'Close the vote on Scope' }).click();
	await host.getByRole('button', { name: 'End the game' }).click();
	await host.getByRole('button', { name: 'Yes, end the game' }).click();
	await host.getByRole('link', { name: 'Open the debrief' }).click();

	await expect(host.getByRole('heading', { level: 1, name: 'The treaty was not signed' })).toBeVisible();
	const chart = host.getByRole('img', { name: /^Final count: Scope:/ });
	await expect(chart).toBeVisible();
	await expect(host.getByText('Secret ballots: who voted what, and when, is not kept. 1 change of vote: no → yes.')).toBeVisible();
	await expect(region(host, 'What preceded changes of vote')).toContainText(/A secret ballot changed from no to yes/i);
	await expect(region(host, 'What preceded changes of vote')).not.toContainText('Maya');
	await expectAccessible(host, 'the debrief of a secret-ballot game');
	await screenshots(host, 'classroom-debrief-secret');
	const rows = parseCsv((await downloaded(host, async () => {
		await host.getByText('Download CSV for a spreadsheet').click();
		await host.getByRole('button', { name: 'timeline.csv' }).click();
	})).text.slice(1));
	expect(rows.slice(1).every((r) => r[rows[0].indexOf('player')] === '' && r[rows[0].indexOf('yes so far')] === '')).toBe(true);
});

test('the facilitator page and the debrief explain a missing or wrong key', async ({ browser }) => {
	const page = await newPage(browser);
	await page.goto('/facilitate/ZZZZZZ');
	await expect(page.getByRole('alert')).toContainText('This page needs the facilitator link');
	await page.goto('about:blank');
	await page.goto(`/facilitate/ZZZZZZ#key=${'y'.repeat(32)}`);
	await expect(page.getByRole('alert')).toContainText('There is no game with the code ZZZZZZ');
	await page.goto('/debrief/ZZZZZZ');
	await expect(page.getByRole('alert')).toContainText('There is no game with the code ZZZZZZ');
});
