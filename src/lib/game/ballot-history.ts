/**
 * Every ballot cast in a vote, changes of mind included, in order: kept in chunks of a fixed size,
 * so that casting a ballot copies only the last chunk and the list of chunks, not the whole
 * history. A vote left open while seats keep changing their minds would otherwise make each new
 * ballot cost as much as all the ones before it.
 */
import { frozen } from './outcome';
import type { BallotCast, GameState } from './types';

/** Frozen like the rest of the state; typed mutable like it, for immer's drafts. */
export type BallotHistory = BallotCast[][];

const CHUNK = 64;

export const NO_CASTS: BallotHistory = Object.freeze([]) as unknown as BallotHistory;

/** The history with one more ballot; the one given, and every full chunk it shares, unchanged. */
export function appendCast(history: BallotHistory, cast: BallotCast): BallotHistory {
	const last = history.at(-1);
	if (!last || last.length >= CHUNK) return frozen([...history, frozen([cast])]);
	return frozen([...history.slice(0, -1), frozen([...last, cast])]);
}

/** Every ballot cast, in order. */
export function castsOf(history: BallotHistory): BallotCast[] {
	return history.flat();
}

/** The same ballots, each changed by `change`, in the same chunks. */
export function mapCasts(history: BallotHistory, change: (cast: BallotCast) => BallotCast): BallotHistory {
	return history.map((chunk) => chunk.map(change));
}

/** The ballots that pass `keep`, in order; chunks left empty are dropped. */
export function filterCasts(history: BallotHistory, keep: (cast: BallotCast) => boolean): BallotHistory {
	return history.map((chunk) => chunk.filter(keep)).filter((chunk) => chunk.length > 0);
}

/**
 * A room snapshot as stored: one written before histories were chunked holds flat lists, which
 * are chunked as they are read.
 */
export function withChunkedHistories(state: GameState): GameState {
	const flat = (history: (BallotCast | BallotCast[])[]) => history.some((entry) => !Array.isArray(entry));
	if (!state.votes.some((vote) => flat(vote.history))) return state;
	const chunked = (history: (BallotCast | BallotCast[])[]) => history.flat().reduce(appendCast, NO_CASTS);
	return { ...state, votes: state.votes.map((vote) => (flat(vote.history) ? { ...vote, history: chunked(vote.history) } : vote)) };
}
