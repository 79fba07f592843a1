/**
 * Text from players is length-limited and always rendered as text. A corpus of hostile strings
 * (markup with scripts and event handlers, javascript: URLs, Svelte and template syntax, HTML
 * entities, bidi overrides and invisible characters, a 10 KB name, words too long for a phone)
 * goes through every field a person can type into — the room code and the solo name on the home
 * page, the display name at the seat picker, the argument form and the vote reason — and then
 * sits on the player pages, the facilitator's page, the projector and the debrief: nothing runs,
 * no markup is made, refusals show at the field with nothing saved, bidi controls never reach a
 * page, and at 360 px wide no page scrolls sideways.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { io, type Socket } from 'socket.io-client';
import { CastVote, DisplayName, PostArgument, type Action } from '../../src/lib/protocol/actions';
import { ROOM_CODE_TYPED_LENGTH, RoomCode } from '../../src/lib/protocol/events';
import { corpus, expectNoSidewaysScroll, Tripwires } from './hostile';
import { screenshots } from './screenshots';

/** The facilitator, over a socket of its own (as the console would drive it). */
class Host {
	private constructor(
		private socket: Socket,
		readonly code: string,
		readonly key: string
	) {}

	static async create(baseURL: string, settings: Record<string, unknown> = {}): Promise<Host> {
		const socket = io(baseURL, { transports: ['websocket'], forceNew: true, reconnection: false });
		await new Promise<void>((resolve, reject) => {
			socket.once('connect', () => resolve());
			socket.once('connect_error', reject);
		});
		// Long timers, so nothing moves on by itself while the test reads the pages.
		const created = await socket.timeout(5000).emitWithAck('createGame', {
			timers: { briefing: 1800, opening: 1800, debate: 1800, vote: 1800 },
			...settings
		});
		expect(created.ok, JSON.stringify(created)).toBe(true);
		const entered = await socket.timeout(5000).emitWithAck('enterRoom', { code: created.code, facilitatorToken: created.facilitatorToken });
		expect(entered.ok).toBe(true);
		return new Host(socket, created.code, created.facilitatorToken);
	}

	async act(action: Action) {
		const res = await this.try(action);
		expect(res, `facilitator ${action.type}`).toMatchObject({ ok: true });
	}

	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	try(action: Action): Promise<any> {
		return this.socket.timeout(5000).emitWithAck('action', action);
	}

	close() {
		this.socket.disconnect();
	}
}

/** What the server keeps of each kind of text: the protocol's own schemas. */
const keptName = (typed: string) => DisplayName.parse(typed);
const keptArgument = (typed: string) => PostArgument.parse({ type: 'postArgument', text: typed.trim() }).text ?? '';
const keptReason = (typed: string) => CastVote.parse({ type: 'castVote', choice: 'yes', reason: typed.trim() }).reason ?? '';

/** The text contents of every element a locator matches, exactly as the DOM holds them. */
const texts = (page: Page, selector: string) => page.locator(selector).evaluateAll((els) => els.map((e) => e.textContent ?? ''));

/** Drops a field's maxlength, as anyone can in the browser's developer tools. */
const dropMaxLength = (page: Page, selector: string) => page.locator(selector).evaluate((e) => e.removeAttribute('maxlength'));

/**
 * In every feed post the author's name comes before the role in reading order, left to right:
 * a name cannot flip or reverse what follows it on its line.
 */
async function expectNamesInOrder(page: Page, what: string) {
	const flipped = await page.locator('.feed .author').evaluateAll((authors) =>
		authors.flatMap((author) => {
			const role = author.querySelector('.role');
			const name = author.firstChild;
			if (!role || !name || name.nodeType !== Node.TEXT_NODE || !name.textContent?.trim()) return [];
			const range = document.createRange();
			range.selectNodeContents(name);
			const rects = [...range.getClientRects()];
			const last = rects.at(-1)!;
			const roleBox = role.getClientRects()[0];
			// The role starts at or after the end of the name's last line (or on a line below it).
			return roleBox.top >= last.bottom - 1 || roleBox.left >= last.right - 1 ? [] : [author.textContent];
		})
	);
	expect(flipped, `names followed by their role out of order on ${what}`).toEqual([]);
}

test('the home page takes hostile room codes and solo names as text, and refuses them at the field', async ({ browser }) => {
	test.setTimeout(120_000);
	const wires = new Tripwires(browser);
	const page = await wires.page();
	await wires.goto(page, '/');

	// The room code: each string, typed into the field. The field holds six characters at most;
	// what is not a room code is refused next to the field, and the page stays where it is.
	for (const [label, text] of Object.entries(corpus)) {
		const field = page.getByLabel('Room code');
		await field.fill(text);
		const typed = await field.inputValue();
		expect(typed.length, `${label}: the room code field holds`).toBeLessThanOrEqual(ROOM_CODE_TYPED_LENGTH);
		await page.getByRole('button', { name: 'Join' }).click();
		const parsed = RoomCode.safeParse(typed);
		if (parsed.success) {
			// Six letters that look like a code (AAAAAA, MMMMMM): the game says there is no such room.
			await expect(page).toHaveURL(new RegExp(`/play/${parsed.data}$`));
			await expect(page.getByRole('heading', { name: 'Cannot join this game' })).toBeVisible();
			await wires.expectUnharmed(page, `/play/${parsed.data} from ${label}`);
			await wires.goto(page, '/');
			continue;
		}
		const error = page.locator('#join-error');
		await expect(error, label).toHaveText(/^That is not a room code: /);
		await expect(field).toHaveAttribute('aria-invalid', 'true');
		await expect(field).toHaveAttribute('aria-describedby', /join-error/);
		await expect(page).toHaveURL(/\/$/);
		await wires.expectUnharmed(page, `the home page after the room code ${label}`);
	}

	// A link may carry any code (/?code=…): it lands in the field as text, whatever its length.
	for (const [label, text] of Object.entries(corpus)) {
		await wires.goto(page, `/?code=${encodeURIComponent(text)}`);
		// (A one-line field drops line breaks.)
		await expect(page.getByLabel('Room code')).toHaveValue(text.toUpperCase().replace(/[\r\n]/g, ''));
		await wires.expectUnharmed(page, `the home page with ?code= ${label}`);
	}
	await wires.goto(page, `/?code=${corpus.tenKilobytes}`);
	await wires.expectUnharmed(page, 'the home page with a 10 KB ?code=');
	await expectNoSidewaysScroll(page, 'the home page with a 10 KB ?code=');
	await screenshots(page, 'hostile-home-code-link');

	// Solo practice: blank and invisible names, and a name past the limit, are refused at the
	// field and start no game; a hostile name that fits starts one and is shown as text.
	await wires.goto(page, '/');
	const name = page.locator('#solo-name');
	const start = page.getByRole('button', { name: 'Start practice' });
	for (const [label, text, message] of [
		['only spaces', corpus.onlySpaces, /Enter a display name/],
		['only invisible characters', corpus.onlyInvisible, /Enter a display name/],
		['10 KB with the maxlength removed', corpus.tenKilobytes, /40 characters/]
	] as const) {
		if (text === corpus.tenKilobytes) await dropMaxLength(page, '#solo-name');
		await name.fill(text);
		await start.click();
		const error = page.locator('form.solo [role="alert"]');
		await expect(error, label).toHaveText(message);
		await expect(error, label).not.toContainText('not understood');
		await expect(name, label).toHaveAttribute('aria-invalid', 'true');
		await expect(name, label).toHaveAttribute('aria-describedby', 'solo-error');
		await expect(page, label).toHaveURL(/\/$/);
		await wires.expectUnharmed(page, `the solo form after ${label}`);
	}
	await wires.goto(page, '/');
	await page.locator('#solo-name').fill(corpus.tenKilobytes);
	expect(await page.locator('#solo-name').inputValue(), 'the solo name field holds').toHaveLength(40);
	await page.locator('#solo-name').fill(corpus.imgOnerror);
	await start.click();
	await expect(page).toHaveURL(/\/play\/[A-Z2-9]{6}$/);
	await expect(page.locator('.you .player')).toHaveText(keptName(corpus.imgOnerror));
	await wires.expectUnharmed(page, 'a solo game with a hostile name');

	// A hostile room code in the address: shown as text, refused, no sideways scroll.
	for (const route of ['play', 'projector', 'facilitate', 'debrief']) {
		for (const [label, text] of [
			['script tag', corpus.scriptTag],
			['bidi override', corpus.rtlUnterminated], // stripped: a code that is merely unknown
			['10 KB', corpus.tenKilobytes]
		] as const) {
			await wires.goto(page, `/${route}/${encodeURIComponent(text)}`);
			// "Cannot join this game", "Cannot show this game", "This page needs the facilitator link"…
			await expect(page.getByRole('heading', { level: 1 }), `/${route}/ ${label}`).toHaveText(/^Cannot|needs/);
			await wires.expectUnharmed(page, `/${route}/ with a ${label} code`);
			await expectNoSidewaysScroll(page, `/${route}/ with a ${label} code`);
		}
	}
	await screenshots(page, 'hostile-debrief-10kb-code');
	wires.expectNoErrors();
});

test('hostile names, arguments and vote reasons stay text on every page, at every width', async ({ browser, baseURL }) => {
	// Thirteen live pages and every page checked at several widths: on a busy two-core machine
	// this takes well over five minutes.
	test.setTimeout(720_000);
	const wires = new Tripwires(browser);
	// Eleven seats: the core roles, three White House advisers and every optional role.
	const host = await Host.create(baseURL!, {
		seatCounts: {
			'white-house-adviser': 3,
			'planning-directorate': 1,
			'prime-minister': 1,
			'jinsa-advocate': 1,
			'former-nsa': 1,
			'academic-expert': 1
		}
	});
	const code = host.code;

	const projector = await wires.page();
	await projector.setViewportSize({ width: 1600, height: 900 });
	await wires.goto(projector, `/projector/${code}`);
	await expect(projector.getByRole('heading', { name: 'Seats: 0 of 11 taken' })).toBeVisible();

	const facilitator = await wires.page();
	await wires.goto(facilitator, `/facilitate/${code}#key=${host.key}`);
	await expect(facilitator.getByTestId('room-code')).toHaveText(code);

	// ── The seat picker: refusals first, at the name field, with nothing saved ──
	const first = await wires.page();
	await wires.goto(first, `/play/${code}`);
	const nameField = first.getByLabel('Your display name');
	const takeFirstFree = () => first.getByRole('button', { name: /^Take the seat of / }).first().click();
	const nameError = first.locator('#name-error');
	for (const [label, text, message] of [
		['only spaces', corpus.onlySpaces, 'Enter your display name first.'],
		['only invisible characters and a bidi override', corpus.onlyInvisible, 'Enter your display name first.'],
		['10 KB with the maxlength removed', corpus.tenKilobytes, 'Keep your display name to 40 characters.'],
		['41 characters with the maxlength removed', 'x'.repeat(41), 'Keep your display name to 40 characters.']
	] as const) {
		if (text.length > 40) await dropMaxLength(first, '#display-name');
		await nameField.fill(text);
		await takeFirstFree();
		await expect(nameError, label).toHaveText(message);
		await expect(nameField, label).toHaveAttribute('aria-invalid', 'true');
		await expect(nameField, label).toHaveAttribute('aria-describedby', /name-error/);
		await expect(nameField, label).toBeFocused();
		// Nothing saved: every seat is still free, here and on the projector.
		await expect(first.getByText('11 of 11 seats free.'), label).toBeVisible();
		await expect(projector.getByRole('heading', { name: 'Seats: 0 of 11 taken' })).toBeVisible();
		await wires.expectUnharmed(first, `the seat picker after ${label}`);
	}
	await wires.goto(first, `/play/${code}`); // the field's maxlength back

	// ── Eleven players take their seats through the seat picker, each with a hostile name ──
	const names = [
		corpus.scriptTag,
		corpus.imgOnerror,
		corpus.svgOnload,
		corpus.javascriptUrl,
		corpus.svelteHtml,
		corpus.rtlOverride,
		corpus.tenKilobytes, // the field keeps 40 of its characters: one 40-letter word
		corpus.zalgo,
		corpus.entities.slice(0, 40),
		corpus.rtlUnterminated,
		corpus.longWord // 40 Ms: the widest word a name can be
	];
	const players: { page: Page; name: string }[] = [];
	for (const [i, typed] of names.entries()) {
		const page = i === 0 ? first : await wires.page();
		if (i > 0) await wires.goto(page, `/play/${code}`);
		const field = page.getByLabel('Your display name');
		await field.fill(typed);
		const held = await field.inputValue();
		expect(held.length, 'the name field holds at most 40 characters').toBeLessThanOrEqual(40);
		const name = keptName(held);
		await page.getByRole('button', { name: /^Take the seat of / }).first().click();
		await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/^Join room/);
		// Literally what was typed, less the control and formatting characters.
		await expect.poll(() => page.locator('.you .player').textContent()).toBe(name);
		players.push({ page, name });
	}
	expect(players.find((p) => p.name === 'evil'), 'the bidi override is stripped from a name').toBeTruthy();
	expect(players.map((p) => p.name)).toContain('A'.repeat(40));
	expect(players.map((p) => p.name)).toContain('ab cd ef');

	// Every name on the projector's seat list and the facilitator's seats, as text.
	await expect(projector.getByRole('heading', { name: 'Seats: 11 of 11 taken' })).toBeVisible();
	const projectorNames = (await texts(projector, '.seats .who')).map((t) => t.replace('✔ ', '').trim());
	const facilitatorNames = await texts(facilitator, '.seat .player');
	for (const { name } of players) {
		expect(projectorNames, 'the projector lists').toContain(name);
		expect(facilitatorNames, 'the facilitator page lists').toContain(name);
	}
	await expect(projector.locator('.seats .who', { hasText: corpus.scriptTag })).toBeVisible();
	for (const page of [projector, facilitator, players[0].page])
		await wires.expectUnharmed(page, `${page.url()} with eleven hostile names`);
	await expectNoSidewaysScroll(projector, 'the projector lobby');
	await expectNoSidewaysScroll(facilitator, 'the facilitator page in the lobby');
	await expectNoSidewaysScroll(players[6].page, 'the player page in the lobby');
	await screenshots(projector, 'hostile-projector-lobby');
	await screenshots(facilitator, 'hostile-facilitator-lobby');
	await screenshots(first, 'hostile-player-lobby');

	// ── Opening statements: every player argues with a hostile text ──
	await host.act({ type: 'start' });
	await host.act({ type: 'advance' });
	const statements = [
		corpus.scriptTag,
		corpus.imgOnerror,
		corpus.svgOnload,
		`${corpus.svelteHtml} ${corpus.templateLiteral} ${corpus.mustache}`,
		`${corpus.rtlOverride} was stripped; ${corpus.rtlUnterminated} too`,
		corpus.entities,
		corpus.markdown,
		`${corpus.zalgo} ${corpus.zeroWidth} ${corpus.nulAndControls}`,
		corpus.newlines,
		'<b>'.repeat(125), // exactly the 500 characters an argument may have
		corpus.longWord // last, so the projector shows it
	];
	const a = players[0].page;
	await expect(a.getByRole('heading', { name: 'Your opening statement' })).toBeVisible();
	const argumentField = a.getByLabel('Your statement');
	const argumentForm = a.locator('form.argument');
	const post = () => a.getByRole('button', { name: 'Make my opening statement' }).click();

	// Refused at the form, nothing posted: blank text, invisible characters only, 501 characters.
	for (const [label, text, message] of [
		['only spaces', corpus.onlySpaces, /Write an argument/],
		['only invisible characters', corpus.onlyInvisible, /Write an argument/],
		['501 characters with the maxlength removed', '<'.repeat(501), /^Keep your statement to 500 characters\.$/]
	] as const) {
		if (text.length > 500) await dropMaxLength(a, 'form.argument textarea');
		await argumentField.fill(text);
		await post();
		const error = argumentForm.getByRole('alert');
		await expect(error, label).toHaveText(message);
		await expect(error, label).not.toContainText('not understood');
		const errorId = await error.getAttribute('id');
		if (errorId) await expect(argumentField, label).toHaveAttribute('aria-describedby', new RegExp(errorId));
		await expect(a.getByText('Nobody has spoken yet.'), `${label}: nothing posted`).toBeVisible();
		await expect(facilitator.locator('.feed li'), `${label}: nothing posted`).toHaveCount(0);
		await wires.expectUnharmed(a, `the argument form after ${label}`);
	}
	await wires.goto(a, `/play/${code}`); // the textarea's maxlength back
	await a.getByLabel('Your statement').fill('x'.repeat(501));
	expect(await a.getByLabel('Your statement').inputValue(), 'the argument field holds').toHaveLength(500);
	await expect(a.getByText('500 / 500 characters')).toBeVisible();

	// Two players answer the private poll, so the debrief has counts to show.
	for (const i of [6, 10]) {
		await players[i].page.getByRole('radio', { name: 'Probably yes' }).check();
		await players[i].page.getByRole('button', { name: 'Send my answer' }).click();
		await expect(players[i].page.getByText('Counted. You answered: Probably yes')).toBeVisible();
	}

	const posted: string[] = [];
	for (const [i, { page }] of players.entries()) {
		await page.getByLabel('Your statement').fill(statements[i]);
		await page.getByRole('button', { name: 'Make my opening statement' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Your opening statement is on the table.' })).toBeVisible();
		posted.push(keptArgument(statements[i]));
	}
	expect(posted).toContain('evil was stripped; abcdef too');

	// Each statement, literally, in the feeds: the facilitator's and the players' hold all of
	// them, the projector its latest.
	await expect(facilitator.locator('.feed li')).toHaveCount(posted.length);
	for (const page of [facilitator, a, players[10].page]) {
		await expect(page.locator('.feed li')).toHaveCount(posted.length);
		const shown = await texts(page, '.feed .text');
		for (const text of posted) expect(shown, `the feed on ${page.url()}`).toContain(text);
	}
	await expect(a.getByText(corpus.scriptTag, { exact: true }).first()).toBeVisible();
	await expect(a.getByText(corpus.imgOnerror, { exact: true }).first()).toBeVisible();
	const onProjector = await texts(projector, '.feed .text');
	expect(onProjector).toEqual(posted.slice(-1));

	for (const page of [projector, facilitator, a]) {
		await wires.expectUnharmed(page, `${page.url()} with hostile statements`);
		await expectNamesInOrder(page, page.url());
	}
	await expectNoSidewaysScroll(a, 'the player page with hostile statements');
	await expectNoSidewaysScroll(facilitator, 'the facilitator page with hostile statements');
	await expectNoSidewaysScroll(projector, 'the projector with hostile statements');
	await screenshots(a, 'hostile-player-opening');
	await screenshots(facilitator, 'hostile-facilitator-opening');
	await screenshots(projector, 'hostile-projector-opening');

	// ── A clause: hands up, the floor, an amendment, and a vote with hostile reasons ──
	await host.act({ type: 'advance' });
	await expect(a.getByRole('heading', { level: 2, name: 'Scope' })).toBeVisible();
	for (const i of [6, 10, 5]) await players[i].page.getByRole('button', { name: 'Raise my hand' }).click();
	// The queue's button, named after the player: "Give the floor to AAAA… (role)".
	await facilitator.getByRole('button', { name: /^Give the floor to A{40} \(/ }).click();
	await expect(projector.locator('.speaker .who')).toContainText('A'.repeat(40));
	const proposer = players[10].page;
	await proposer.getByLabel('Switch Scope to').selectOption({ index: 1 });
	await proposer.getByRole('button', { name: 'Propose this amendment' }).click();
	for (const page of [a, facilitator, projector]) await expect(page.getByTestId('pending-amendment')).toContainText(`Amendment by ${'M'.repeat(40)}`);

	await host.act({ type: 'openVote' });
	await expect(a.getByText('Amendment vote')).toBeVisible();
	const reasonField = a.getByLabel(/Your reason/);
	const ballot = a.locator('.ballot-box');
	// Refused at the ballot, no vote saved: a reason of 141 characters.
	await dropMaxLength(a, '.ballot-box input');
	await reasonField.fill('R'.repeat(141));
	await a.getByRole('button', { name: 'Yes', exact: true }).click();
	await expect(ballot.getByRole('alert')).toHaveText('Keep your reason to 140 characters.');
	await expect(reasonField).toHaveAttribute('aria-describedby', new RegExp((await ballot.getByRole('alert').getAttribute('id'))!));
	await expect(reasonField).toBeFocused();
	await expect(ballot.getByRole('alert')).not.toContainText('not understood');
	await expect(a.getByTestId('my-vote')).toHaveText('You have not voted yet.');
	await expect(projector.getByTestId('tally-spoken')).toHaveText('0 yes, 0 no, 0 abstain; 0 of 11 ballots in.');
	await wires.goto(a, `/play/${code}`); // the field's maxlength back
	await a.getByLabel(/Your reason/).fill('R'.repeat(141));
	expect(await a.getByLabel(/Your reason/).inputValue(), 'the reason field holds').toHaveLength(140);

	const reasons = [
		corpus.scriptTag,
		corpus.imgOnerror,
		corpus.svgOnload,
		corpus.javascriptUrl,
		`${corpus.svelteHtml} ${corpus.templateLiteral}`,
		`${corpus.rtlOverride} ${corpus.rtlUnterminated}`,
		corpus.entities,
		`${corpus.zalgo} ${corpus.zeroWidth}`,
		corpus.iframe,
		'=HYPERLINK("http://evil.example","click") ' + corpus.nulAndControls,
		'R'.repeat(140)
	];
	const choices = ['Yes', 'No', 'Abstain'] as const;
	const given: string[] = [];
	for (const [i, { page }] of players.entries()) {
		await page.getByLabel(/Your reason/).fill(reasons[i]);
		await page.getByRole('button', { name: choices[i % 3], exact: true }).click();
		const reason = keptReason(reasons[i]);
		await expect.poll(() => page.getByTestId('my-vote').textContent()).toContain(`“${reason}”`);
		given.push(reason);
	}
	await expect(projector.getByTestId('tally-spoken')).toHaveText('4 yes, 4 no, 3 abstain; 11 of 11 ballots in.');
	// Named ballots: everyone sees who voted what, and why — literally.
	for (const page of [a, facilitator, projector]) {
		const list = page.getByRole('list', { name: 'Who voted what' });
		await expect(list.getByRole('listitem')).toHaveCount(11);
		const shownReasons = await list.locator('.reason').evaluateAll((els) => els.map((e) => e.firstChild?.textContent ?? ''));
		for (const reason of given) expect(shownReasons, `reasons on ${page.url()}`).toContain(`“${reason}”`);
		const who = await texts(page, '.named .who');
		for (const { name } of players) expect(who.some((w) => w.startsWith(`${name} (`)), `${name} on ${page.url()}`).toBe(true);
		await wires.expectUnharmed(page, `${page.url()} with hostile reasons`);
		await expectNamesInOrder(page, page.url());
	}
	await expectNoSidewaysScroll(a, 'the player page in the vote');
	await expectNoSidewaysScroll(facilitator, 'the facilitator page in the vote');
	await expectNoSidewaysScroll(projector, 'the projector in the vote');
	await screenshots(a, 'hostile-player-vote');
	await screenshots(facilitator, 'hostile-facilitator-vote');
	await screenshots(projector, 'hostile-projector-vote');

	// ── Ratification and the debrief: the names in the scores, the reasons in the timeline ──
	await host.act({ type: 'closeVote' });
	// Every other clause set aside, paced under the server's per-connection action limit.
	for (let i = 0; i < 30; i++) {
		const res = await host.try({ type: 'skipClause' });
		if (!res.ok) {
			expect(res.code, res.message).toBe('no_clause_on_floor');
			break;
		}
		await new Promise((resolve) => setTimeout(resolve, 150));
	}
	await expect(a.getByRole('heading', { name: 'The treaty as it stands' })).toBeVisible();
	await host.act({ type: 'openVote' });
	for (const [i, { page }] of players.entries()) {
		await page.getByLabel(/Your reason/).fill(reasons[(i + 5) % reasons.length]);
		await page.getByRole('button', { name: 'Yes', exact: true }).click();
		await expect(page.getByRole('button', { name: 'Yes', exact: true })).toHaveAttribute('aria-pressed', 'true');
	}
	await host.act({ type: 'closeVote' });
	await expect(a.getByTestId('outcome')).toBeVisible();
	await expect(projector.getByTestId('outcome')).toBeVisible();

	const debrief = await wires.page();
	await wires.goto(debrief, `/debrief/${code}#key=${host.key}`);
	await expect(debrief.getByRole('heading', { level: 1 }).first()).toBeVisible();
	await expect(debrief.getByText(corpus.scriptTag, { exact: true }).filter({ visible: true }).first()).toBeVisible();
	for (const [page, what] of [
		[a, 'the player debrief'],
		[projector, 'the projector debrief'],
		[facilitator, 'the facilitator page at the debrief'],
		[debrief, 'the debrief page']
	] as const) {
		// Every folded table and list open, so the layout check covers them too.
		await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
		const text = await page.locator('main').textContent();
		for (const { name } of players.slice(0, 4)) expect(text, `${name} on ${what}`).toContain(name);
		await wires.expectUnharmed(page, what);
		await expectNoSidewaysScroll(page, what);
	}
	await screenshots(a, 'hostile-player-debrief');
	await screenshots(projector, 'hostile-projector-debrief');
	await screenshots(debrief, 'hostile-debrief');
	wires.expectNoErrors();
	host.close();
});
