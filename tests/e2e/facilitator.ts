/**
 * What the browser specs of a live table share: a facilitator driven over Socket.IO (as the
 * console would), a browser context per person, and an axe check of a page as it stands.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import type { Action } from '../../src/lib/protocol/actions';
import { expect } from './fixtures';

/** A person's own browser: a context of its own, at the size given (a phone, say). */
export async function newPage(browser: Browser, viewport?: { width: number; height: number }): Promise<Page> {
	const context = await browser.newContext(viewport ? { viewport } : {});
	return context.newPage();
}

/** No axe violations on the page as it stands; the message lists what failed, where. */
export async function expectAccessible(page: Page, what: string) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
	expect(summary, `axe on ${what}`).toEqual([]);
}

/** A connection to the game; one naming its room (as a room's pages do) is routed to the room's server in a cluster. */
async function connected(baseURL: string, room?: string): Promise<Socket> {
	const socket = io(baseURL, { transports: ['websocket'], forceNew: true, reconnection: false, ...(room ? { query: { room } } : {}) });
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', () => resolve());
		socket.once('connect_error', reject);
	});
	return socket;
}

/** The facilitator, over a socket of its own. */
export class Facilitator {
	constructor(
		private socket: Socket,
		readonly code: string,
		readonly facilitatorToken: string
	) {}

	/**
	 * Creates a game as the home page does, then enters it as the facilitator's page does, on a
	 * connection naming the room (behind a cluster's proxy, it reaches the room's server).
	 */
	static async create(baseURL: string, settings: { tally?: 'live' | 'hidden'; ballots?: 'named' | 'secret' } = {}): Promise<Facilitator> {
		const home = await connected(baseURL);
		// Long timers, so nothing moves on by itself while the test reads the pages.
		const created = await home.timeout(5000).emitWithAck('createGame', {
			timers: { briefing: 1800, opening: 1800, debate: 1800, vote: 1800 },
			...settings
		});
		home.disconnect();
		expect(created.ok).toBe(true);
		return Facilitator.enter(baseURL, created.code, created.facilitatorToken);
	}

	/** Enters a room as its facilitator, waiting while it moves between a cluster's servers. */
	static async enter(baseURL: string, code: string, facilitatorToken: string): Promise<Facilitator> {
		for (let tries = 0; ; tries++) {
			const socket = await connected(baseURL, code);
			const entered = await socket.timeout(5000).emitWithAck('enterRoom', { code, facilitatorToken });
			if (entered.ok) return new Facilitator(socket, code, facilitatorToken);
			socket.disconnect();
			expect(entered.code === 'room_moved' && tries < 40, `facilitator entering ${code}: ${entered.code}`).toBe(true);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}

	async act(action: Action) {
		let res = await this.socket.timeout(5000).emitWithAck('action', action);
		// A script clicks faster than any person: when the server asks it to slow down, it waits and resends.
		for (let tries = 0; !res.ok && res.code === 'rate_limited' && tries < 5; tries++) {
			await new Promise((r) => setTimeout(r, 1100));
			res = await this.socket.timeout(5000).emitWithAck('action', action);
		}
		expect(res, `facilitator ${action.type}`).toMatchObject({ ok: true });
	}

	async reissue(seat: string): Promise<string> {
		const res = await this.socket.timeout(5000).emitWithAck('reissueSeat', { seat });
		expect(res.ok).toBe(true);
		return res.seatToken;
	}

	close() {
		this.socket.disconnect();
	}
}


/**
 * On the home page's create form: every clause, moved on by hand. Waits for the form's own
 * choice of plan first (it arrives with the scenario), so nothing overrides what follows.
 */
export async function everyClauseByHand(page: Page) {
	await expect(page.getByRole('radio', { name: /^One lesson/ })).toBeChecked();
	await page.getByRole('radio', { name: /^Custom/ }).check();
	await page.getByRole('checkbox', { name: /^Close a vote once everyone has voted/ }).uncheck();
	await page.getByRole('checkbox', { name: /^Move on after each result/ }).uncheck();
}
