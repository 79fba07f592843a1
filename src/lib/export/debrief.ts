/**
 * The debrief's exports, built from whatever view this browser holds once the game is over: the
 * facilitator's (which adds the hidden posts) or a player's or the projector's. Nothing is
 * exported that the view does not already show, and the opinion poll only as counts: not even a
 * player's own answer, which their view holds, goes into a file that may be handed on.
 *
 * The CSV files follow the language of the page they are saved from, as the handout does: their
 * column headers, and every cell meant to be read — role, player, side, clause, proposed text,
 * card title and source, a vote's result — are in that language. The cells a spreadsheet sorts,
 * filters and counts by stay the game's own codes in every language, as the JSON export carries
 * them: seat and card ids, vote numbers, kinds (clause, amendment, ratification; argument,
 * opening, news), choices (yes, no, abstain), stances (for, against, open), yes/no flags, times
 * in ISO 8601 and plain numbers. So a file saved from a Hebrew page and one saved from an English
 * page line up row by row, and a formula written for one works on the other.
 */
import type { Debrief } from '../game/debrief';
import type { CardView, TableView } from '../game/view';
import type { SeatId } from '../game/types';
import type { Side } from '../scenario/schema';
import { toCsv } from './csv';
import { labels } from './labels';
import { ballotSteps } from './steps';
import { plainAttribution, sideNames } from '../client/labels';
import { m } from '../i18n/paraglide/messages';

/** Whose words a card is and when they were reported, as the card itself says it. */
const cardOrigin = (card: CardView | null) => (card ? plainAttribution(card) : null);

export type DebriefView = TableView & { catalogue?: CardView[] };
export type EndedView = DebriefView & { debrief: Debrief };

export const csvKinds = ['timeline', 'ballots', 'posts', 'scores', 'poll'] as const;
export type CsvKind = (typeof csvKinds)[number];

/** What each file holds, in the page's language. */
export const csvDescriptions: Record<CsvKind, () => string> = {
	timeline: m.csv_timeline,
	ballots: m.csv_ballots,
	posts: m.csv_posts,
	scores: m.csv_scores,
	poll: m.csv_poll
};

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const seconds = (ms: number) => Math.round(ms / 100) / 10;
const resultText = (r: { passed: boolean } | null) => (r === null ? m.csv_result_open() : r.passed ? m.csv_result_adopted() : m.csv_result_not_adopted());

export function hasDebrief(view: DebriefView): view is EndedView {
	return view.debrief !== null;
}

/**
 * Every ballot cast, changes of mind included, with the counts after each. Under secret ballots
 * the rows carry no seat, come in no particular order, are stamped with the close, and have no
 * running counts: only the vote's result.
 */
export function timelineCsv(view: EndedView): string {
	const name = labels(view);
	const rows = view.debrief.timeline.flatMap((vote) =>
		ballotSteps(vote, view.debrief.influences).map((step, i) => [
			vote.vote,
			vote.kind,
			name.clause(vote.clauseId),
			name.variant(vote.variantId),
			iso(step.at),
			seconds(step.at - vote.openedAt),
			step.seat,
			step.seat === null ? null : name.role(step.seat),
			step.seat === null ? null : name.player(step.seat),
			step.choice,
			step.kind === 'change',
			step.from,
			step.counts?.yes ?? null,
			step.counts?.no ?? null,
			step.counts?.abstain ?? null,
			resultText(vote.result),
			vote.entries[i].reason ?? null,
			vote.entries[i].card ?? null,
			vote.entries[i].card ? name.card(vote.entries[i].card!) : null
		])
	);
	return toCsv(
		[
			m.csv_col_vote(),
			m.csv_col_kind(),
			m.csv_col_clause(),
			m.csv_col_proposed_text(),
			m.csv_col_cast_at(),
			m.csv_col_seconds_after_opening(),
			m.csv_col_seat(),
			m.csv_col_role(),
			m.csv_col_player(),
			m.csv_col_choice(),
			m.csv_col_changed(),
			m.csv_col_previous_choice(),
			m.csv_col_yes_so_far(),
			m.csv_col_no_so_far(),
			m.csv_col_abstain_so_far(),
			m.csv_col_vote_result(),
			m.csv_col_reason(),
			m.csv_col_card_cited(),
			m.csv_col_card_title()
		],
		rows
	);
}

/** Each vote's final ballots: named with their seats, or anonymous reasons under secret ballots. */
export function ballotsCsv(view: EndedView): string {
	const name = labels(view);
	const rows = view.votes.flatMap((vote) => {
		const base = [vote.id, vote.kind, name.clause(vote.clauseId), name.variant(vote.variantId), resultText(vote.result)];
		const ballots: [SeatId | null, { choice: string; reason: string | null; card: string | null }][] = vote.ballots
			? Object.entries(vote.ballots)
			: (vote.reasons ?? []).map((b) => [null, b]);
		return ballots.map(([seat, b]) => [
			...base,
			seat,
			seat === null ? null : name.role(seat),
			seat === null ? null : name.player(seat),
			b.choice,
			b.reason,
			b.card,
			b.card ? name.card(b.card) : null
		]);
	});
	return toCsv(
		[
			m.csv_col_vote(),
			m.csv_col_kind(),
			m.csv_col_clause(),
			m.csv_col_proposed_text(),
			m.csv_col_vote_result(),
			m.csv_col_seat(),
			m.csv_col_role(),
			m.csv_col_player(),
			m.csv_col_choice(),
			m.csv_col_reason(),
			m.csv_col_card_cited(),
			m.csv_col_card_title()
		],
		rows
	);
}

export function postsCsv(view: EndedView): string {
	const name = labels(view);
	const rows = view.posts.map((p) => [
		p.id,
		iso(p.at),
		p.kind,
		p.seat,
		p.seat === null ? m.csv_facilitator_news() : name.role(p.seat),
		p.seat === null ? null : name.player(p.seat),
		p.clauseId === null ? null : name.clause(p.clauseId),
		p.on === 'signing' ? m.csv_on_signing() : name.variant(p.variantId),
		p.stance,
		p.card,
		p.card ? name.card(p.card) : null,
		p.card ? (cardOrigin(name.cardView(p.card)) ?? null) : null,
		p.text,
		p.hidden
	]);
	return toCsv(
		[
			m.csv_col_post(),
			m.csv_col_at(),
			m.csv_col_kind(),
			m.csv_col_seat(),
			m.csv_col_role(),
			m.csv_col_player(),
			m.csv_col_clause(),
			m.csv_col_variant(),
			m.csv_col_stance(),
			m.csv_col_card(),
			m.csv_col_card_title(),
			m.csv_col_card_source(),
			m.csv_col_text(),
			m.csv_col_hidden()
		],
		rows
	);
}

/** A side in the page's words: the seat column is the key to sort by. */
const side = (id: Side | null) => (id === null ? null : sideNames[id]);

export function scoresCsv(view: EndedView): string {
	const name = labels(view);
	const rows = view.debrief.seats.map((s) => [
		s.seat,
		name.role(s.seat),
		side(name.side(s.seat)),
		s.player,
		s.score.score,
		s.score.objectives,
		s.score.fromText,
		100 - s.objectives.stake,
		s.objectives.signing,
		s.objectives.stake,
		s.score.stanceMet,
		s.score.redLinesCrossed.map((v) => name.variant(v)).join('; '),
		s.score.won.map((w) => `${name.variant(w.variant)} (${w.weight})`).join('; '),
		seconds(s.floorTime),
		s.posts,
		s.cardsPlayed
	]);
	return toCsv(
		[
			m.csv_col_seat(),
			m.csv_col_role(),
			m.csv_col_side(),
			m.csv_col_player(),
			m.csv_col_score(),
			m.csv_col_objective_weight(),
			m.csv_col_points_from_objectives(),
			m.csv_col_objectives_worth(),
			m.csv_col_stance_on_signing(),
			m.csv_col_points_on_stance(),
			m.csv_col_stance_met(),
			m.csv_col_red_lines_crossed(),
			m.csv_col_objectives_won(),
			m.csv_col_floor_time(),
			m.csv_col_posts(),
			m.csv_col_cards_played()
		],
		rows
	);
}

/** The opinion poll as counts, before and after, per answer: who gave which is never exported. */
export function pollCsv(view: EndedView): string {
	const rows = view.poll.options.map((option, i) => [option, view.debrief.poll.before[i] ?? 0, view.debrief.poll.after[i] ?? 0]);
	return toCsv([m.csv_col_answer(), m.csv_col_players_before(), m.csv_col_players_after()], rows);
}

export const csvBuilders: Record<CsvKind, (view: EndedView) => string> = {
	timeline: timelineCsv,
	ballots: ballotsCsv,
	posts: postsCsv,
	scores: scoresCsv,
	poll: pollCsv
};

/** The whole debrief and the table as this browser saw it, in one file. */
export function debriefJson(view: EndedView, exportedAt: Date): string {
	const { debrief, ...table } = view;
	return JSON.stringify(
		{
			format: 'pact-room-debrief',
			version: 1,
			exportedAt: exportedAt.toISOString(),
			code: view.code,
			title: view.title,
			viewer: (view as { as?: string }).as ?? null,
			settings: { votingRule: view.votingRule, ballot: view.ballot },
			debrief,
			table: withoutOwnPoll(table)
		},
		null,
		2
	);
}

/** The table as exported: a player's view also holds their seat (`you`). */
type ExportedTable = Omit<EndedView, 'debrief'> & { you?: Record<string, unknown> };

/** A player's view holds their own poll answers; a file, which may be handed on, carries only the counts. */
function withoutOwnPoll(table: ExportedTable): ExportedTable {
	if (!table.you) return table;
	const { poll: _poll, ...you } = table.you;
	return { ...table, you };
}

export function exportFileName(code: string, kind: string, ext: 'csv' | 'json'): string {
	return `pact-room-${code}-${kind}.${ext}`;
}
