/**
 * What each kind of viewer may see of a game, computed at send time. This is the only road from
 * the state to a client: hands, objectives, briefs, poll answers, secret ballots and hidden
 * tallies are filtered here and nowhere else.
 */
import type { BallotSetting, BriefingCard, Objectives, RedLine, Scenario, Side, VotingRule } from '../scenario/schema';
import { debrief, type Debrief } from './debrief';
import { openVoteOf } from './guards';
import type {
	Amendment,
	Ballot,
	CardId,
	ClauseId,
	Floor,
	GameState,
	Phase,
	PollAnswers,
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
}

export interface ClauseView {
	id: ClauseId;
	title: string;
	question: string;
	variants: { id: VariantId; text: string; summary: string }[];
}

export type CardView = Omit<BriefingCard, 'decks'>;

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
	/** Running counts; null while a hidden tally is still open. */
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
	timer: Timer | null;
	title: string;
	summary: string;
	votingRule: VotingRule;
	ballot: BallotSetting;
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
	objectives: Objectives;
	redLines: RedLine[];
	hand: CardId[];
	/** Your ballot in the open vote, if you have cast one. */
	ballot: Ballot | null;
	poll: PollAnswers;
	amendmentsLeft: number;
}

export type SeatView = TableView & { as: 'seat'; you: YourSeat };
export type FacilitatorView = TableView & {
	as: 'facilitator';
	notVoted: SeatId[];
	/** Each player's poll answers, for the teacher, once the game is over. */
	pollBySeat: Record<SeatId, PollAnswers> | null;
	/** Every card of the scenario, to inject as news; which seat holds which stays secret. */
	catalogue: CardView[];
};
export type SpectatorView = TableView & { as: 'spectator' };
export type AnyView = SeatView | FacilitatorView | SpectatorView;

function cardView(card: BriefingCard): CardView {
	const { decks: _decks, ...rest } = card;
	return rest;
}

function tableView(state: GameState, scenario: Scenario, options: { showHidden: boolean; extraCards?: CardId[] }): TableView {
	const roles = new Map(scenario.roles.map((r) => [r.id, r]));
	const clauses = new Map(scenario.clauses.map((c) => [c.id, c]));
	const allCards = new Map(scenario.cards.map((c) => [c.id, c]));
	const posts = options.showHidden ? state.posts : state.posts.filter((p) => !p.hidden);
	const cards: Record<CardId, CardView> = {};
	for (const id of [...posts.map((p) => p.card), ...(options.extraCards ?? [])]) {
		const card = id ? allCards.get(id) : undefined;
		if (card) cards[card.id] = cardView(card);
	}
	return {
		code: state.code,
		phase: state.phase,
		paused: state.paused,
		timer: state.timer,
		title: scenario.title,
		summary: scenario.summary,
		votingRule: state.config.votingRule,
		ballot: state.config.ballot,
		seats: state.seats.map((s) => {
			const role = roles.get(s.roleId)!;
			return {
				id: s.id,
				roleId: s.roleId,
				roleName: role.name,
				title: role.title,
				portfolio: s.portfolio,
				side: s.side,
				description: role.description,
				player: s.player
			};
		}),
		clauses: state.agenda.map((id) => {
			const c = clauses.get(id)!;
			return { id, title: c.title, question: c.question, variants: c.variants.map(({ id, text, summary }) => ({ id, text, summary })) };
		}),
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

function voteView(vote: Vote, state: GameState): VoteView {
	const { tally, ballots } = state.config.ballot;
	const visible = vote.status === 'closed' || tally === 'live';
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
		counts: visible ? count(vote.ballots, state.seats) : null,
		ballots: visible && ballots === 'named' ? structuredClone(vote.ballots) : null,
		reasons: secretReasons,
		result: vote.result
	};
}

export function seatView(state: GameState, seatId: SeatId, scenario: Scenario): SeatView {
	const seat = state.seats.find((s) => s.id === seatId);
	const role = scenario.roles.find((r) => r.id === seat?.roleId);
	if (!seat || !role) throw new Error(`no seat ${seatId}`);
	const hand = state.hands[seatId] ?? [];
	const used = state.amendments.filter((a) => a.seat === seatId && a.status !== 'withdrawn').length;
	return {
		...tableView(state, scenario, { showHidden: false, extraCards: hand }),
		as: 'seat',
		you: {
			seat: seatId,
			brief: role.brief,
			objectives: role.objectives,
			redLines: role.redLines,
			hand,
			ballot: openVoteOf(state)?.ballots[seatId] ?? null,
			poll: state.polls[seatId] ?? { before: null, after: null },
			amendmentsLeft: Math.max(0, scenario.defaults.amendmentsPerSeat - used)
		}
	};
}

export function facilitatorView(state: GameState, scenario: Scenario): FacilitatorView {
	const open = openVoteOf(state);
	const notVoted = open ? state.seats.filter((s) => s.player !== null && !open.ballots[s.id]).map((s) => s.id) : [];
	return {
		...tableView(state, scenario, { showHidden: true }),
		as: 'facilitator',
		notVoted,
		pollBySeat: state.phase === 'debrief' ? state.polls : null,
		catalogue: scenario.cards.map(cardView)
	};
}

/** The projector and anyone watching without a seat. */
export function spectatorView(state: GameState, scenario: Scenario): SpectatorView {
	return { ...tableView(state, scenario, { showHidden: false }), as: 'spectator' };
}
