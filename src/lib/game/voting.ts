/**
 * Votes: on an amendment, on a clause, and on ratifying the whole text. Opening one, casting and
 * changing ballots, closing it, and the voting rules that decide whether it passed.
 */
import { produce, type Draft } from 'immer';
import type { VotingRule } from '../scenario/schema';
import { appendCast, NO_CASTS } from './ballot-history';
import { countedBySides } from './keys';
import { actingSeat, asFacilitator, isRefusal, openVoteOf, otherLanguages } from './guards';
import type { InLanguages } from '../scenario/texts';
import { accept, frozen, nextSeq, refuse, type Outcome } from './outcome';
import { enterPhase } from './phases';
import { lastCallTimer, startResultCountdown } from './pace';
import { nextOption } from './required';
import { startTimer } from './timers';
import type { Actor, Ballot, BallotCast, Choice, Context, GameEvent, GameState, Seat, Vote, VoteResult } from './types';

/** Opens the vote the moment calls for: a pending amendment first, then the clause, or ratification. */
export function openVoteNow(d: Draft<GameState>, ctx: Context) {
	const amendment = d.phase === 'clauses' ? d.amendments.find((a) => a.status === 'pending' && a.clauseId === d.floor?.clauseId) : undefined;
	const base = { id: d.votes.length + 1, status: 'open' as const, openedAt: ctx.now, closedAt: null, ballots: {}, history: NO_CASTS, result: null };
	const vote: Vote =
		d.phase === 'ratification'
			? { ...base, kind: 'ratification', clauseId: null, variantId: null, amendmentId: null }
			: amendment
				? { ...base, kind: 'amendment', clauseId: amendment.clauseId, variantId: amendment.to, amendmentId: amendment.id }
				: { ...base, kind: 'clause', clauseId: d.floor!.clauseId, variantId: d.floor!.variantId, amendmentId: null };
	d.votes.push(vote);
	startTimer(d, 'vote', ctx.now);
}

export function openVote(state: GameState, actor: Actor, ctx: Context): Outcome {
	const no = asFacilitator(actor, 'open a vote');
	if (no) return no;
	if (openVoteOf(state)) return refuse('vote_already_open', 'A vote is already open; close it first.');
	if (state.phase === 'ratification') {
		if (state.votes.some((v) => v.kind === 'ratification')) return refuse('nothing_to_vote', 'The treaty has already been put to ratification.');
	} else if (state.phase !== 'clauses' || !state.floor) {
		return refuse('wrong_phase', 'Votes are held while a clause is on the floor, and at ratification.');
	}
	const next = produce(state, (d) => openVoteNow(d, ctx));
	return accept(next, { type: 'voteOpened', vote: next.votes.length });
}

export interface BallotIntent {
	choice: Choice;
	reason?: string;
	card?: string;
	in?: InLanguages<string | undefined>;
}

export function castVote(state: GameState, actor: Actor, intent: BallotIntent, ctx: Context): Outcome {
	const seat = actingSeat(state, actor);
	if (isRefusal(seat)) return seat;
	const vote = openVoteOf(state);
	if (!vote) return refuse('no_open_vote', 'No vote is open right now; wait for the facilitator to open one.');
	const words = otherLanguages(actor, intent.in);
	if (isRefusal(words)) return words;
	// A reason may cite only a card the whole table has seen.
	if (intent.card && !state.posts.some((p) => p.card === intent.card && !p.hidden))
		return refuse('card_not_on_table', 'Cite a card that has been played at the table.');
	const reason = intent.reason?.trim() || null;
	const ballot: Ballot = frozen({ choice: intent.choice, reason, card: intent.card ?? null, ...(reason && words ? { in: words } : {}) });
	// Written out rather than spread from the ballot, so that all its fields sit inside the object:
	// a vote's latest ballots are kept as they are (see ballot-history.ts).
	const cast: BallotCast = frozen({
		choice: ballot.choice,
		reason: ballot.reason,
		card: ballot.card,
		...(ballot.in ? { in: ballot.in } : {}),
		seat: seat.id,
		at: ctx.now,
		seq: nextSeq(state)
	});
	// Built by hand rather than through immer: ballots are the busiest action of a class, and a
	// draft of the history would have immer visit every earlier ballot to finalise and freeze it.
	// Only the new objects are frozen here; everything they share with the old state already is.
	const votes = [...state.votes];
	const withBallot = frozen({ ...vote, ballots: frozen({ ...vote.ballots, [seat.id]: ballot }), history: appendCast(vote.history, cast) });
	votes[vote.id - 1] = withBallot;
	const timer = lastCallTimer(state, withBallot, ctx.now);
	const events: GameEvent[] = timer === state.timer ? [{ type: 'voteCast', vote: vote.id }] : [{ type: 'voteCast', vote: vote.id }, { type: 'timerChanged' }];
	return accept({ ...state, votes: frozen(votes), timer: timer && frozen(timer) }, ...events);
}

/** Closes the open vote and carries out its result. */
export function closeVoteNow(d: Draft<GameState>, ctx: Context) {
	const vote = d.votes.at(-1)!;
	const result = decide(d.config.votingRule, vote.ballots, d.seats, vote.kind);
	vote.status = 'closed';
	vote.closedAt = ctx.now;
	vote.result = result;
	d.timer = null;
	if (vote.kind === 'amendment') {
		const amendment = d.amendments[vote.amendmentId! - 1];
		amendment.status = result.passed ? 'adopted' : 'rejected';
		if (result.passed) d.floor!.variantId = amendment.to;
		// The clause itself is debated again, now on the text the amendment vote settled.
		startTimer(d, 'debate', ctx.now);
	} else if (vote.kind === 'clause') {
		const clause = ctx.scenario.clauses.find((c) => c.id === vote.clauseId)!;
		const comesBack = !result.passed && clause.required ? nextOption(d, clause) : undefined;
		if (comesBack) {
			// A required clause cannot be left silent: it is debated again on its next option.
			d.floor!.variantId = comesBack;
			startTimer(d, 'debate', ctx.now);
		} else {
			d.adopted[vote.clauseId!] = result.passed ? vote.variantId : null;
			startResultCountdown(d, ctx.now);
		}
	} else {
		d.signed = result.passed;
		enterPhase(d, 'debrief', ctx);
	}
}

export function closeVote(state: GameState, actor: Actor, ctx: Context): Outcome {
	const no = asFacilitator(actor, 'close a vote');
	if (no) return no;
	const vote = openVoteOf(state);
	if (!vote) return refuse('no_open_vote', 'There is no open vote to close.');
	const next = produce(state, (d) => closeVoteNow(d, ctx));
	return accept(next, { type: 'voteClosed', vote: vote.id, passed: next.votes[vote.id - 1].result!.passed }, { type: 'phaseChanged', phase: next.phase });
}

export interface Counts {
	yes: number;
	no: number;
	abstain: number;
}

export function count(ballots: Record<string, Pick<Ballot, 'choice'>>, seats: readonly Seat[]): Counts {
	const counts: Counts = { yes: 0, no: 0, abstain: 0 };
	for (const seat of seats) {
		const ballot = ballots[seat.id];
		if (ballot) counts[ballot.choice] += 1;
	}
	return counts;
}

/** More yes than no among the ballots cast: abstentions count for neither. */
const carries = (c: Counts) => c.yes > c.no;

/**
 * Applies the game's voting rule. Only seated players' ballots count; a seat that did not vote
 * counts as an abstention, never as a guess.
 * - majority: more yes than no among ballots cast, on clauses and amendments. The treaty itself
 *   binds two governments, so even here it is ratified only as under dual-key: the game's rule,
 *   which keeps a majority of the room from signing for a side that refuses;
 * - dual-key: a majority on the Israeli side and a majority on the US side (expert seats are
 *   counted in the totals but turn neither key: the treaty binds two governments);
 * - consensus: at least one yes and no one against.
 */
export function decide(rule: VotingRule, ballots: Record<string, Pick<Ballot, 'choice'>>, seats: readonly Seat[], kind: Vote['kind']): VoteResult {
	const voters = seats.filter((s) => s.player !== null);
	const all = count(ballots, voters);
	const absent = voters.length - (all.yes + all.no + all.abstain);
	const base = { ...all, abstain: all.abstain + absent, absent };
	if (rule === 'consensus') return { ...base, passed: all.yes > 0 && all.no === 0 };
	if (!countedBySides(rule, kind)) return { ...base, passed: carries(all) };
	const keys = {
		israel: carries(count(ballots, voters.filter((s) => s.side === 'israel'))),
		us: carries(count(ballots, voters.filter((s) => s.side === 'us')))
	};
	return { ...base, passed: keys.israel && keys.us, keys };
}

