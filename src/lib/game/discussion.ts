/**
 * Questions for the debrief's discussion drawn from what happened at this table: the closest
 * vote, the biggest change of mind, the card that came before most changes of vote, and how the
 * class's own opinion moved. Each comes with the data that grounds it, or with none when the game
 * gives none (no vote held, nobody changed their mind): a question is never made up.
 *
 * It reads only the Debrief, so it can show nothing the debrief does not: under secret ballots a
 * change of vote has no seat, and the opinion poll is only ever counts.
 */
import type { Debrief, Influence, VoteTimeline } from './debrief';
import type { CardId, Choice, ClauseId, SeatId, VariantId, VoteKind, VoteResult } from './types';

/** Which vote a question is about, as the debrief names it. */
interface VoteRef {
	vote: number;
	kind: VoteKind;
	clauseId: ClauseId | null;
	variantId: VariantId | null;
}

export interface ClosestVote extends VoteRef {
	result: VoteResult;
	/** Yes minus no, without sign: 0 is a tie. */
	margin: number;
	/** How many other votes were decided by the same margin. */
	asClose: number;
}

export interface ChangeOfMind extends VoteRef {
	/** Null under secret ballots: the change is shown, never whose it was. */
	seat: SeatId | null;
	/** The ballot before the first change and after the last. */
	from: Choice;
	to: Choice;
	/** How many times the ballot changed in this vote. */
	changes: number;
}

export interface CardBeforeChanges {
	/** The cards played before the most changes of vote (more than one when tied); empty when no card preceded any. */
	cards: CardId[];
	/** How many changes each of them preceded. */
	preceded: number;
	/** Every change of vote in the game. */
	changes: number;
	/** Who played them, in order of first play; null for a card the facilitator put to the table. */
	playedBy: (SeatId | null)[];
}

export interface OpinionShift {
	before: number[];
	after: number[];
	/** The answer whose share grew most, and the one whose share fell most; null when none did. */
	gained: number | null;
	lost: number | null;
}

export type DiscussionQuestion =
	| { kind: 'closest-vote'; grounds: ClosestVote | null }
	| { kind: 'change-of-mind'; grounds: ChangeOfMind | null }
	| { kind: 'card-before-changes'; grounds: CardBeforeChanges | null }
	| { kind: 'opinion-shift'; grounds: OpinionShift | null };

const refOf = (t: VoteTimeline): VoteRef => ({ vote: t.vote, kind: t.kind, clauseId: t.clauseId, variantId: t.variantId });

/** The closed vote with the smallest gap between yes and no; with equal gaps, the one more people voted in, then the first. */
export function closestVote(debrief: Debrief): ClosestVote | null {
	// A vote everyone abstained in decided nothing between two sides, so it is not a close one.
	const decided = debrief.timeline.flatMap((t) => (t.result && t.result.yes + t.result.no > 0 ? [{ t, result: t.result, margin: Math.abs(t.result.yes - t.result.no) }] : []));
	if (!decided.length) return null;
	const best = decided.reduce((a, b) =>
		b.margin < a.margin || (b.margin === a.margin && b.result.yes + b.result.no > a.result.yes + a.result.no) ? b : a
	);
	return { ...refOf(best.t), result: best.result, margin: best.margin, asClose: decided.filter((d) => d.margin === best.margin).length - 1 };
}

/** How far a ballot moved: from yes to no (or back) is a reversal, to or from abstaining half one. */
const distance = (a: Choice, b: Choice) => (a === b ? 0 : a === 'abstain' || b === 'abstain' ? 1 : 2);

/**
 * The seat whose ballot moved furthest in one vote, from before its first change to after its
 * last; then the one that changed most often. Under secret ballots each change stands alone,
 * since which changes were one seat's is not kept.
 */
export function biggestChangeOfMind(debrief: Debrief): ChangeOfMind | null {
	const runs = new Map<string, { first: Influence; last: Influence; changes: number }>();
	debrief.influences.forEach((change, i) => {
		const key = change.seat === null ? `secret:${i}` : `${change.vote}:${change.seat}`;
		const run = runs.get(key);
		if (run) {
			run.last = change;
			run.changes += 1;
		} else runs.set(key, { first: change, last: change, changes: 1 });
	});
	if (!runs.size) return null;
	const moved = (r: { first: Influence; last: Influence }) => distance(r.first.from, r.last.to);
	const best = [...runs.values()].reduce((a, b) => (moved(b) > moved(a) || (moved(b) === moved(a) && b.changes > a.changes) ? b : a));
	const vote = debrief.timeline.find((t) => t.vote === best.first.vote)!;
	return { ...refOf(vote), seat: best.first.seat, from: best.first.from, to: best.last.to, changes: best.changes };
}

/** The card played before the most changes of vote, counting each change once per card. */
export function cardBeforeMostChanges(debrief: Debrief): CardBeforeChanges | null {
	if (!debrief.influences.length) return null;
	const count = new Map<CardId, number>();
	const players = new Map<CardId, (SeatId | null)[]>();
	for (const change of debrief.influences) {
		for (const card of new Set(change.cards.map((c) => c.card))) count.set(card, (count.get(card) ?? 0) + 1);
		for (const { card, seat } of change.cards) {
			const by = players.get(card) ?? [];
			if (!by.includes(seat)) by.push(seat);
			players.set(card, by);
		}
	}
	const preceded = Math.max(0, ...count.values());
	const cards = [...count].filter(([, n]) => n === preceded).map(([card]) => card);
	const playedBy = [...new Set(cards.flatMap((card) => players.get(card)!))];
	return { cards, preceded, changes: debrief.influences.length, playedBy };
}

/** Which answer of the poll gained the largest share between the briefing and the debrief, and which lost most. */
export function opinionShift(debrief: Debrief): OpinionShift | null {
	const { before, after } = debrief.poll;
	const total = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
	const [nb, na] = [total(before), total(after)];
	if (!nb || !na) return null;
	// Shares, not counts: fewer may answer at the end than at the start.
	const change = before.map((b, i) => (after[i] ?? 0) / na - b / nb);
	return { before, after, gained: furthest(change, 1), lost: furthest(change, -1) };
}

/** The index of the value furthest from zero in the given direction, if any moved that way (beyond rounding). */
function furthest(values: number[], direction: 1 | -1): number | null {
	let best: number | null = null;
	values.forEach((value, i) => {
		if (value * direction > 1e-9 && (best === null || value * direction > values[best] * direction)) best = i;
	});
	return best;
}

export function discussionQuestions(debrief: Debrief): DiscussionQuestion[] {
	return [
		{ kind: 'closest-vote', grounds: closestVote(debrief) },
		{ kind: 'change-of-mind', grounds: biggestChangeOfMind(debrief) },
		{ kind: 'card-before-changes', grounds: cardBeforeMostChanges(debrief) },
		{ kind: 'opinion-shift', grounds: opinionShift(debrief) }
	];
}
