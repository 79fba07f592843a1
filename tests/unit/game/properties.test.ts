/**
 * Property tests of the engine and its views: random games — random configs, random sequences of
 * legal and illegal actions from random actors, a clock that only moves forward — on the tiny test
 * scenario and on the shipped one, with what must always hold checked after every step.
 *
 * The generators live in tests/helpers/arbitraries.ts. Views are recomputed only after accepted
 * steps: a view is a pure function of the state, and property 4 checks that a refused step leaves
 * the state exactly as it was, so the views after a refusal are the views already checked.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultScenario } from '../../../server/scenario/load';
import { createGame, replay } from '../../../src/lib/game/engine';
import { facilitatorView, seatView, spectatorView, type AnyView, type SeatView } from '../../../src/lib/game/view';
import { count } from '../../../src/lib/game/voting';
import { castsOf } from '../../../src/lib/game/ballot-history';
import { phases, type BallotCast, type GameState, type Vote } from '../../../src/lib/game/types';
import { Action as ActionSchema } from '../../../src/lib/protocol/actions';
import { errorCodes } from '../../../src/lib/protocol/errors';
import type { Scenario } from '../../../src/lib/scenario/schema';
import { GAME_CODE, runScript, scriptArb, stepTypes, type Played, type Script, type StepReport } from '../../helpers/arbitraries';
import { tinyScenario } from '../../helpers/tiny-scenario';

let shipped: Scenario;
beforeAll(async () => {
	const loaded = await loadDefaultScenario();
	if (!loaded.ok) throw new Error(`the shipped scenario does not load: ${JSON.stringify(loaded.errors)}`);
	shipped = loaded.scenario;
});

const scenarios: [string, () => Scenario][] = [
	['tiny', () => tinyScenario],
	['shipped', () => shipped]
];

/** Runs per property and scenario: enough to reach deep into games, small enough to keep the file quick. */
const RUNS = 100;
const TIMEOUT = 60_000;

/** A plain throw: far cheaper than expect() in the hot loops below, with a message that says what broke. */
function assert(condition: unknown, message: string | (() => string)): asserts condition {
	if (!condition) throw new Error(typeof message === 'string' ? message : message());
}

const seated = (state: GameState) => state.seats.filter((s) => s.player !== null);
const openVote = (state: GameState): Vote | undefined => (state.votes.at(-1)?.status === 'open' ? state.votes.at(-1) : undefined);
const where = (r: StepReport) => `step ${r.index} (${r.action.type} by ${JSON.stringify(r.step.actor)}, phase ${r.after.phase})`;

/**
 * Plays random scripts. `game` is called once per script and returns the check to run after
 * every step (so a check can keep its own record of the game), and optionally one for the end.
 */
function forAllGames(
	scenario: Scenario,
	game: (script: Script) => { step?: (report: StepReport) => void; end?: (played: Played) => void },
	numRuns = RUNS
) {
	fc.assert(
		fc.property(scriptArb(scenario), (script) => {
			const checks = game(script);
			const played = runScript(scenario, script, checks.step);
			checks.end?.(played);
		}),
		{ numRuns }
	);
}

// ---------------------------------------------------------------------------------------------
// Who holds a seat, for checks that a seat's private data belongs to its current player

/**
 * Counts the players each seat has had: a seat taken or freed starts a new tenancy. A seat view
 * may show a poll answer or a ballot only if its current player gave it.
 */
class Tenancy {
	private tenure = new Map<string, number>();
	private polls = new Map<string, number>();
	/** How many poll answers were accepted, before and after, whoever gave them. */
	readonly answers = { before: 0, after: 0 };
	private ballots = new Map<string, number>();

	of(seat: string) {
		return this.tenure.get(seat) ?? 0;
	}

	observe(r: StepReport) {
		if (!r.outcome.ok) return;
		const { action, step } = r;
		if (action.type === 'takeSeat' || action.type === 'releaseSeat') this.tenure.set(action.seat, this.of(action.seat) + 1);
		if (step.actor.kind !== 'seat') return;
		const seat = step.actor.seat;
		if (action.type === 'answerPoll') {
			const when = r.before.phase === 'debrief' ? 'after' : 'before';
			this.polls.set(`${seat}/${when}`, this.of(seat));
			this.answers[when] += 1;
		}
		if (action.type === 'castVote') this.ballots.set(`${r.after.votes.length}/${seat}`, this.of(seat));
	}

	pollGivenByCurrentPlayer(seat: string, when: 'before' | 'after') {
		return this.polls.get(`${seat}/${when}`) === this.of(seat);
	}

	ballotCastByCurrentPlayer(vote: number, seat: string) {
		return this.ballots.get(`${vote}/${seat}`) === this.of(seat);
	}
}

// ---------------------------------------------------------------------------------------------
// Property 1: what each view may contain

/** Keys that must never appear in any view, at any depth. */
const neverKeys = new Set(['hands', 'polls', 'history', 'decks']);
/** Keys that belong to a role's private papers: only under the seat's own `you`, or in the debrief. */
const privateKeys = new Set(['brief', 'objectives', 'redLines', 'weights', 'signing']);

/** Texts a viewer must not be shown: whole (a copied field), or embedded in a longer text. */
interface Forbidden {
	whole: Set<string>;
	/** The opening of each forbidden text, looked for inside the view's other texts. */
	openings: string[];
	/**
	 * Texts the viewer may see that are not looked inside: its own papers, and red lines once the
	 * debrief reveals them. (Papers quote the same articles: one role's red line may begin with a
	 * sentence another role's brief also quotes.)
	 */
	exempt: Set<string>;
}

/**
 * Walks a view once, for keys it must not have and texts it must not show. Tracks only the
 * top-level key and the depth (this runs over every view after every accepted step); the path
 * for the message is built only on failure. Scanning the values rather than the view's JSON keeps
 * this quick: the shipped scenario's views run to ~20 kB each, mostly public clause text.
 */
function scanView(
	value: unknown,
	as: AnyView['as'],
	forbidden: Forbidden,
	publicTexts: Set<string>,
	root: string | null = null,
	depth = 0,
	at = () => ''
) {
	if (typeof value === 'string') {
		assert(!forbidden.whole.has(value), () => `view (${as}) shows a secret text at ${at()}: ${value.slice(0, 60)}…`);
		if (value.length >= 20 && !publicTexts.has(value) && !forbidden.exempt.has(value))
			for (const opening of forbidden.openings) assert(!value.includes(opening), () => `view (${as}) embeds a secret text at ${at()}: ${opening}…`);
		return;
	}
	if (Array.isArray(value)) {
		for (const item of value) scanView(item, as, forbidden, publicTexts, root, depth, at);
		return;
	}
	if (value === null || typeof value !== 'object') return;
	for (const key in value) {
		const here = () => (depth ? `${at()}.${key}` : key);
		if (neverKeys.has(key)) assert(false, () => `view (${as}) has a "${key}" at ${here()}`);
		if (privateKeys.has(key)) {
			// A seat's brief is its own, in English and in each of the scenario's translations.
			const allowed = (root === 'you' && (key !== 'brief' || /^you(\.in\.\w+)?\.brief$/.test(here()))) || root === 'debrief';
			assert(allowed, () => `view (${as}) has private "${key}" at ${here()}`);
		}
		// A poll answer is its own seat's (you.poll): anywhere else the poll is counts (debrief.poll).
		if (key === 'before' || key === 'after') {
			const counts = root === 'debrief' && Array.isArray((value as Record<string, unknown>)[key]);
			assert(depth === 2 && (root === 'you' || counts), () => `view (${as}) has a poll answer at ${here()}`);
		}
		scanView((value as Record<string, unknown>)[key], as, forbidden, publicTexts, depth ? root : key, depth + 1, here);
	}
}

interface Secrets {
	/** A role's brief: never shown to anyone but that role's seats. */
	briefs: Map<string, string[]>;
	/** Why a role holds each red line: shown to that role, and to all at the debrief. */
	redLines: Map<string, string[]>;
	/** Every other text of the scenario: public, and shown as is. */
	publicTexts: Set<string>;
}

function secretsOf(scenario: Scenario): Secrets {
	// In every language the scenario has: a brief in Hebrew is as secret as in English.
	const translations = Object.values(scenario.translations);
	const briefs = new Map(scenario.roles.map((r) => [r.id, [r.brief, ...translations.map((t) => t.roles[r.id].brief)]]));
	const redLines = new Map(
		scenario.roles.map((r) => [r.id, [...r.redLines.map((l) => l.why), ...translations.flatMap((t) => Object.values(t.roles[r.id].redLines))]])
	);
	const secret = new Set([...briefs.values(), ...redLines.values()].flat());
	const publicTexts = new Set<string>();
	const collect = (v: unknown): void => {
		if (typeof v === 'string') {
			if (!secret.has(v)) publicTexts.add(v);
		} else if (v && typeof v === 'object') for (const x of Object.values(v)) collect(x);
	};
	collect(scenario);
	return { briefs, redLines, publicTexts };
}

function checkNoLeaks(state: GameState, scenario: Scenario, secrets: Secrets, tenancy: Tenancy) {
	const debriefed = state.phase === 'debrief';
	const shownCards = new Set(state.posts.filter((p) => p.card && !p.hidden).map((p) => p.card!));
	const allPostedCards = new Set(state.posts.filter((p) => p.card).map((p) => p.card!));
	/** What a seat of `roleId` must not be shown (null: the projector or the facilitator); once per role. */
	const forbiddenByRole = new Map<string | null, Forbidden>();
	const forbiddenFor = (roleId: string | null): Forbidden => {
		let found = forbiddenByRole.get(roleId);
		if (found) return found;
		// Two roles may share a text: a seat may always see its own.
		const own = new Set(roleId ? [...secrets.briefs.get(roleId)!, ...secrets.redLines.get(roleId)!] : []);
		const texts: string[] = [];
		for (const role of scenario.roles) {
			if (role.id === roleId) continue;
			texts.push(...secrets.briefs.get(role.id)!);
			if (!debriefed) texts.push(...secrets.redLines.get(role.id)!);
		}
		const whole = texts.filter((t) => !own.has(t));
		const revealed = debriefed ? [...secrets.redLines.values()].flat() : [];
		found = { whole: new Set(whole), openings: whole.map((t) => t.slice(0, 40)), exempt: new Set([...own, ...revealed]) };
		forbiddenByRole.set(roleId, found);
		return found;
	};
	const common = (view: AnyView, roleId: string | null) => {
		scanView(view, view.as, forbiddenFor(roleId), secrets.publicTexts);
		assert((view.debrief !== null) === debriefed, `${view.as} view: debrief shown outside the debrief`);
		if (view.debrief) {
			for (const when of ['before', 'after'] as const)
				assert(
					view.debrief.poll[when].reduce((a, b) => a + b, 0) === tenancy.answers[when],
					`debrief poll (${when}) does not count every answer given`
				);
		}
	};

	for (const seat of state.seats) {
		const view: SeatView = seatView(state, seat.id, scenario);
		const hand = state.hands[seat.id] ?? [];
		const role = scenario.roles.find((x) => x.id === seat.roleId)!;
		common(view, seat.roleId);
		assert(JSON.stringify(view.you.hand) === JSON.stringify(hand), () => `${seat.id}'s view shows a hand other than its own`);
		for (const card of Object.keys(view.cards))
			assert(hand.includes(card) || shownCards.has(card), () => `${seat.id}'s view shows card ${card}: neither in its hand nor on the table`);
		for (const card of hand) assert(card in view.cards, () => `${seat.id} cannot read its own card ${card}`);
		assert(view.you.brief === role.brief, `${seat.id}'s view lacks its own brief`);
		assert(JSON.stringify(view.you.objectives) === JSON.stringify(role.objectives), `${seat.id}'s view lacks its own objectives`);
		for (const when of ['before', 'after'] as const)
			assert(
				view.you.poll[when] === tenancy.pollGivenByCurrentPlayer(seat.id, when),
				() => `${seat.id}'s view says the poll (${when}) was ${view.you.poll[when] ? '' : 'not '}answered by the seat's current player`
			);
	}
	for (const view of [spectatorView(state, scenario), facilitatorView(state, scenario)]) {
		common(view, null);
		assert(!('you' in view), `${view.as} view has a "you"`);
		const allowed = view.as === 'facilitator' ? allPostedCards : shownCards;
		assert(
			Object.keys(view.cards).length === allowed.size && Object.keys(view.cards).every((c) => allowed.has(c)),
			() => `${view.as} view shows cards ${Object.keys(view.cards)} but the table shows ${[...allowed]}`
		);
		if (view.as === 'facilitator') {
			assert(!('pollBySeat' in view), 'the facilitator sees each seat’s poll answers');
			assert(view.catalogue.length === scenario.cards.length, 'the catalogue is incomplete');
		}
	}
}

// ---------------------------------------------------------------------------------------------
// Property 2: secret ballots and hidden tallies

function checkBallotSecrecy(state: GameState, scenario: Scenario, tenancy: Tenancy) {
	const { tally, ballots } = state.config.ballot;
	const secret = ballots === 'secret';
	const open = openVote(state);
	const views: AnyView[] = [...state.seats.map((s) => seatView(state, s.id, scenario)), spectatorView(state, scenario), facilitatorView(state, scenario)];
	const seatIds = state.seats.map((s) => s.id);
	for (const view of views) {
		for (const v of view.votes) {
			if (secret) {
				assert(v.ballots === null, () => `${view.as} view maps seats to ballots in vote ${v.id} under secret ballots`);
				for (const reason of v.reasons ?? []) assert(!('seat' in reason), 'a secret reason names its seat');
			}
			if (v.status === 'open' && tally === 'hidden') {
				assert(v.counts === null && v.ballots === null && v.result === null && v.reasons === null, () => `${view.as} view shows the hidden tally of open vote ${v.id}`);
			}
		}
		if (secret) {
			const votes = JSON.stringify(view.votes);
			for (const id of seatIds) assert(!votes.includes(`"${id}"`), () => `${view.as} view's votes name seat ${id} under secret ballots`);
			if (view.debrief) {
				for (const t of view.debrief.timeline) for (const e of t.entries) assert(e.seat === null, 'the debrief timeline names a voter under secret ballots');
				for (const i of view.debrief.influences) assert(i.seat === null, 'the debrief influences name a voter under secret ballots');
				for (const c of view.debrief.citations) for (const x of c.reasons) assert(x.seat === null, 'the debrief citations name a voter under secret ballots');
			}
		}
		if (view.as === 'seat') {
			const mine = open?.ballots[view.you.seat] ?? null;
			assert(JSON.stringify(view.you.ballot) === JSON.stringify(mine), () => `${view.you.seat}'s view shows a ballot other than its own`);
			const seat = state.seats.find((s) => s.id === view.you.seat)!;
			if (open && mine && seat.player !== null)
				assert(tenancy.ballotCastByCurrentPlayer(open.id, seat.id), () => `${seat.id}'s player sees the ballot the seat's previous player cast`);
		}
	}
}

// ---------------------------------------------------------------------------------------------
// Property 3: one ballot per seat per vote

function checkBallots(r: StepReport) {
	const state = r.after;
	const seatIds = new Set(state.seats.map((s) => s.id));
	const seatedIds = new Set(seated(state).map((s) => s.id));
	for (const vote of state.votes) {
		const last = new Map<string, BallotCast>();
		let seq = 0;
		for (const cast of castsOf(vote.history)) {
			assert(seatIds.has(cast.seat), () => `vote ${vote.id} has a ballot from a seat that does not exist: ${cast.seat}`);
			assert(cast.seq > seq && cast.seq <= state.seq, () => `vote ${vote.id}'s ballots are out of order`);
			seq = cast.seq;
			last.set(cast.seat, cast);
		}
		// Each seat holds at most one ballot (its last one cast); a freed seat's ballot in the open
		// vote leaves with its player, so a ballot may be gone but never made up.
		for (const [key, b] of Object.entries(vote.ballots)) {
			const cast = last.get(key);
			assert(cast && cast.choice === b.choice && cast.reason === b.reason && cast.card === b.card, () => `vote ${vote.id}: ${key}'s ballot is not its last one cast`);
			if (vote.status === 'open') assert(seatedIds.has(key), () => `open vote ${vote.id} holds a ballot for ${key}, whose seat is empty (${where(r)})`);
		}
	}
	if (r.outcome.ok && r.action.type === 'releaseSeat') {
		const freed = r.action.seat;
		assert(castsOf(openVote(r.after)?.history ?? []).every((c) => c.seat !== freed), () => `freed seat ${freed} keeps its player's ballots in the open vote`);
	}
	if (r.outcome.ok && r.action.type === 'castVote' && r.step.actor.kind === 'seat') {
		const actor = r.step.actor.seat;
		assert(seated(r.before).some((s) => s.id === actor), `an unseated seat ${actor} voted`);
		assert(castsOf(openVote(r.after)?.history ?? []).at(-1)?.seat === actor, 'the ballot was not recorded for the voter');
	}
	// Right after a vote closes: every seated seat is counted once — yes, no, or abstaining (absent included).
	const was = openVote(r.before);
	if (was && r.after.votes[was.id - 1].status === 'closed') {
		const result = r.after.votes[was.id - 1].result!;
		const n = seated(r.after).length;
		assert(result.yes + result.no + result.abstain === n, () => `vote ${was.id} closed counting ${JSON.stringify(result)} for ${n} seated seats (${where(r)})`);
		const cast = count(r.after.votes[was.id - 1].ballots, seated(r.after));
		assert(result.yes === cast.yes && result.no === cast.no && result.absent === n - (cast.yes + cast.no + cast.abstain), () => `vote ${was.id}'s result does not match its ballots`);
	}
}

// ---------------------------------------------------------------------------------------------
// Property 6: invariants of the state

function checkInvariants(r: StepReport, scenario: Scenario) {
	const s = r.after;
	const clauses = new Map(scenario.clauses.map((c) => [c.id, c]));
	assert((phases as readonly string[]).includes(s.phase), `unknown phase ${s.phase}`);
	assert(s.seq === r.accepted, () => `seq ${s.seq} after ${r.accepted} accepted actions`);

	// Votes: at most one open, and only the latest; numbered in order.
	const open = s.votes.filter((v) => v.status === 'open');
	assert(open.length <= 1, 'more than one vote is open');
	assert(open.length === 0 || open[0] === s.votes.at(-1), 'an open vote is not the latest');
	s.votes.forEach((v, i) => assert(v.id === i + 1, 'votes are misnumbered'));
	if (open[0]) {
		assert(s.phase === 'clauses' || s.phase === 'ratification', () => `a vote is open in the ${s.phase} phase`);
		if (s.phase === 'clauses') assert(open[0].clauseId === s.floor?.clauseId, 'the open vote is not on the clause on the floor');
		if (open[0].kind === 'amendment') assert(s.amendments[open[0].amendmentId! - 1]?.status === 'pending', 'an amendment vote is open on an amendment no longer pending');
	}

	// Amendments: a pending one only for the clause on the floor.
	const pending = s.amendments.filter((a) => a.status === 'pending');
	assert(pending.length <= 1, 'more than one amendment is pending');
	for (const a of pending) assert(s.phase === 'clauses' && a.clauseId === s.floor?.clauseId, () => `amendment ${a.id} is pending for ${a.clauseId}, not on the floor (${where(r)})`);
	s.amendments.forEach((a, i) => assert(a.id === i + 1, 'amendments are misnumbered'));

	// The agenda and the floor.
	assert(s.agenda.length > 0 && new Set(s.agenda).size === s.agenda.length && s.agenda.every((c) => clauses.has(c)), 'the agenda lists an unknown clause, or one twice');
	// A clause the agenda leaves out was set aside before the start: the treaty is silent on it.
	for (const c of clauses.keys()) assert(s.agenda.includes(c) || s.skipped.includes(c), () => `clause ${c} is neither on the agenda nor set aside`);
	assert((s.phase === 'clauses') === (s.floor !== null), () => `floor ${JSON.stringify(s.floor)} in the ${s.phase} phase`);
	if (s.floor) {
		assert(s.agenda[s.cursor] === s.floor.clauseId, 'the floor is not the clause at the cursor');
		assert(clauses.get(s.floor.clauseId)!.variants.some((v) => v.id === s.floor!.variantId), 'the floor holds a variant of another clause');
	}
	for (const [clause, variant] of Object.entries(s.adopted)) {
		assert(clauses.has(clause), `adopted an unknown clause ${clause}`);
		assert(variant === null || clauses.get(clause)!.variants.some((v) => v.id === variant), () => `adopted ${variant} for ${clause}`);
		assert(!s.skipped.includes(clause), () => `${clause} is both adopted and skipped`);
	}
	assert(new Set(s.skipped).size === s.skipped.length, 'a clause is skipped twice');

	// Cards: none in two hands, none still in a hand once a seat has played it.
	const held = new Map<string, string>();
	for (const [seat, hand] of Object.entries(s.hands)) {
		for (const card of hand) {
			assert(!held.has(card), () => `card ${card} is in the hands of ${held.get(card)} and ${seat}`);
			held.set(card, seat);
		}
	}
	for (const p of s.posts) if (p.seat !== null && p.card) assert(!held.has(p.card), () => `card ${p.card} was played by ${p.seat} but is still in ${held.get(p.card!)}'s hand`);
	s.posts.forEach((p, i) => assert(p.id === i + 1, 'posts are misnumbered'));

	// Timers and pause.
	if (s.timer) {
		const step = s.timer.step;
		const pace = s.config.pace;
		const set = step === 'lastCall' ? pace?.lastCallSeconds : step === 'result' ? pace?.resultSeconds : s.config.timers[step];
		assert(set != null, () => `a ${step} timer runs though that step is untimed`);
		assert((s.timer.remaining !== null) === s.paused, 'a timer is frozen while the game runs, or runs while paused');
		const fits = {
			briefing: s.phase === 'briefing',
			opening: s.phase === 'opening',
			debate: s.phase === 'clauses' && !open[0],
			vote: !!open[0],
			lastCall: !!open[0],
			// The pause on a clause's result: the clause on the floor is decided and no vote is open.
			result: s.phase === 'clauses' && !open[0] && s.floor !== null && s.floor.clauseId in s.adopted
		}[step];
		assert(fits, () => `a ${step} timer runs in the ${s.phase} phase (open vote: ${!!open[0]})`);
	}
	if (s.phase === 'lobby' || s.phase === 'debrief') assert(!s.paused && s.timer === null, () => `paused or timed in the ${s.phase}`);
	assert((s.signed !== null) === (s.phase === 'debrief'), () => `signed is ${s.signed} in the ${s.phase} phase`);

	// Seats: a scripted role plays only an occupied seat.
	for (const seat of s.seats) assert(!seat.bot || seat.player !== null, () => `a scripted role plays the empty seat ${seat.id}`);

	// The speaker queue.
	const seatedIds = new Set(seated(s).map((x) => x.id));
	assert(new Set(s.queue).size === s.queue.length, 'a seat is queued twice');
	for (const q of s.queue) assert(seatedIds.has(q), () => `${q} is queued but not seated`);
	if (s.speaker) assert(seatedIds.has(s.speaker.seat) && !s.queue.includes(s.speaker.seat), 'the speaker is unseated or also queued');
	if (s.phase === 'debrief') assert(s.queue.length === 0 && s.speaker === null, 'the queue is still open at the debrief');
	for (const t of Object.values(s.floorTime)) assert(t >= 0, 'negative floor time');
}

// ---------------------------------------------------------------------------------------------

describe('the generators', () => {
	it('cover every action of the protocol, plus the server’s timer expiry', () => {
		const protocol = ActionSchema.def.options.map((o) => o.def.shape.type.def.values[0]);
		expect([...stepTypes].sort()).toEqual([...protocol, 'expireTimer'].sort());
	});

	it.each(scenarios)('reach deep into games on the %s scenario', (name, scenario) => {
		const reached: Record<string, number> = {};
		const runs = 150;
		// A fixed seed: this guards the generators' reach, and must not flicker from run to run.
		for (const script of fc.sample(scriptArb(scenario()), { numRuns: runs, seed: 2026 })) {
			const seen = new Set<string>();
			let ratified = false;
			const { final } = runScript(scenario(), script, (r) => {
				seen.add(r.after.phase);
				if (r.outcome.ok && r.action.type === 'closeVote' && r.before.phase === 'ratification') ratified = true;
			});
			for (const phase of seen) reached[phase] = (reached[phase] ?? 0) + 1;
			if (ratified) reached.ratified = (reached.ratified ?? 0) + 1;
			if (final.votes.length) reached.voted = (reached.voted ?? 0) + 1;
		}
		const share = (k: string) => (reached[k] ?? 0) / runs;
		console.info(`phase reach (${name}, ${runs} scripts):`, Object.fromEntries(Object.entries(reached).map(([k, n]) => [k, `${Math.round((100 * n) / runs)}%`])));
		expect(share('clauses')).toBeGreaterThan(0.45);
		expect(share('voted')).toBeGreaterThan(0.35);
		expect(share('debrief')).toBeGreaterThan(0.15);
	});
});

describe.each(scenarios)('random games on the %s scenario', (_, scenario) => {
	it('1. never show a seat another seat’s hand, brief, objectives or poll answers', () => {
		const secrets = secretsOf(scenario());
		forAllGames(scenario(), () => {
			const tenancy = new Tenancy();
			return {
				step: (r) => {
					tenancy.observe(r);
					if (r.outcome.ok || r.index === 0) checkNoLeaks(r.after, scenario(), secrets, tenancy);
				}
			};
		});
	}, TIMEOUT);

	it('2. keep secret ballots secret and hidden tallies hidden in every view', () => {
		forAllGames(scenario(), () => {
			const tenancy = new Tenancy();
			return {
				step: (r) => {
					tenancy.observe(r);
					if (r.outcome.ok) checkBallotSecrecy(r.after, scenario(), tenancy);
				}
			};
		});
	}, TIMEOUT);

	it('3. hold one ballot per seated seat per vote, and count every seated seat once at the close', () => {
		forAllGames(scenario(), () => ({ step: checkBallots }));
	}, TIMEOUT);

	it('4. leave the state untouched when refusing, with a known code and a message that keeps others’ secrets', () => {
		forAllGames(scenario(), (script) => {
			// A deep snapshot of the state each step is given, taken before the engine sees it.
			let snapshot = JSON.stringify(createGame(GAME_CODE, script.config, scenario()));
			return {
				step: (r) => {
					if (!r.outcome.ok) {
						const { code, message } = r.outcome;
						assert(r.after === r.before, 'a refusal replaced the state');
						assert(JSON.stringify(r.before) === snapshot, () => `refused ${r.action.type} changed the state it was given (${where(r)})`);
						assert((errorCodes as readonly string[]).includes(code), () => `unknown refusal code ${code}`);
						assert(typeof message === 'string' && message.trim().length > 0, 'a refusal without a message');
						assert(!('state' in r.outcome), 'a refusal carries a state');
						// The message names no card held by another seat, unless the asker named it.
						const asked = JSON.stringify(r.action);
						const mine = r.step.actor.kind === 'seat' ? r.step.actor.seat : null;
						for (const [seat, hand] of Object.entries(r.before.hands))
							if (seat !== mine) for (const card of hand) assert(!message.includes(card) || asked.includes(card), () => `refusal "${message}" names ${seat}'s card`);
					}
					snapshot = JSON.stringify(r.after);
				}
			};
		});
	}, TIMEOUT);

	it('5. replay the log of accepted actions to exactly the same state', () => {
		forAllGames(scenario(), (script) => ({
			end: (played) => {
				const again = replay(createGame(GAME_CODE, script.config, scenario()), played.log, scenario());
				expect(again).toEqual(played.final);
			}
		}));
	}, TIMEOUT);

	it('6. keep the state’s invariants after every step', () => {
		forAllGames(scenario(), () => ({ step: (r) => checkInvariants(r, scenario()) }));
	}, TIMEOUT);
});
