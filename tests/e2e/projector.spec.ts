/**
 * The projector on a classroom screen. At 1920×1080 and at 1280×720, in every phase of a game —
 * the lobby, the briefing, the opening statements, a clause's debate, an amendment and its vote,
 * the clause's vote with its last call and the countdown after its result, the ratification and
 * the debrief — what the room reads is on the screen at once, with nothing to scroll and nothing
 * cut off: the clause on the floor, the tally, the timer, the latest argument, the join code.
 * Axe finds nothing in any phase. A laptop previewing it (1280×800) and a phone (360×740) may
 * scroll, but never sideways, and nothing there is cut off either.
 *
 * The game is the fullest the scenario allows: every seat taken under the longest names, the
 * longest clause on the floor, arguments and reasons at their longest, every clause adopted
 * before the ratification. The facilitator and the players act over Socket.IO; only the
 * projector is a browser.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { screenshots } from './screenshots';
import { closeAll } from '../helpers/clients';
import { Table } from '../helpers/table';
import { ARGUMENT_MAX, REASON_MAX } from '../../src/lib/protocol/actions';
import type { SeatView } from '../../src/lib/game/view';

const SCREENS = [
	{ width: 1920, height: 1080 },
	{ width: 1280, height: 720 }
];
const PREVIEWS = [
	{ width: 1280, height: 800 },
	{ width: 360, height: 740 }
];

/** How far an element's content overflows its own box, across and down (0 when nothing is cut off). */
const overflow = (part: Locator) =>
	part.evaluate((el) => ({ across: el.scrollWidth - el.clientWidth, down: el.scrollHeight - el.clientHeight }));

/**
 * The projector in one phase: on each 16:9 screen every part is wholly on screen, uncut, and the
 * page does not scroll; each of the `panels` (what may run longer than a screen, and scrolls
 * within itself) is on screen and reachable by keyboard; axe finds nothing. On the narrower
 * previews nothing scrolls sideways or is cut off. Screenshots of all four for people to judge.
 */
async function oneScreen(page: Page, phase: string, parts: Record<string, Locator>, panels: Record<string, Locator> = {}) {
	for (const screen of SCREENS) {
		await page.setViewportSize(screen);
		const at = `${phase} at ${screen.width}×${screen.height}`;
		for (const [name, part] of Object.entries(parts)) {
			await expect(part, `the ${name}, ${at}`).toBeInViewport({ ratio: 1 });
			const cut = await overflow(part);
			expect(cut.across, `the ${name} cut off across, ${at}`).toBeLessThanOrEqual(1);
			expect(cut.down, `the ${name} cut off below, ${at}`).toBeLessThanOrEqual(1);
		}
		for (const [name, panel] of Object.entries(panels)) {
			await expect(panel, `the ${name}, ${at}`).toBeInViewport({ ratio: 1 });
			await expect(panel, `the ${name} reachable by keyboard, ${at}`).toHaveAttribute('tabindex', '0');
		}
		const extent = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth }));
		expect(extent.height, `the page's height, ${at}`).toBeLessThanOrEqual(screen.height);
		expect(extent.width, `the page's width, ${at}`).toBeLessThanOrEqual(screen.width);
	}
	// The 720p screen is the 1080p one scaled down: one check of the page serves both.
	const { violations } = await new AxeBuilder({ page }).analyze();
	const report = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
	expect(report, `axe, ${phase}`).toEqual([]);
	for (const screen of PREVIEWS) {
		await page.setViewportSize(screen);
		const at = `${phase} at ${screen.width}×${screen.height}`;
		expect(await page.evaluate(() => document.documentElement.scrollWidth), `the page's width, ${at}`).toBeLessThanOrEqual(screen.width);
		for (const [name, part] of Object.entries(parts)) {
			await expect(part, `the ${name}, ${at}`).toBeVisible();
			const cut = await overflow(part);
			expect(cut.across, `the ${name} cut off across, ${at}`).toBeLessThanOrEqual(1);
			expect(cut.down, `the ${name} cut off below, ${at}`).toBeLessThanOrEqual(1);
		}
	}
	await screenshots(page, `projector-${phase}`, [...SCREENS, ...PREVIEWS]);
	await page.setViewportSize(SCREENS[0]);
}

/** The projector's parts, found as a person would: by role, test id, or the component's own element. */
function partsOf(page: Page) {
	return {
		clause: page.locator('.clause[data-clause]'),
		timer: page.getByRole('timer', { name: / left/ }),
		tally: page.locator('.tally .bars, .tally .hidden-tally'),
		result: page.getByTestId('vote-result'),
		// The newest post's author line; the post itself may run longer than its panel, which scrolls.
		latest: page.locator('.feed > li .meta').first(),
		latestPanel: page.getByRole('region', { name: /^Latest (argument|statement)$/ }),
		amendment: page.getByTestId('pending-amendment')
	};
}

// Every seat the scenario allows, taken under names as long as a name may be.
const SEAT_COUNTS = { 'white-house-adviser': 3, 'planning-directorate': 1, 'prime-minister': 1, 'jinsa-advocate': 1, 'former-nsa': 1, 'academic-expert': 1 };
const SEATS = [
	'dermer',
	'idf-chief',
	'mossad-director',
	'white-house-adviser-1',
	'white-house-adviser-2',
	'white-house-adviser-3',
	'planning-directorate',
	'prime-minister',
	'jinsa-advocate',
	'former-nsa',
	'academic-expert'
];
const longName = (i: number) => `${'Maximiliana Oyelaran-Whitfieldson'} ${String(i).padStart(2, '0')}`.padEnd(40, 'x').slice(0, 40);
const LONG_ARGUMENT = 'A pact that covers every skirmish drags a superpower into a neighbour’s quarrels, and a pact that covers nothing reassures no one. '
	.repeat(5)
	.slice(0, ARGUMENT_MAX);
const LONG_REASON = 'Narrow enough to keep our hands free, wide enough to deter the one threat that matters to our survival today, I think.'.padEnd(REASON_MAX, '!').slice(0, REASON_MAX);
const HOURS = { briefing: 1800, opening: 1800, debate: 1800, vote: 1800 };

/** The card in a seat's hand with the most to read. */
function wordiestCard(view: SeatView): string {
	return [...view.you.hand].sort((a, b) => JSON.stringify(view.cards[b]).length - JSON.stringify(view.cards[a]).length)[0];
}

/** The facilitator's action; a script clicks faster than any person, so when the server asks it to slow down it waits and resends. */
async function run(table: Table, action: Parameters<Table['run']>[0]) {
	for (let tries = 0; ; tries++) {
		try {
			return await table.run(action);
		} catch (err) {
			if (tries >= 5 || !String(err).includes('rate_limited')) throw err;
			await new Promise((resolve) => setTimeout(resolve, 1100));
		}
	}
}

test.afterEach(() => closeAll());

test('the projector shows a whole game on one 16:9 screen, phase by phase', async ({ page, baseURL }) => {
	test.setTimeout(600_000);
	// A hands-free pace, at its longest countdowns, so the last call and the result's countdown stay up while they are measured.
	const table = await Table.open(baseURL!, { seatCounts: SEAT_COUNTS, timers: HOURS, pace: { lastCallSeconds: 120, resultSeconds: 120 } }, []);
	const parts = partsOf(page);
	await page.setViewportSize(SCREENS[0]);
	await page.goto(`/projector/${table.code}`);
	for (const [i, seat] of SEATS.entries()) await table.seat(seat, longName(i));

	// ── The lobby: the join link, its QR code and the room code ──
	await expect(page.getByRole('heading', { name: `Seats: ${SEATS.length} of ${SEATS.length} taken` })).toBeVisible();
	const qr = page.getByRole('img', { name: /QR code/ });
	await expect(qr).not.toHaveAttribute('aria-busy', 'true');
	await oneScreen(page, 'lobby', { code: page.getByTestId('room-code'), qr, link: page.getByTestId('join-url') });

	// ── The briefing: its timer ──
	await run(table, 'start');
	await expect(page.getByRole('heading', { name: 'Briefing' })).toBeVisible();
	await oneScreen(page, 'briefing', { timer: parts.timer });

	// ── Opening statements: the latest, with the wordiest card ──
	await run(table, 'advance');
	for (const seat of ['dermer', 'white-house-adviser-1']) {
		const view = await table.seatView(seat);
		await table.act(table.players[seat], { type: 'postArgument', card: wordiestCard(view), text: LONG_ARGUMENT });
	}
	await table.act(table.players['mossad-director'], { type: 'raiseHand' });
	await expect(parts.latestPanel).toContainText(longName(3));
	await oneScreen(page, 'opening', { timer: parts.timer, latest: parts.latest }, { 'latest argument': parts.latestPanel });

	// ── Scope, the longest clause: the debate, with an argument and a card ──
	await run(table, 'advance');
	await expect(parts.clause).toContainText('Scope');
	const chief = await table.seatView('idf-chief');
	await table.act(table.players['idf-chief'], { type: 'postArgument', variant: 'scope.existential', stance: 'for', card: wordiestCard(chief), text: LONG_ARGUMENT });
	await expect(parts.latestPanel).toContainText(longName(1));
	await oneScreen(page, 'debate', { clause: parts.clause, timer: parts.timer, latest: parts.latest }, { 'latest argument': parts.latestPanel });

	// ── An amendment: pending, then its vote, then its last call ──
	await table.act(table.players['white-house-adviser-1'], { type: 'proposeAmendment', variant: 'scope.any-attack' });
	await expect(parts.amendment).toBeVisible();
	await oneScreen(page, 'amendment', { clause: parts.clause, amendment: parts.amendment, timer: parts.timer, latest: parts.latest }, { 'latest argument': parts.latestPanel });
	await run(table, 'openVote');
	for (const seat of SEATS.slice(0, 6)) await table.act(table.players[seat], { type: 'castVote', choice: seat.startsWith('white') ? 'yes' : 'no', reason: LONG_REASON });
	await expect(page.getByTestId('tally-spoken')).toHaveText(`3 yes, 3 no, 0 abstain; 6 of ${SEATS.length} ballots in.`);
	await oneScreen(page, 'amendment-vote', { clause: parts.clause, amendment: parts.amendment, tally: parts.tally, timer: parts.timer, latest: parts.latest }, { 'latest argument': parts.latestPanel });
	for (const seat of SEATS.slice(6)) await table.act(table.players[seat], { type: 'castVote', choice: 'no', reason: LONG_REASON });
	await expect(parts.timer).toHaveAccessibleName(/last call/);
	await oneScreen(page, 'amendment-last-call', { clause: parts.clause, tally: parts.tally, timer: parts.timer, latest: parts.latest }, { 'latest argument': parts.latestPanel });
	await run(table, 'closeVote');

	// ── The clause's vote, its last call, and the countdown after its result ──
	await run(table, 'openVote');
	for (const seat of SEATS) await table.act(table.players[seat], { type: 'castVote', choice: seat === 'former-nsa' ? 'abstain' : 'yes', reason: LONG_REASON, card: wordiestCard(chief) });
	await expect(parts.timer).toHaveAccessibleName(/last call/);
	await oneScreen(page, 'vote-last-call', { clause: parts.clause, tally: parts.tally, timer: parts.timer, latest: parts.latest }, { 'latest argument': parts.latestPanel });
	await run(table, 'closeVote');
	await expect(parts.timer).toHaveAccessibleName(/Moving on in/);
	await expect(parts.result).toContainText('Adopted');
	await oneScreen(page, 'result', { clause: parts.clause, tally: parts.tally, result: parts.result, timer: parts.timer, latest: parts.latest }, { 'latest argument': parts.latestPanel });

	// ── Every other clause adopted, so the ratification has the whole treaty to show ──
	for (;;) {
		await run(table, 'advance');
		if ((await table.facilitatorView()).phase !== 'clauses') break;
		await run(table, 'openVote');
		for (const seat of SEATS) await table.act(table.players[seat], { type: 'castVote', choice: 'yes' });
		await run(table, 'closeVote');
	}
	// At a hands-free pace the ratification's vote opens at once.
	await expect(page.getByRole('heading', { name: 'The treaty as assembled' })).toBeVisible();
	for (const seat of SEATS.slice(0, 7)) await table.act(table.players[seat], { type: 'castVote', choice: 'yes', reason: LONG_REASON });
	await expect(page.getByTestId('tally-spoken')).toHaveText(`7 yes, 0 no, 0 abstain; 7 of ${SEATS.length} ballots in.`);
	const treaty = { treaty: page.getByRole('region', { name: 'The treaty as assembled' }) };
	await oneScreen(page, 'ratification', { tally: parts.tally, timer: parts.timer }, treaty);
	for (const seat of SEATS.slice(7)) await table.act(table.players[seat], { type: 'castVote', choice: 'yes' });
	await expect(parts.timer).toHaveAccessibleName(/last call/);
	await oneScreen(page, 'ratification-last-call', { tally: parts.tally, timer: parts.timer }, treaty);

	// ── The debrief: the outcome, the ratification's count, the treaty and the scores ──
	await run(table, 'closeVote');
	await expect(page.getByTestId('outcome')).toContainText('The treaty was signed');
	const scores = page.getByRole('region', { name: 'Scores' });
	await oneScreen(
		page,
		'debrief',
		{ outcome: page.getByRole('region', { name: 'The treaty was signed' }), 'highest score': scores.getByRole('row').nth(1) },
		{ scores, treaty: page.getByRole('region', { name: 'The treaty as adopted' }) }
	);
});

test('under secret ballots and a hidden tally the projector shows only how many have voted, on one screen', async ({ page, baseURL }) => {
	test.setTimeout(120_000);
	const table = await Table.open(baseURL!, { tally: 'hidden', ballots: 'secret', timers: HOURS }, ['dermer', 'white-house-adviser-1']);
	const parts = partsOf(page);
	await page.setViewportSize(SCREENS[0]);
	await page.goto(`/projector/${table.code}`);
	await run(table, 'start');
	await run(table, 'advance');
	await run(table, 'advance');
	await run(table, 'openVote');
	await table.act(table.players.dermer, { type: 'castVote', choice: 'yes', reason: LONG_REASON });
	await expect(page.getByText('Hidden until the vote closes: 1 of 2 ballots in')).toBeVisible();
	await expect(page.getByTestId('tally-spoken')).toHaveText('Tally hidden until the vote closes; 1 of 2 ballots in.');
	await oneScreen(page, 'secret-vote', { clause: parts.clause, tally: parts.tally, timer: parts.timer });

	await table.act(table.players['white-house-adviser-1'], { type: 'castVote', choice: 'no', reason: LONG_REASON });
	await run(table, 'closeVote');
	await expect(parts.result).toContainText('Not adopted — 1 yes, 1 no, 0 abstain');
	// The reasons, never who gave them.
	await expect(page.getByRole('list', { name: 'Who voted what' })).toHaveCount(0);
	await oneScreen(page, 'secret-result', { clause: parts.clause, result: parts.result });

	// Ratification before its vote opens, then the game ended before it: the debrief says so.
	// (Scope is required, so it came back on its next option: the facilitator skips it.)
	for (let i = 0; i < 11; i++) await run(table, 'skipClause');
	await expect(page.getByText('The final vote on the whole text opens soon.')).toBeVisible();
	await oneScreen(page, 'ratification-waiting', {}, { treaty: page.getByRole('region', { name: 'The treaty as assembled' }) });
	await run(table, 'end');
	await expect(page.getByTestId('outcome')).toContainText('The treaty was not signed');
	await oneScreen(page, 'debrief-unsigned', { outcome: page.getByRole('region', { name: 'The treaty was not signed' }) }, { scores: page.getByRole('region', { name: 'Scores' }) });
});
