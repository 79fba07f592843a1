/**
 * Replays one vote's ballots in order into running counts, for the debrief's timeline chart and
 * the exported timeline. Each ballot is one of: a first ballot, a change of mind (from one choice
 * to another), or the same choice cast again (say, to add a reason), which moves no count.
 *
 * Under secret ballots the debrief keeps no order, no times and no seats (all three together
 * would match the facilitator's record of who voted when): the entries come sorted by choice and
 * stamped with the close. Then there is nothing to replay: each entry is still marked first or
 * change (a change's earlier choice comes from the influences, which list every change), but
 * running counts are null and only the result says how the vote ended.
 */
import type { Influence, TimelineEntry, VoteTimeline } from '../game/debrief';
import type { Choice, SeatId } from '../game/types';

export interface Counts {
	yes: number;
	no: number;
	abstain: number;
}

export interface BallotStep {
	at: number;
	seat: SeatId | null;
	choice: Choice;
	/** The seat's earlier choice when this ballot changed it. */
	from: Choice | null;
	kind: 'first' | 'change' | 'again';
	/** The counts after this ballot; null under secret ballots, which keep no order. */
	counts: Counts | null;
}

/** Whether a vote's timeline is anonymous and unordered (secret ballots). */
export const isSecret = (vote: VoteTimeline) => vote.entries.length > 0 && vote.entries.every((e) => e.seat === null);

export function ballotSteps(vote: VoteTimeline, influences: readonly Influence[]): BallotStep[] {
	return isSecret(vote) ? secretSteps(vote, influences) : namedSteps(vote);
}

function namedSteps(vote: VoteTimeline): BallotStep[] {
	const last = new Map<SeatId, Choice>();
	const counts: Counts = { yes: 0, no: 0, abstain: 0 };
	return vote.entries.map((entry: TimelineEntry) => {
		const seat = entry.seat!;
		const before = last.get(seat) ?? null;
		const kind: BallotStep['kind'] = before === null ? 'first' : entry.changed ? 'change' : 'again';
		if (kind === 'first') counts[entry.choice] += 1;
		if (kind === 'change' && before) {
			counts[before] = Math.max(0, counts[before] - 1);
			counts[entry.choice] += 1;
		}
		last.set(seat, entry.choice);
		return { at: entry.at, seat, choice: entry.choice, from: kind === 'change' ? before : null, kind, counts: { ...counts } };
	});
}

function secretSteps(vote: VoteTimeline, influences: readonly Influence[]): BallotStep[] {
	// Each change of vote is one influence; match them by the choice changed to.
	const changes = influences.filter((i) => i.vote === vote.vote);
	return vote.entries.map((entry) => {
		let from: Choice | null = null;
		if (entry.changed) {
			const i = changes.findIndex((c) => c.to === entry.choice);
			if (i >= 0) from = changes.splice(i, 1)[0].from;
		}
		return { at: entry.at, seat: null, choice: entry.choice, from, kind: entry.changed ? 'change' : 'first', counts: null };
	});
}

/** The final counts of ballots cast (abstentions of absent seats left out), from the result if closed. */
export function finalCounts(vote: VoteTimeline, steps: readonly BallotStep[]): Counts {
	if (vote.result) return { yes: vote.result.yes, no: vote.result.no, abstain: vote.result.abstain - vote.result.absent };
	return steps.at(-1)?.counts ?? { yes: 0, no: 0, abstain: 0 };
}
