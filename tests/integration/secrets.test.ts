/**
 * Secrets over the wire. Every payload each browser receives during whole games — pushed views,
 * presence lists and the answers to its own requests — is recorded, then searched for anything
 * that browser must not learn: another seat's hand or brief, a secret ballot tied to a seat, a
 * hidden tally while the vote is open, objectives before the debrief, hands at the facilitator,
 * another seat's poll answers (the facilitator's included: the poll is counted without names).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AnyView } from '../../src/lib/game/view';
import type { Scenario, VotingRule } from '../../src/lib/scenario/schema';
import { closeAll } from '../helpers/clients';
import { shippedScenario, startServer, type RunningServer } from '../helpers/server';
import { Table, ask, ramDatabase, recorded, removeDatabase, untimed, viewsReceived, type Received, type Recorded } from '../helpers/table';
import { LAYOUTS, playWholeGame, type PlayedGame } from '../helpers/whole-game';

let running: RunningServer;
let scenario: Scenario;
beforeAll(async () => {
	running = await startServer(ramDatabase());
	scenario = await shippedScenario();
});
afterAll(async () => {
	closeAll();
	await running.server.close();
	removeDatabase(running.database);
});

type Node = unknown;
/** Calls `visit` on every object and array inside `value`, with its path. */
function walk(value: Node, visit: (node: Record<string, unknown>, path: string) => void, path = '') {
	if (value === null || typeof value !== 'object') return;
	visit(value as Record<string, unknown>, path);
	for (const [key, child] of Object.entries(value)) walk(child, visit, path ? `${path}.${key}` : key);
}

const escaped = (text: string) => JSON.stringify(text).slice(1, 81);

/** Every key and every string value inside `value`. */
function stringsIn(value: Node, into = new Set<string>()): Set<string> {
	if (typeof value === 'string') into.add(value);
	else if (value !== null && typeof value === 'object')
		for (const [key, child] of Object.entries(value)) {
			into.add(key);
			stringsIn(child, into);
		}
	return into;
}

interface Audit {
	/** Seat each recorded client holds; null for the facilitator and the projector. */
	seatOf: (client: Recorded) => string | null;
	roleOf: (seat: string) => string;
	dealt: Record<string, string[]>;
	seats: string[];
	tally: 'live' | 'hidden';
	ballots: 'named' | 'secret';
}

/** Everything a client received that it should not have, one line per leak. */
function leaksOf(client: Recorded, audit: Audit): string[] {
	const leaks: string[] = [];
	const mine = audit.seatOf(client);
	const myRole = mine ? audit.roleOf(mine) : null;
	const leak = (what: string) => leaks.push(`${client.label}: ${what}`);

	for (const received of client.received) {
		const text = JSON.stringify(received.payload);
		// Another role's brief, anywhere, ever (briefs are not part of the debrief either).
		for (const role of scenario.roles) {
			if (role.id === myRole) continue;
			for (const brief of [role.brief, ...Object.values(scenario.translations).map((t) => t.roles[role.id].brief)])
				if (text.includes(escaped(brief))) leak(`${received.event} carries the brief of ${role.id}`);
		}
		// Another seat's hand: any card still unplayed in it must never be named to this client.
		if (client.label !== 'facilitator') {
			const named = stringsIn(received.payload);
			const played = new Set(viewsOf(received).flatMap((v) => v.posts.map((p) => p.card)));
			for (const [seat, hand] of Object.entries(audit.dealt)) {
				if (seat === mine) continue;
				for (const card of hand)
					if (named.has(card) && !played.has(card)) leak(`${received.event} names ${card} from ${seat}'s hand before it was played`);
			}
		}
		// Secret ballots: nothing ever ties a seat to a choice.
		if (audit.ballots === 'secret') {
			walk(received.payload, (node, path) => {
				const seat = node.seat;
				const choices = [node.choice, node.from, node.to].filter((c) => c === 'yes' || c === 'no' || c === 'abstain');
				if (typeof seat === 'string' && choices.length) leak(`${path} ties ${seat} to a ballot`);
				for (const s of audit.seats) {
					const value = node[s] as { choice?: unknown } | undefined;
					if (value && typeof value === 'object' && 'choice' in value) leak(`${path}.${s} is a ballot`);
				}
			});
		}
	}

	for (const view of viewsReceived(client)) {
		const where = `${view.as} view seq ${view.seq} (${view.phase})`;
		// Before taking its seat a player's browser is a guest and sees what the projector sees.
		if (mine && view.as !== 'spectator') {
			if (view.as !== 'seat' || view.you.seat !== mine) leak(`${where} is not ${mine}'s own view`);
			else {
				for (const card of view.you.hand) if (!audit.dealt[mine].includes(card)) leak(`${where}: you.hand holds ${card}, not dealt to ${mine}`);
				if (view.phase !== 'lobby' && view.you.brief !== scenario.roles.find((r) => r.id === myRole)!.brief) leak(`${where}: wrong brief`);
			}
		} else if ('you' in view) leak(`${where} has a "you"`);
		// Cards this viewer may read: those played (on a post it can see), plus its own hand.
		for (const card of Object.keys(view.cards))
			if (!view.posts.some((p) => p.card === card) && !(mine && audit.dealt[mine].includes(card))) leak(`${where}: cards has unplayed ${card}`);
		// Objectives and red lines of other roles, and the projector's, only at the debrief.
		if (view.phase !== 'debrief') {
			walk(view, (node, path) => {
				if ('objectives' in node && path !== 'you' && node.objectives) leak(`${where}: objectives at ${path || 'top'}`);
				// The seat's own, in English and in each translation (you.in.he).
				if ('redLines' in node && !/^you(\.in\.\w+)?$/.test(path)) leak(`${where}: red lines at ${path || 'top'}`);
				if ('weights' in node && path !== 'you.objectives') leak(`${where}: objective weights at ${path}`);
			});
		}
		// Poll answers: a seat's own, under "you", and otherwise only the debrief's counts.
		walk(view, (node, path) => {
			if (!('before' in node || 'after' in node)) return;
			const own = path === 'you.poll' && view.as === 'seat';
			const counts = path === 'debrief.poll' && Array.isArray(node.before) && Array.isArray(node.after);
			if (!own && !counts) leak(`${where}: poll answers at ${path || 'top'}`);
		});
		// The facilitator runs the table without ever seeing a hand.
		if (view.as === 'facilitator')
			walk(view, (node, path) => {
				if ('hand' in node || 'hands' in node) leak(`${where}: a hand at ${path || 'top'}`);
			});
		for (const vote of view.votes) {
			if (audit.ballots === 'secret' && vote.ballots !== null) leak(`${where}: vote ${vote.id} has named ballots`);
			if (audit.tally === 'hidden' && vote.status === 'open') {
				if (vote.counts !== null) leak(`${where}: open vote ${vote.id} shows counts ${JSON.stringify(vote.counts)}`);
				if (vote.ballots !== null) leak(`${where}: open vote ${vote.id} shows ballots`);
				if (vote.result !== null) leak(`${where}: open vote ${vote.id} shows a result`);
			}
		}
		if (view.debrief && audit.ballots === 'secret') {
			const d = view.debrief;
			if (d.timeline.some((t) => t.entries.some((e) => e.seat !== null))) leak(`${where}: a named timeline entry`);
			if (d.influences.some((i) => i.seat !== null)) leak(`${where}: a named influence`);
			if (d.citations.some((c) => c.reasons.some((r) => r.seat !== null))) leak(`${where}: a named citation`);
		}
	}
	return leaks;
}

function viewsOf(received: Received): AnyView[] {
	// A patch is audited as the view it made.
	if (received.event === 'view' || received.event === 'patch' || received.event === 'ack:action') return received.view ? [received.view] : [];
	const ack = received.payload[0] as { view?: AnyView } | undefined;
	return ack?.view ? [ack.view] : [];
}

function auditOf(table: Table, dealt: Record<string, string[]>, settings: { tally: 'live' | 'hidden'; ballots: 'named' | 'secret' }): Audit {
	const seatOfClient = new Map(Object.entries(table.players).map(([seat, client]) => [client, seat]));
	const roles = new Map(table.latest(table.host).seats.map((s) => [s.id, s.roleId]));
	return {
		seatOf: (client) => seatOfClient.get(client) ?? null,
		roleOf: (seat) => roles.get(seat)!,
		dealt,
		seats: [...roles.keys()],
		...settings
	};
}

const settings = (['live', 'hidden'] as const).flatMap((tally) => (['named', 'secret'] as const).map((ballots) => ({ tally, ballots })));
const rules: VotingRule[] = ['dual-key', 'majority', 'consensus', 'dual-key'];

describe.each(settings.map((s, i) => ({ ...s, votingRule: rules[i], layout: LAYOUTS[(i + 1) % LAYOUTS.length] })))(
	'secrets in a whole game with a $tally tally and $ballots ballots ($votingRule)',
	({ tally, ballots, votingRule, layout }) => {
		let game: PlayedGame;
		let audit: Audit;
		beforeAll(async () => {
			game = await playWholeGame(running.url, { votingRule, tally, ballots }, layout);
			audit = auditOf(game.table, game.dealt, { tally, ballots });
		});

		it('deals every seat its own cards, no card twice', () => {
			const all = Object.values(game.dealt).flat();
			expect(all.length).toBe(game.seats.length * (scenario.defaults.hand.role + scenario.defaults.hand.shared));
			expect(new Set(all).size).toBe(all.length);
		});

		it('recorded a whole game at every browser', async () => {
			for (const client of game.table.clients) {
				const views = viewsReceived(client);
				expect(views.length, client.label).toBeGreaterThan(40);
				expect(views.at(-1)!.phase).toBe('debrief');
				// Presence is sent at most every quarter second: a game played faster may still have it due.
				await vi.waitFor(() => expect(client.received.some((r) => r.event === 'presence')).toBe(true));
			}
		});

		it('never sends a browser another seat’s hand, brief or poll answers, a ballot it may not see, or objectives before the debrief', () => {
			const leaks = game.table.clients.flatMap((client) => leaksOf(client, audit));
			expect(leaks).toEqual([]);
		});

		it('keeps the projector to public information', () => {
			const views = viewsReceived(game.table.spectator);
			expect(views.every((v) => v.as === 'spectator' && !('you' in v))).toBe(true);
			const before = views.filter((v) => v.phase !== 'debrief');
			expect(before.length).toBeGreaterThan(20);
			for (const v of before) expect(JSON.stringify(v)).not.toMatch(/"(objectives|weights|redLines|brief|hand)"/);
			// At the debrief the objectives are revealed to everyone, the projector included.
			expect(views.at(-1)!.debrief!.seats.every((s) => s.objectives.weights)).toBe(true);
		});

		// Secret ballots show counts only at the close: a running count beside the facilitator's list
		// of who has voted would tie each seat to its choice.
		const countsWhileOpen = tally === 'live' && ballots === 'named';
		it(`shows the tally ${countsWhileOpen ? 'while the vote is open' : 'only once the vote closes'}`, () => {
			// The views every browser received while the scope vote was open with ballots in.
			for (const client of game.table.clients) {
				const during = viewsReceived(client).filter((v) => v.votes[2]?.status === 'open' && v.votes[2].ballotsIn > 0);
				expect(during.length, client.label).toBeGreaterThan(0);
				for (const v of during) {
					if (countsWhileOpen) expect(v.votes[2].counts).not.toBeNull();
					else expect(v.votes[2].counts).toBeNull();
					if (tally === 'live' && ballots === 'named') expect(v.votes[2].ballots).not.toBeNull();
				}
			}
		});
	}
);

describe('secrets probed directly', () => {
	it('keeps secret ballots anonymous to a facilitator who compares consecutive views and the debrief', async () => {
		// The facilitator's `notVoted` list shrinks one seat per ballot. Were a count to move in the
		// same broadcast, or the debrief to list ballots in cast order with times, each seat's choice
		// could be read off; so neither happens under secret ballots.
		const table = await Table.open(running.url, { timers: untimed, ballots: 'secret', tally: 'live' }, ['dermer', 'idf-chief', 'white-house-adviser-1']);
		for (const type of ['start', 'advance', 'advance', 'openVote'] as const) await table.run(type);
		await table.act(table.players.dermer, { type: 'castVote', choice: 'yes' });
		await table.act(table.players['idf-chief'], { type: 'castVote', choice: 'no' });
		await table.act(table.players['white-house-adviser-1'], { type: 'castVote', choice: 'yes' });
		await table.settle();
		const during = viewsReceived(table.host).filter((v) => v.votes[0]?.status === 'open');
		expect(during.length).toBeGreaterThan(2);
		for (const v of during) expect(v.votes[0].counts).toBeNull();
		for (const type of ['closeVote', 'end'] as const) await table.run(type);
		await table.settle();
		const last = viewsReceived(table.host).at(-1)!;
		const entries = last.debrief!.timeline[0].entries;
		expect(entries.map((e) => e.choice)).toEqual(['no', 'yes', 'yes']);
		expect(new Set(entries.map((e) => e.at)).size).toBe(1);
		expect(entries.every((e) => e.seat === null)).toBe(true);
	});

	it('answers a card from another seat’s hand exactly as it answers a card that does not exist', async () => {
		const table = await Table.open(
			running.url,
			{ timers: untimed, ballots: 'secret', tally: 'hidden' },
			['dermer', 'idf-chief', 'white-house-adviser-1']
		);
		for (const type of ['start', 'advance', 'advance'] as const) await table.run(type);
		const theirs = (await table.seatView('idf-chief')).you.hand[0];
		const dermer = table.players.dermer;
		const held = await table.refused(dermer, { type: 'postArgument', card: theirs, stance: 'for' });
		const missing = await table.refused(dermer, { type: 'postArgument', card: 'no-such-card', stance: 'for' });
		expect(held).toEqual(missing);
		expect(held).toMatchObject({ code: 'card_not_in_hand' });

		await table.run('openVote');
		const cites = await table.refused(dermer, { type: 'castVote', choice: 'yes', card: theirs });
		expect(cites).toEqual(await table.refused(dermer, { type: 'castVote', choice: 'yes', card: 'no-such-card' }));
		expect(cites).toMatchObject({ code: 'card_not_on_table' });
	});

	it('gives a projector joining mid-vote and a player returning on a new device only what they may see', async () => {
		const table = await Table.open(
			running.url,
			{ timers: untimed, ballots: 'secret', tally: 'hidden', seatCounts: { 'former-nsa': 1 } },
			['dermer', 'idf-chief', 'white-house-adviser-1', 'former-nsa']
		);
		for (const type of ['start', 'advance', 'advance', 'openVote'] as const) await table.run(type);
		const dealt: Record<string, string[]> = {};
		for (const seat of Object.keys(table.players)) dealt[seat] = [...(await table.seatView(seat)).you.hand];
		await table.act(table.players.dermer, { type: 'castVote', choice: 'no' });
		await table.act(table.players['former-nsa'], { type: 'castVote', choice: 'yes' });

		const projector = await recorded(running.url, 'late projector');
		const entered = await ask(projector, 'enterRoom', { code: table.code });
		expect(entered.view).toMatchObject({ as: 'spectator', votes: [{ status: 'open', ballotsIn: 2, counts: null, ballots: null }] });
		const returning = await recorded(running.url, 'dermer');
		const back = await ask(returning, 'enterRoom', { code: table.code, seatToken: table.tokens.dermer });
		expect(back.view).toMatchObject({ as: 'seat', you: { seat: 'dermer', ballot: { choice: 'no' }, hand: dealt.dermer } });
		expect(back.view.votes[0]).toMatchObject({ counts: null, ballots: null });
		await table.act(table.players['idf-chief'], { type: 'castVote', choice: 'yes' });
		await table.settle([projector, returning, table.host]);
		expect(table.latest(table.host)).toMatchObject({ as: 'facilitator', notVoted: ['white-house-adviser-1'] });
		await table.run('closeVote');
		await table.settle([projector, returning]);
		expect(table.latest(projector).votes[0]).toMatchObject({ counts: { yes: 2, no: 1, abstain: 0 }, ballots: null });

		const audit: Audit = {
			seatOf: (c) => (c === returning ? 'dermer' : (Object.entries(table.players).find(([, p]) => p === c)?.[0] ?? null)),
			roleOf: (seat) => (seat.startsWith('white-house-adviser') ? 'white-house-adviser' : seat),
			dealt,
			seats: ['dermer', 'idf-chief', 'mossad-director', 'white-house-adviser-1', 'former-nsa'],
			tally: 'hidden',
			ballots: 'secret'
		};
		const leaks = [projector, returning, ...table.clients].flatMap((c) => leaksOf(c, audit));
		expect(leaks).toEqual([]);
	});
});
