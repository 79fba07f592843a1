/**
 * Sealing a secret vote once it closes: every seat id in its ballots and history is replaced by
 * a pseudonym, so what is kept afterwards — in memory and in storage — says what was voted but
 * not by whom. A seat keeps one pseudonym within a vote (the debrief still sees a change of
 * mind as one voter's) and a different one in every vote, so votes cannot be linked to each other.
 *
 * The pseudonyms come from the caller: the server draws them at random, never from the room's
 * seed, which is stored beside the state and would let the seat order be worked back.
 */
import { freeze } from 'immer';
import { mapCasts } from './ballot-history';
import type { Ballot, GameState, SeatId, Vote } from './types';

/** Returns a fresh, unpredictable pseudonym each time it is called. */
export type Pseudonyms = () => string;

/** The secret votes that `after` has closed and `before` still had open: the ones to seal now. */
export function votesToSeal(before: GameState, after: GameState): number[] {
	if (after.config.ballot.ballots !== 'secret') return [];
	return after.votes.filter((v) => v.status === 'closed' && before.votes[v.id - 1]?.status !== 'closed').map((v) => v.id);
}

export function sealVotes(state: GameState, ids: readonly number[], pseudonyms: Pseudonyms): GameState {
	if (ids.length === 0) return state;
	const votes = state.votes.map((vote) => (ids.includes(vote.id) ? sealVote(vote, pseudonyms) : vote));
	return freeze({ ...state, votes }, true);
}

function sealVote(vote: Vote, pseudonyms: Pseudonyms): Vote {
	if (vote.status !== 'closed') throw new Error(`vote ${vote.id} is still open and cannot be sealed`);
	const names = new Map<SeatId, string>();
	const nameOf = (seat: SeatId) => {
		let name = names.get(seat);
		if (name === undefined) {
			name = pseudonyms();
			names.set(seat, name);
		}
		return name;
	};
	// Ballots are re-keyed in the pseudonyms' own (random) order, so key order says nothing of seats.
	const ballots: Record<string, Ballot> = Object.fromEntries(
		Object.entries(vote.ballots)
			.map(([seat, ballot]) => [nameOf(seat), ballot] as const)
			.sort(([a], [b]) => a.localeCompare(b))
	);
	const history = mapCasts(vote.history, (cast) => ({ ...cast, seat: nameOf(cast.seat) }));
	return { ...vote, ballots, history };
}
