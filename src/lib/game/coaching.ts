/**
 * Coaching after a solo game, from the game's own record: which of the learner's cards, arguments
 * and ballots changed which scripted role's vote (each vote is decided again without them, the
 * way the script decided it), which of the learner's aims the treaty holds and which it left on
 * the table, and one concrete thing to try next time.
 */
import type { Scenario } from '../scenario/schema';
import { castsOf, NO_CASTS } from './ballot-history';
import { voiceOf } from './bots/explain';
import { decideForSeat } from './bots/seat-bot';
import { clauseOf, scoreRole } from './scoring';
import type { BallotCast, CardId, Choice, ClauseId, GameState, Post, SeatId, VariantId, Vote } from './types';
import { seatView } from './view';

export interface Moved {
	vote: number;
	kind: Vote['kind'];
	clauseId: ClauseId | null;
	/** The text voted on; null at ratification. */
	variantId: VariantId | null;
	seat: SeatId;
	roleId: string;
	/** How the role would have voted without the learner's part, and how it did. */
	from: Choice;
	to: Choice;
	/** The learner's posts it had heard by then, cards first; empty when they did not move it. */
	posts: { post: number; card: CardId | null; text: string | null }[];
	/**
	 * The learner's ballot in this vote, when the role read it in the open tally and it moved the
	 * role (a role for the pact gives way to the other government under simple majority).
	 */
	ballot: Choice | null;
}

export interface LeftOnTable {
	variant: VariantId;
	weight: number;
	/** What the table adopted instead, null when the treaty is silent on the clause. */
	instead: VariantId | null;
}

export type NextTime =
	| { kind: 'play-card'; card: CardId; variant: VariantId; weight: number }
	| { kind: 'amend'; variant: VariantId; weight: number }
	| { kind: 'answer'; card: CardId; seat: SeatId; variant: VariantId }
	| { kind: 'argue'; variant: VariantId; weight: number }
	| { kind: 'keep-going' };

export interface Coaching {
	/** Null under secret ballots: who voted what is sealed, so no change of vote can be traced. */
	moved: Moved[] | null;
	won: { variant: VariantId; weight: number }[];
	left: LeftOnTable[];
	next: NextTime;
}

const byWeight = <T extends { weight: number }>(a: T, b: T) => b.weight - a.weight;

export function coaching(state: GameState, scenario: Scenario, learner: SeatId): Coaching {
	const seat = state.seats.find((s) => s.id === learner)!;
	const role = scenario.roles.find((r) => r.id === seat.roleId)!;
	const score = scoreRole(role, state);
	const left = Object.entries(role.objectives.weights)
		.filter(([variant]) => state.adopted[clauseOf(variant)] !== variant && clauseOf(variant) in state.adopted)
		.map(([variant, weight]) => ({ variant, weight, instead: state.adopted[clauseOf(variant)] ?? null }))
		.sort(byWeight);
	const moved = state.config.ballot.ballots === 'secret' ? null : movedRoles(state, scenario, learner);
	return { moved, won: [...score.won].sort(byWeight), left, next: nextTime(state, scenario, learner, left) };
}

/**
 * Every scripted role whose last ballot in a vote would have been different without the learner:
 * without the posts it had heard from them, or without the learner's ballot in the tally it read.
 */
function movedRoles(state: GameState, scenario: Scenario, learner: SeatId): Moved[] {
	const moved: Moved[] = [];
	const mine = state.posts.filter((p) => p.seat === learner && !p.hidden);
	for (const vote of state.votes) {
		if (vote.status !== 'closed') continue;
		const casts = castsOf(vote.history);
		for (const bot of state.seats.filter((s) => s.bot && s.id !== learner)) {
			const last = casts.filter((c) => c.seat === bot.id).at(-1);
			if (!last) continue;
			const heard = mine.filter((p) => p.seq < last.seq);
			const learnerBallot = casts.filter((c) => c.seat === learner && c.seq < last.seq).at(-1)?.choice ?? null;
			if (!heard.length && !learnerBallot) continue;
			const replay = (hear: Hearing) => decide(state, scenario, vote, casts, last, learner, hear);
			const asCast = replay({ posts: true, ballot: true });
			// Only a replay that gives the ballot the role really cast can say what changed it.
			if (asCast !== last.choice) continue;
			const unheard = heard.length ? replay({ posts: false, ballot: true }) : asCast;
			const unread = learnerBallot ? replay({ posts: true, ballot: false }) : asCast;
			let byPosts = unheard !== asCast;
			let byBallot = unread !== asCast;
			let from = byPosts ? unheard : unread;
			if (!byPosts && !byBallot && heard.length && learnerBallot) {
				// Neither alone, perhaps both together.
				const without = replay({ posts: false, ballot: false });
				if (without !== asCast) [byPosts, byBallot, from] = [true, true, without];
			}
			if ((!byPosts && !byBallot) || !from) continue;
			moved.push({
				vote: vote.id,
				kind: vote.kind,
				clauseId: vote.clauseId,
				variantId: vote.variantId,
				seat: bot.id,
				roleId: bot.roleId,
				from,
				to: asCast,
				posts: byPosts ? [...heard].sort((a, b) => Number(Boolean(b.card)) - Number(Boolean(a.card))).map((p) => ({ post: p.id, card: p.card, text: p.text })) : [],
				ballot: byBallot ? learnerBallot : null
			});
		}
	}
	return moved;
}

/** Which of the learner's part a replay lets the role hear: their posts, their ballot. */
interface Hearing {
	posts: boolean;
	ballot: boolean;
}

/**
 * How the script would vote in `vote`, deciding afresh as it stood just before its `last` ballot:
 * having heard every post until then and read every ballot then in the tally, but the learner's
 * posts or ballot where `hear` leaves them out.
 */
function decide(state: GameState, scenario: Scenario, vote: Vote, casts: BallotCast[], last: BallotCast, learner: SeatId, hear: Hearing): Choice | null {
	const { seat, seq } = last;
	const amendment = vote.amendmentId ? state.amendments[vote.amendmentId - 1] : undefined;
	// The tally as the role read it: each other seat's latest ballot before its own.
	const ballots: Vote['ballots'] = {};
	for (const cast of casts) {
		if (cast.seq >= seq || cast.seat === seat || (!hear.ballot && cast.seat === learner)) continue;
		ballots[cast.seat] = { choice: cast.choice, reason: cast.reason, card: cast.card, ...(cast.in ? { in: cast.in } : {}) };
	}
	const then: GameState = {
		...state,
		phase: vote.kind === 'ratification' ? 'ratification' : 'clauses',
		signed: null,
		floor: vote.kind === 'ratification' ? null : { clauseId: vote.clauseId!, variantId: amendment ? amendment.from : vote.variantId! },
		adopted: vote.kind === 'ratification' ? state.adopted : withoutClause(state.adopted, vote.clauseId!),
		amendments: state.amendments.map((a) => (a.id === vote.amendmentId ? { ...a, status: 'pending' } : a)),
		votes: [...state.votes.slice(0, vote.id - 1), { ...vote, status: 'open', ballots, history: NO_CASTS, result: null, closedAt: null }],
		posts: state.posts.filter((p: Post) => p.seq < seq && (hear.posts || p.seat !== learner))
	};
	const role = state.seats.find((s) => s.id === seat)!.roleId;
	const action = decideForSeat(seatView(then, seat, scenario), voiceOf(scenario, role));
	return action?.type === 'castVote' ? action.choice : null;
}

function withoutClause(adopted: GameState['adopted'], clauseId: ClauseId): GameState['adopted'] {
	const rest = { ...adopted };
	delete rest[clauseId];
	return rest;
}

/** One concrete thing to try next time, for the heaviest aim the learner lost. */
function nextTime(state: GameState, scenario: Scenario, learner: SeatId, left: LeftOnTable[]): NextTime {
	const lost = left[0];
	if (!lost) return { kind: 'keep-going' };
	const clause = clauseOf(lost.variant);
	// A card still in hand that backs it: the strongest move the learner never made.
	const unplayed = (state.hands[learner] ?? []).map((id) => scenario.cards.find((c) => c.id === id)!).find((c) => c?.supports.includes(lost.variant));
	if (unplayed) return { kind: 'play-card', card: unplayed.id, variant: lost.variant, weight: lost.weight };
	// An amendment never proposed: the only way to put another text to the vote.
	if (!state.amendments.some((a) => a.seat === learner && a.clauseId === clause) && lost.instead !== null)
		return { kind: 'amend', variant: lost.variant, weight: lost.weight };
	// A card cited against it that the learner never answered.
	const against = state.votes
		.filter((v) => v.clauseId === clause && v.status === 'closed')
		.flatMap((v) => castsOf(v.history))
		.map((c) => ({ c, card: c.card ? scenario.cards.find((k) => k.id === c.card) : undefined }))
		.find(({ c, card }) => c.seat !== learner && card?.undercuts.includes(lost.variant));
	if (against?.card) return { kind: 'answer', card: against.card.id, seat: against.c.seat, variant: lost.variant };
	return { kind: 'argue', variant: lost.variant, weight: lost.weight };
}
