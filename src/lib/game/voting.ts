/**
 * Votes on clauses: opening one, casting and changing ballots, closing it, and the voting rules
 * that decide whether it passed.
 */
import type { VotingRule } from '../scenario/schema';
import { accept, refuse, type Outcome } from './outcome';
import type { Actor, Choice, Context, GameState, Seat, Vote, VoteResult } from './types';

export function openVote(state: GameState, actor: Actor, clauseId: string, ctx: Context): Outcome {
	if (actor.kind !== 'facilitator') return refuse('not_facilitator', 'Only the facilitator can open a vote.');
	if (state.phase !== 'clauses') return refuse('wrong_phase', 'Start the game before opening a vote.');
	if (currentVote(state)) return refuse('vote_already_open', 'A vote is already open; close it first.');
	const clause = ctx.scenario.clauses.find((c) => c.id === clauseId);
	if (!clause || !state.agenda.includes(clauseId))
		return refuse('unknown_clause', `There is no clause "${clauseId}" on this treaty's agenda.`);
	const vote: Vote = {
		id: state.votes.length + 1,
		clauseId,
		variantId: clause.onFloor ?? clause.variants[0].id,
		status: 'open',
		openedAt: ctx.now,
		closedAt: null,
		ballots: {},
		history: [],
		result: null
	};
	return accept(
		{ ...state, floor: clauseId, votes: [...state.votes, vote] },
		{ type: 'voteOpened', vote: vote.id, clause: clauseId, variant: vote.variantId }
	);
}

export function castVote(state: GameState, actor: Actor, choice: Choice, ctx: Context): Outcome {
	if (actor.kind !== 'seat' || !state.seats.some((s) => s.id === actor.seat && s.player !== null))
		return refuse('not_seated', 'Take a seat at the table to vote.');
	const vote = currentVote(state);
	if (!vote) return refuse('no_open_vote', 'No vote is open right now; wait for the facilitator to open one.');
	const updated: Vote = {
		...vote,
		ballots: { ...vote.ballots, [actor.seat]: choice },
		history: [...vote.history, { seat: actor.seat, choice, at: ctx.now }]
	};
	return accept(replaceVote(state, updated), { type: 'voteCast', vote: vote.id, seat: actor.seat });
}

export function closeVote(state: GameState, actor: Actor, ctx: Context): Outcome {
	if (actor.kind !== 'facilitator') return refuse('not_facilitator', 'Only the facilitator can close a vote.');
	const vote = currentVote(state);
	if (!vote) return refuse('no_open_vote', 'There is no open vote to close.');
	const result = decide(state.config.votingRule, vote, state.seats);
	const closed: Vote = { ...vote, status: 'closed', closedAt: ctx.now, result };
	const adopted = { ...state.adopted, [vote.clauseId]: result.passed ? vote.variantId : null };
	return accept({ ...replaceVote(state, closed), adopted }, { type: 'voteClosed', vote: vote.id, passed: result.passed });
}

export function currentVote(state: GameState): Vote | undefined {
	const last = state.votes.at(-1);
	return last?.status === 'open' ? last : undefined;
}

function replaceVote(state: GameState, vote: Vote): GameState {
	return { ...state, votes: state.votes.map((v) => (v.id === vote.id ? vote : v)) };
}

export interface Counts {
	yes: number;
	no: number;
	abstain: number;
}

export function count(ballots: Record<string, Choice>, seats: readonly Seat[]): Counts {
	const counts: Counts = { yes: 0, no: 0, abstain: 0 };
	for (const seat of seats) {
		const choice = ballots[seat.id];
		if (choice) counts[choice] += 1;
	}
	return counts;
}

/** More yes than no among the ballots cast: abstentions count for neither. */
const carries = (c: Counts) => c.yes > c.no;

/**
 * Applies the game's voting rule. Only seated players' ballots count; a seat that did not vote
 * counts as an abstention, never as a guess.
 * - majority: more yes than no among ballots cast;
 * - dual-key: a majority on the Israeli side and a majority on the US side (expert seats are
 *   counted in the totals but turn neither key: the treaty binds two governments);
 * - consensus: at least one yes and no one against.
 */
export function decide(rule: VotingRule, vote: Pick<Vote, 'ballots'>, seats: readonly Seat[]): VoteResult {
	const voters = seats.filter((s) => s.player !== null);
	const all = count(vote.ballots, voters);
	const absent = voters.length - (all.yes + all.no + all.abstain);
	const base = { ...all, abstain: all.abstain + absent, absent };
	switch (rule) {
		case 'majority':
			return { ...base, passed: carries(all) };
		case 'consensus':
			return { ...base, passed: all.yes > 0 && all.no === 0 };
		case 'dual-key': {
			const keys = {
				israel: carries(count(vote.ballots, voters.filter((s) => s.side === 'israel'))),
				us: carries(count(vote.ballots, voters.filter((s) => s.side === 'us')))
			};
			return { ...base, passed: keys.israel && keys.us, keys };
		}
	}
}

