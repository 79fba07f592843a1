/**
 * What each kind of viewer may see of a game, computed at send time. This is the only road from
 * the state to a client: hands, objectives, briefs, poll answers, secret ballots and hidden
 * tallies are filtered here and nowhere else.
 *
 * A player's poll answers reach their own seat's view and no other, the facilitator's included:
 * everyone else sees only the debrief's counts.
 */
import { originOf, type CardOrigin } from '../scenario/records';
import { cardWordsIn, roleWordsIn, type CardWords, type InLanguages, type RoleWords } from '../scenario/texts';
import type { BallotSetting, BriefingCard, Objectives, RedLine, Scenario, Side, VotingRule } from '../scenario/schema';
import { draftText } from './agenda';
// coaching.ts builds seat views of its own; the cycle is only between functions called at run time.
import { coaching, type Coaching } from './coaching';
import { debrief, type Debrief } from './debrief';
import { openVoteOf } from './guards';
import { pollAnswered } from './poll';
import type {
	Amendment,
	Ballot,
	CardId,
	ClauseId,
	Floor,
	GameState,
	Phase,
	PollAnswered,
	Post,
	SeatId,
	Timer,
	VariantId,
	Vote,
	VoteKind,
	VoteResult
} from './types';
import { count, type Counts } from './voting';

export interface PublicSeat {
	id: SeatId;
	roleId: string;
	roleName: string;
	title: string;
	portfolio: string | null;
	side: Side;
	description: string;
	player: string | null;
	/** A scripted role plays this seat. */
	bot: boolean;
}

export interface ClauseView {
	id: ClauseId;
	title: string;
	question: string;
	variants: { id: VariantId; text: string; summary: string }[];
	/** The draft treaty's text for the clause: the variant that opens on the floor. */
	draft: VariantId;
}

/**
 * A card as a page shows it: without the decks it is dealt from, with its article's name and date,
 * and its words in the scenario's other languages (the quote itself is always the article's).
 */
export type CardView = Omit<BriefingCard, 'decks'> & {
	origin: CardOrigin;
	in: InLanguages<CardWords>;
	/** Put in by a page in another language (localize.ts): the quote in that language, shown beneath the article's words. */
	translation?: string;
};

export interface VoteView {
	id: number;
	kind: VoteKind;
	clauseId: ClauseId | null;
	variantId: VariantId | null;
	amendmentId: number | null;
	status: Vote['status'];
	openedAt: number;
	closedAt: number | null;
	/** How many seats have a ballot in: safe under every setting. */
	ballotsIn: number;
	/** Running counts; null while a hidden tally, or a secret ballot, is still open. */
	counts: Counts | null;
	/** Who voted what, with reasons; null under secret ballots or while a hidden tally is open. */
	ballots: Record<SeatId, Ballot> | null;
	/** Under secret ballots, once closed: the reasons given, without names, in a fixed order. */
	reasons: Ballot[] | null;
	result: VoteResult | null;
}

export interface TableView {
	code: string;
	phase: Phase;
	paused: boolean;
	locked: boolean;
	timer: Timer | null;
	title: string;
	summary: string;
	votingRule: VotingRule;
	ballot: BallotSetting;
	/** Solo practice: the game runs itself around one learner. */
	solo: boolean;
	seats: PublicSeat[];
	clauses: ClauseView[];
	cursor: number;
	floor: Floor | null;
	adopted: Record<ClauseId, VariantId | null>;
	skipped: ClauseId[];
	posts: Post[];
	/** Every card this viewer may read: those played or injected, plus (for a seat) its own hand. */
	cards: Record<CardId, CardView>;
	amendments: Amendment[];
	amendmentsPerSeat: number;
	votes: VoteView[];
	queue: SeatId[];
	speaker: { seat: SeatId; since: number } | null;
	floorTime: Record<SeatId, number>;
	poll: { question: string; options: string[] };
	signed: boolean | null;
	/** Filled once the game reaches the debrief. */
	debrief: Debrief | null;
	seq: number;
}

export interface YourSeat {
	seat: SeatId;
	brief: string;
	/** The brief and red lines in the scenario's other languages. */
	in: InLanguages<RoleWords>;
	objectives: Objectives;
	redLines: RedLine[];
	hand: CardId[];
	/** Your ballot in the open vote, if you have cast one. */
	ballot: Ballot | null;
	/** Whether you have answered the poll before and after; your answers stay on your device. */
	poll: PollAnswered;
	amendmentsLeft: number;
	/** Arguments you may still post on the clause on the floor (or in the opening); null when there is no limit. */
	postsLeft: number | null;
	/** After a solo game, what the learner's play did and what to try next; null otherwise. */
	coaching: Coaching | null;
}

export type SeatView = TableView & { as: 'seat'; you: YourSeat };
export type FacilitatorView = TableView & {
	as: 'facilitator';
	notVoted: SeatId[];
	/** Every card of the scenario, to inject as news; which seat holds which stays secret. */
	catalogue: CardView[];
};
export type SpectatorView = TableView & { as: 'spectator' };
export type AnyView = SeatView | FacilitatorView | SpectatorView;

function cardView(card: BriefingCard, scenario: Scenario): CardView {
	const { decks: _decks, ...rest } = card;
	return { ...rest, origin: originOf(scenario, card), in: cardWordsIn(scenario, card) };
}

/**
 * What a scenario needs for building views, looked up once; and the parts of a view that depend
 * only on one part of the state, built once per version of that part. The engine keeps unchanged
 * parts of the state as the same objects, so most views reuse most of the last one's work.
 */
interface ScenarioParts {
	seats: WeakMap<GameState['seats'], PublicSeat[]>;
	clauses: WeakMap<GameState['agenda'], ClauseView[]>;
	posts: WeakMap<GameState['posts'], TablePosts>;
	cardViews: Map<CardId, CardView>;
	/** Every card, for the facilitator to inject. */
	catalogue: CardView[];
	/** Each role's brief and red lines in the scenario's other languages. */
	roleWords: Map<string, InLanguages<RoleWords>>;
}
const partsByScenario = new WeakMap<Scenario, ScenarioParts>();

function partsOf(scenario: Scenario): ScenarioParts {
	return cached(partsByScenario, scenario, () => {
		const cardViews = new Map(scenario.cards.map((c) => [c.id, cardView(c, scenario)]));
		const roleWords = new Map(scenario.roles.map((r) => [r.id, roleWordsIn(scenario, r.id)]));
		return { seats: new WeakMap(), clauses: new WeakMap(), posts: new WeakMap(), cardViews, catalogue: [...cardViews.values()], roleWords };
	});
}

function cached<K extends object, V>(map: WeakMap<K, V>, key: K, build: () => V): V {
	let value = map.get(key);
	if (value === undefined) map.set(key, (value = build()));
	return value;
}

function publicSeats(state: GameState, scenario: Scenario): PublicSeat[] {
	return cached(partsOf(scenario).seats, state.seats, () => {
		const roles = new Map(scenario.roles.map((r) => [r.id, r]));
		return state.seats.map((s) => {
			const role = roles.get(s.roleId)!;
			return {
				id: s.id,
				roleId: s.roleId,
				roleName: role.name,
				title: role.title,
				portfolio: s.portfolio,
				side: s.side,
				description: role.description,
				player: s.player,
				bot: s.bot
			};
		});
	});
}

function clauseViews(state: GameState, scenario: Scenario): ClauseView[] {
	return cached(partsOf(scenario).clauses, state.agenda, () => {
		const clauses = new Map(scenario.clauses.map((c) => [c.id, c]));
		return state.agenda.map((id) => {
			const c = clauses.get(id)!;
			return { id, title: c.title, question: c.question, variants: c.variants.map(({ id, text, summary }) => ({ id, text, summary })), draft: draftText(c) };
		});
	});
}

/** The posts players see, and the cards on the table for them and for the facilitator. */
interface TablePosts {
	visible: Post[];
	visibleCards: Record<CardId, CardView>;
	allCards: Record<CardId, CardView>;
}

function tablePosts(state: GameState, scenario: Scenario): TablePosts {
	const { cardViews, posts } = partsOf(scenario);
	return cached(posts, state.posts, () => {
		const cardsOf = (list: Post[]) => {
			const cards: Record<CardId, CardView> = {};
			for (const post of list) if (post.card && cardViews.has(post.card)) cards[post.card] = cardViews.get(post.card)!;
			return cards;
		};
		const visible = state.posts.filter((p) => !p.hidden);
		return { visible, visibleCards: cardsOf(visible), allCards: cardsOf(state.posts) };
	});
}

function tableView(state: GameState, scenario: Scenario, options: { showHidden: boolean }): TableView {
	const seen = tablePosts(state, scenario);
	// Only visible posts put cards on the table for players; the facilitator sees hidden ones too.
	const posts = options.showHidden ? state.posts : seen.visible;
	const cards = options.showHidden ? seen.allCards : seen.visibleCards;
	return {
		code: state.code,
		phase: state.phase,
		paused: state.paused,
		locked: state.locked ?? false,
		timer: state.timer,
		title: scenario.title,
		summary: scenario.summary,
		votingRule: state.config.votingRule,
		ballot: state.config.ballot,
		solo: state.config.autopilot ?? false,
		seats: publicSeats(state, scenario),
		clauses: clauseViews(state, scenario),
		cursor: state.cursor,
		floor: state.floor,
		adopted: state.adopted,
		skipped: state.skipped,
		posts,
		cards,
		amendments: state.amendments,
		amendmentsPerSeat: scenario.defaults.amendmentsPerSeat,
		votes: state.votes.map((v) => voteView(v, state)),
		queue: state.queue,
		speaker: state.speaker,
		floorTime: state.floorTime,
		poll: scenario.defaults.poll,
		signed: state.signed,
		debrief: state.phase === 'debrief' ? debrief(state, scenario) : null,
		seq: state.seq
	};
}

/**
 * A closed vote never changes, and the engine keeps unchanged parts of the state as the same
 * objects, so each closed vote's view is built once. (A vote belongs to one game, whose ballot
 * setting never changes.)
 */
const closedVoteViews = new WeakMap<Vote, VoteView>();

function voteView(vote: Vote, state: GameState): VoteView {
	if (vote.status === 'closed') return cached(closedVoteViews, vote, () => buildVoteView(vote, state));
	return buildVoteView(vote, state);
}

/**
 * A closed vote's counts are its result's: fixed at the close whatever happens to the seats later,
 * and available once a secret vote's ballots are sealed under pseudonyms.
 */
const countsOf = (result: VoteResult): Counts => ({ yes: result.yes, no: result.no, abstain: result.abstain - result.absent });

function buildVoteView(vote: Vote, state: GameState): VoteView {
	const { tally, ballots } = state.config.ballot;
	// Secret ballots show counts only once the vote closes: a running count, set beside the list of
	// who has voted, would tell the facilitator how each seat voted.
	const visible = vote.status === 'closed' || (tally === 'live' && ballots === 'named');
	const secretReasons =
		ballots === 'secret' && vote.status === 'closed'
			? Object.values(vote.ballots)
					.filter((b) => b.reason || b.card)
					// Sorted by content, so the order says nothing about who gave which reason.
					.map((b) => ({ ...b }))
					.sort((a, b) => `${a.choice}${a.card}${a.reason}`.localeCompare(`${b.choice}${b.card}${b.reason}`))
			: null;
	return {
		id: vote.id,
		kind: vote.kind,
		clauseId: vote.clauseId,
		variantId: vote.variantId,
		amendmentId: vote.amendmentId,
		status: vote.status,
		openedAt: vote.openedAt,
		closedAt: vote.closedAt,
		ballotsIn: Object.keys(vote.ballots).length,
		counts: vote.result ? countsOf(vote.result) : visible ? count(vote.ballots, state.seats) : null,
		ballots: visible && ballots === 'named' ? { ...vote.ballots } : null,
		reasons: secretReasons,
		result: vote.result
	};
}

/** What everyone at the table may see of one state: built once, shared by every seat's view. */
const publicTables = new WeakMap<GameState, TableView>();

function publicTable(state: GameState, scenario: Scenario): TableView {
	return cached(publicTables, state, () => tableView(state, scenario, { showHidden: false }));
}

/** The table's cards plus a hand, built once per version of each (both are kept as the same objects while unchanged). */
const withHands = new WeakMap<Record<CardId, CardView>, WeakMap<CardId[], Record<CardId, CardView>>>();

function cardsWithHand(table: Record<CardId, CardView>, hand: CardId[], scenario: Scenario): Record<CardId, CardView> {
	const byHand = cached(withHands, table, () => new WeakMap<CardId[], Record<CardId, CardView>>());
	return cached(byHand, hand, () => {
		const { cardViews } = partsOf(scenario);
		const cards = { ...table };
		for (const id of hand) if (cardViews.has(id)) cards[id] = cardViews.get(id)!;
		return cards;
	});
}

const NO_CARDS: CardId[] = [];

/**
 * A view in two parts: `table`, what this kind of viewer sees of the whole table (built once per
 * state and shared by every viewer of that kind), and `own`, what is this viewer's alone, which
 * stands in for the table's fields of the same names. The server keeps views this way, so a change
 * to the table is worked out once for the room and each seat adds only its own part.
 */
export type ViewParts = SeatParts | FacilitatorParts | SpectatorParts;
export type SeatParts = { as: 'seat'; table: TableView; own: Pick<SeatView, 'cards' | 'you'> };
export type FacilitatorParts = { as: 'facilitator'; table: TableView; own: Pick<FacilitatorView, 'notVoted' | 'catalogue'> };
export type SpectatorParts = { as: 'spectator'; table: TableView; own: Record<string, never> };

/** The view a browser is sent whole, put together from its parts. */
export function assemble(parts: SeatParts): SeatView;
export function assemble(parts: FacilitatorParts): FacilitatorView;
export function assemble(parts: SpectatorParts): SpectatorView;
export function assemble(parts: ViewParts): AnyView;
export function assemble(parts: ViewParts): AnyView {
	return { ...parts.table, ...parts.own, as: parts.as } as AnyView;
}

/** Worked out once per game and seat: the debrief's poll answers change the state but not what coaching reads. */
const coached = new WeakMap<GameState['votes'], Map<SeatId, Coaching>>();

function coachingOf(state: GameState, seatId: SeatId, scenario: Scenario): Coaching | null {
	const seat = state.seats.find((s) => s.id === seatId);
	if (state.phase !== 'debrief' || !state.config.autopilot || !seat || seat.bot) return null;
	const bySeat = cached(coached, state.votes, () => new Map<SeatId, Coaching>());
	let found = bySeat.get(seatId);
	if (!found) bySeat.set(seatId, (found = coaching(state, scenario, seatId)));
	return found;
}

function postsLeft(state: GameState, seatId: SeatId): number | null {
	const limit = state.config.limits?.postsPerSeatPerClause;
	if (limit === undefined) return null;
	const here = state.phase === 'clauses' ? (state.floor?.clauseId ?? null) : null;
	return Math.max(0, limit - state.posts.filter((p) => p.seat === seatId && p.clauseId === here).length);
}

export function seatParts(state: GameState, seatId: SeatId, scenario: Scenario): SeatParts {
	const seat = state.seats.find((s) => s.id === seatId);
	const role = scenario.roles.find((r) => r.id === seat?.roleId);
	if (!seat || !role) throw new Error(`no seat ${seatId}`);
	const hand = state.hands[seatId] ?? NO_CARDS;
	const used = state.amendments.filter((a) => a.seat === seatId && a.status !== 'withdrawn').length;
	const table = publicTable(state, scenario);
	return {
		as: 'seat',
		table,
		own: {
			cards: cardsWithHand(table.cards, hand, scenario),
			you: {
				seat: seatId,
				brief: role.brief,
				in: partsOf(scenario).roleWords.get(role.id)!,
				objectives: role.objectives,
				redLines: role.redLines,
				hand,
				ballot: openVoteOf(state)?.ballots[seatId] ?? null,
				poll: pollAnswered(state.poll, seatId),
				amendmentsLeft: Math.max(0, scenario.defaults.amendmentsPerSeat - used),
				postsLeft: postsLeft(state, seatId),
				coaching: coachingOf(state, seatId, scenario)
			}
		}
	};
}

/** What the facilitator sees of the table, hidden posts included: built once per state. */
const facilitatorTables = new WeakMap<GameState, TableView>();

export function facilitatorParts(state: GameState, scenario: Scenario): FacilitatorParts {
	const open = openVoteOf(state);
	const notVoted = open ? state.seats.filter((s) => s.player !== null && !open.ballots[s.id]).map((s) => s.id) : [];
	return {
		as: 'facilitator',
		table: cached(facilitatorTables, state, () => tableView(state, scenario, { showHidden: true })),
		own: {
			notVoted,
			catalogue: partsOf(scenario).catalogue
		}
	};
}

/** The projector and anyone watching without a seat. */
export function spectatorParts(state: GameState, scenario: Scenario): SpectatorParts {
	return { as: 'spectator', table: publicTable(state, scenario), own: {} };
}

export const seatView = (state: GameState, seatId: SeatId, scenario: Scenario): SeatView => assemble(seatParts(state, seatId, scenario));
export const facilitatorView = (state: GameState, scenario: Scenario): FacilitatorView => assemble(facilitatorParts(state, scenario));
export const spectatorView = (state: GameState, scenario: Scenario): SpectatorView => assemble(spectatorParts(state, scenario));
