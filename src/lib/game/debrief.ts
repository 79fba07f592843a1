/**
 * What the debrief shows once a game is over: the treaty as adopted, every role's score with its
 * objectives revealed, the timeline of each vote, which cards preceded vote changes, how reasons
 * cite cards, and each seat's share of the floor. Secret ballots stay anonymous here too.
 */
import type { Objectives, RedLine, Scenario } from '../scenario/schema';
import { redLinesIn, type InLanguages } from '../scenario/texts';
import { castsOf } from './ballot-history';
import { unsettledRequired } from './required';
import { scoreRole, type Score } from './scoring';
import type { CardId, Choice, ClauseId, GameState, SeatId, VariantId, VoteKind, VoteResult } from './types';

export interface TimelineEntry {
	/** Null under secret ballots. */
	seat: SeatId | null;
	choice: Choice;
	at: number;
	/** Whether this ballot changed the seat's earlier one in the same vote. */
	changed: boolean;
	/** The one-line reason given, and the card it cites (a scripted role always gives one). */
	reason: string | null;
	card: CardId | null;
	/** A scripted role's reason in the scenario's other languages. */
	in?: InLanguages<string>;
}

export interface VoteTimeline {
	vote: number;
	kind: VoteKind;
	clauseId: ClauseId | null;
	variantId: VariantId | null;
	openedAt: number;
	closedAt: number | null;
	result: VoteResult | null;
	entries: TimelineEntry[];
}

/** A change of vote, with the cards the table played since that seat's previous ballot. */
export interface Influence {
	vote: number;
	seat: SeatId | null;
	from: Choice;
	to: Choice;
	at: number;
	cards: { post: number; card: CardId; seat: SeatId | null }[];
}

export interface SeatRecord {
	seat: SeatId;
	roleId: string;
	player: string | null;
	score: Score;
	objectives: Objectives;
	redLines: RedLine[];
	/** Why each red line, in the scenario's other languages, by variant. */
	redLinesIn: InLanguages<Record<string, string>>;
	floorTime: number;
	posts: number;
	cardsPlayed: number;
}

export interface CitedReasons {
	card: CardId;
	reasons: { vote: number; seat: SeatId | null; choice: Choice; reason: string | null; in?: InLanguages<string> }[];
}

export interface Debrief {
	signed: boolean;
	/** Required clauses the table voted down on every option: with any, the treaty cannot be put to ratification. */
	unsettled: ClauseId[];
	treaty: { clauseId: ClauseId; variantId: VariantId | null; skipped: boolean }[];
	seats: SeatRecord[];
	timeline: VoteTimeline[];
	influences: Influence[];
	citations: CitedReasons[];
	/** How many players gave each answer, before and after: the only form in which the poll leaves a seat. */
	poll: { before: number[]; after: number[] };
}

/** Whether the table went through the whole agenda yet never voted on ratification: what a treaty silent on a required clause does. */
function barredFromRatification(state: GameState): boolean {
	const last = state.agenda.at(-1);
	const finished = state.cursor === state.agenda.length - 1 && last !== undefined && (last in state.adopted || state.skipped.includes(last));
	return finished && !state.votes.some((v) => v.kind === 'ratification');
}

export function debrief(state: GameState, scenario: Scenario): Debrief {
	const secret = state.config.ballot.ballots === 'secret';
	const seatOf = (seat: SeatId) => (secret ? null : seat);
	const roles = new Map(scenario.roles.map((r) => [r.id, r]));
	const visiblePosts = state.posts.filter((p) => !p.hidden);

	const timeline: VoteTimeline[] = [];
	const influences: Influence[] = [];
	const cited = new Map<CardId, CitedReasons>();
	for (const vote of state.votes) {
		const last = new Map<SeatId, { choice: Choice; seq: number }>();
		const entries: TimelineEntry[] = [];
		for (const cast of castsOf(vote.history)) {
			const before = last.get(cast.seat);
			const changed = before !== undefined && before.choice !== cast.choice;
			entries.push({ seat: seatOf(cast.seat), choice: cast.choice, at: cast.at, changed, reason: cast.reason, card: cast.card, ...(cast.in ? { in: cast.in } : {}) });
			if (changed) {
				const cards = visiblePosts
					.filter((p) => p.card && p.seq > before.seq && p.seq < cast.seq)
					.map((p) => ({ post: p.id, card: p.card!, seat: p.seat }));
				influences.push({ vote: vote.id, seat: seatOf(cast.seat), from: before.choice, to: cast.choice, at: secret ? (vote.closedAt ?? cast.at) : cast.at, cards });
			}
			last.set(cast.seat, { choice: cast.choice, seq: cast.seq });
		}
		// Under secret ballots the order and times of ballots would match the facilitator's record of
		// who voted when; keep only the choices, in a fixed order, stamped with the close.
		if (secret) {
			entries.sort((a, b) => a.choice.localeCompare(b.choice) || Number(a.changed) - Number(b.changed));
			for (const entry of entries) entry.at = vote.closedAt ?? vote.openedAt;
		}
		timeline.push({
			vote: vote.id,
			kind: vote.kind,
			clauseId: vote.clauseId,
			variantId: vote.variantId,
			openedAt: vote.openedAt,
			closedAt: vote.closedAt,
			result: vote.result,
			entries
		});
		// Secret ballots are taken in order of content: their order in the record follows who voted first.
		const ballots = Object.entries(vote.ballots);
		if (secret) ballots.sort(([, a], [, b]) => `${a.choice}${a.card}${a.reason}`.localeCompare(`${b.choice}${b.card}${b.reason}`));
		for (const [seat, ballot] of ballots) {
			if (!ballot.card) continue;
			const group = cited.get(ballot.card) ?? { card: ballot.card, reasons: [] };
			group.reasons.push({ vote: vote.id, seat: seatOf(seat), choice: ballot.choice, reason: ballot.reason, ...(ballot.in ? { in: ballot.in } : {}) });
			cited.set(ballot.card, group);
		}
	}

	// The poll is kept only as counts, shown once the game is over: the 'before' counts appear when
	// they are final, so none moves as a student answers. At a
	// very small table counts can still show how someone answered (one person among scripted roles,
	// whose answers follow their roles' stances). That is accepted rather than hiding the counts of
	// small tables, and the student is told so where they answer.

	return {
		signed: Boolean(state.signed),
		unsettled: barredFromRatification(state) ? unsettledRequired(state, scenario) : [],
		treaty: state.agenda.map((clauseId) => ({
			clauseId,
			variantId: state.adopted[clauseId] ?? null,
			skipped: state.skipped.includes(clauseId)
		})),
		seats: state.seats.map((seat) => {
			const role = roles.get(seat.roleId)!;
			const posts = state.posts.filter((p) => p.seat === seat.id);
			return {
				seat: seat.id,
				roleId: seat.roleId,
				player: seat.player,
				score: scoreRole(role, state),
				objectives: role.objectives,
				redLines: role.redLines,
				redLinesIn: redLinesIn(scenario, role.id),
				floorTime: state.floorTime[seat.id] ?? 0,
				posts: posts.length,
				cardsPlayed: posts.filter((p) => p.card).length
			};
		}),
		timeline,
		influences,
		citations: [...cited.values()],
		poll: state.poll.counts
	};
}
