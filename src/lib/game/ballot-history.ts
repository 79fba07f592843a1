/**
 * Every ballot cast in a vote, changes of mind included, in order: kept in chunks of a fixed size,
 * so that casting a ballot copies only the last chunk and the list of chunks, not the whole
 * history. A vote left open while seats keep changing their minds would otherwise make each new
 * ballot cost as much as all the ones before it.
 *
 * The last chunk is a short list of ballots. Once full, it is packed column by column: an array
 * per field, rather than an object per ballot. A history lives as long as its game and can grow
 * to thousands of ballots; as objects (three heap objects each, with the time boxed) they were most
 * of what the server's garbage collector traced in a busy class, over and over. Packed, 64 ballots
 * are eight objects. Times are packed as milliseconds after the chunk's first ballot: small
 * integers, which an array holds unboxed, where a frozen array of times since the epoch would box
 * every one.
 */
import { frozen } from './outcome';
import type { BallotCast, GameState, Vote } from './types';

/** CHUNK ballots, packed: the n-th ballot is the n-th entry of every column. */
export interface PackedCasts {
	seat: BallotCast['seat'][];
	choice: BallotCast['choice'][];
	reason: BallotCast['reason'][];
	card: BallotCast['card'][];
	/** A scripted role's reasons in other languages; absent in chunks packed before there were any. */
	in?: BallotCast['in'][];
	/** When the first ballot was cast (ms since the epoch). */
	from: number;
	/** When each ballot was cast, in ms after `from`. */
	after: number[];
	seq: number[];
}

/** Packed chunks, then the latest ballots (fewer than CHUNK) as a list. */
export type CastChunk = PackedCasts | BallotCast[];

/** Frozen like the rest of the state; typed mutable like it, for immer's drafts. */
export type BallotHistory = CastChunk[];

const CHUNK = 64;

export const NO_CASTS: BallotHistory = Object.freeze([]) as unknown as BallotHistory;

/** The list with one more entry, at its exact length (a spread would leave spare room). */
const plus = <T>(list: T[], value: T): T[] => frozen(list.concat([value]));

function pack(casts: BallotCast[]): PackedCasts {
	const from = casts[0].at;
	const column = <K extends keyof BallotCast>(key: K) => frozen(casts.map((cast) => cast[key]));
	return frozen({
		seat: column('seat'),
		choice: column('choice'),
		reason: column('reason'),
		card: column('card'),
		in: column('in'),
		from,
		after: frozen(casts.map((cast) => cast.at - from)),
		seq: column('seq')
	});
}

/** The history with one more ballot; the one given, and every full chunk it shares, unchanged. */
export function appendCast(history: BallotHistory, given: BallotCast): BallotHistory {
	const cast = frozen(given);
	const last = history.at(-1);
	if (!last || !Array.isArray(last)) return plus(history, frozen([cast]));
	if (last.length + 1 < CHUNK) return plus(history.slice(0, -1), plus(last, cast));
	return plus(history.slice(0, -1), pack(last.concat([cast])));
}

/** The ballots of one chunk, as objects of their own (not the chunk's, which may be drafts inside immer). */
function castsIn(chunk: CastChunk): BallotCast[] {
	if (Array.isArray(chunk)) return chunk.map((cast) => ({ ...cast }));
	return chunk.seq.map((seq, i) => ({
		seat: chunk.seat[i],
		choice: chunk.choice[i],
		reason: chunk.reason[i],
		card: chunk.card[i],
		...(chunk.in?.[i] ? { in: chunk.in[i] } : {}),
		at: chunk.from + chunk.after[i],
		seq
	}));
}

/** Every ballot cast, in order. */
export function castsOf(history: BallotHistory): BallotCast[] {
	return history.flatMap(castsIn);
}

/** A history holding these ballots, in this order. */
function historyOf(casts: BallotCast[]): BallotHistory {
	return casts.reduce(appendCast, NO_CASTS);
}

/** The same ballots, each changed by `change`, in the same order. */
export function mapCasts(history: BallotHistory, change: (cast: BallotCast) => BallotCast): BallotHistory {
	return historyOf(castsOf(history).map(change));
}

/** The ballots that pass `keep`, in order. */
export function filterCasts(history: BallotHistory, keep: (cast: BallotCast) => boolean): BallotHistory {
	return historyOf(castsOf(history).filter(keep));
}

/** A history as stored: as it is held now, or as an older snapshot held it (one flat list of ballots, or chunks that are lists of ballots). */
type StoredHistory = (BallotCast | CastChunk)[];

const isPacked = (entry: StoredHistory[number]): entry is PackedCasts => !Array.isArray(entry) && Array.isArray((entry as PackedCasts).seq);

/** Whether a history is held as appendCast holds it: packed chunks, then at most one short list. */
const isCurrent = (history: StoredHistory) =>
	history.every((entry, i) => isPacked(entry) || (i === history.length - 1 && Array.isArray(entry) && entry.length < CHUNK));

/**
 * A room snapshot as stored: one written before full chunks were packed holds lists of ballots
 * (flat, or in chunks), which are packed as they are read.
 */
export function withChunkedHistories(state: GameState): GameState {
	const asStored = (vote: Vote) => vote.history as unknown as StoredHistory;
	if (state.votes.every((vote) => isCurrent(asStored(vote)))) return state;
	const read = (history: StoredHistory) => historyOf(history.flatMap((entry) => (isPacked(entry) || Array.isArray(entry) ? castsIn(entry) : [entry])));
	return { ...state, votes: state.votes.map((vote) => (isCurrent(asStored(vote)) ? vote : { ...vote, history: read(asStored(vote)) })) };
}
