/**
 * Human names for the ids a view carries (seats, clauses, variants, cards, votes), shared by the
 * debrief page and the exported files so both say the same thing, in the page's language.
 */
import type { Influence, VoteTimeline } from '../game/debrief';
import type { CardView, TableView } from '../game/view';
import { OPEN_BAR, RED_LINE_COST } from '../game/scoring';
import type { SeatId } from '../game/types';
import { m } from '../i18n/paraglide/messages';

export type LabelledView = TableView & { catalogue?: CardView[] };

export function labels(view: LabelledView) {
	const seats = new Map(view.seats.map((s) => [s.id, s]));
	const clauses = new Map(view.clauses.map((c) => [c.id, c]));
	const variants = new Map(view.clauses.flatMap((c) => c.variants.map((v) => [v.id, { ...v, clauseTitle: c.title }] as const)));
	const cards = new Map([...(view.catalogue ?? []), ...Object.values(view.cards)].map((c) => [c.id, c]));
	const players = new Map(view.debrief?.seats.map((s) => [s.seat, s.player]) ?? []);

	/** "Ron Dermer", or "White House adviser — Senate liaison" for a multi-seat role. */
	const role = (id: SeatId) => {
		const seat = seats.get(id);
		if (!seat) return id;
		return seat.portfolio ? `${seat.roleName} — ${seat.portfolio}` : seat.roleName;
	};
	const player = (id: SeatId) => seats.get(id)?.player ?? players.get(id) ?? null;

	return {
		role,
		player,
		side: (id: SeatId) => seats.get(id)?.side ?? null,
		/** The role and, when someone holds it, the player: "Ron Dermer (Maya)". Null seats are secret ballots. */
		seat: (id: SeatId | null) => {
			if (id === null) return m.name_secret_ballot();
			const name = player(id);
			return name ? `${role(id)} (${name})` : role(id);
		},
		clause: (id: string | null) => (id === null ? m.name_ratification() : (clauses.get(id)?.title ?? id)),
		variant: (id: string | null) => (id === null ? null : (variants.get(id)?.summary ?? id)),
		variantText: (id: string | null) => (id === null ? null : (variants.get(id)?.text ?? null)),
		card: (id: string) => cards.get(id)?.title ?? id,
		cardView: (id: string) => cards.get(id) ?? null,
		/** What a vote decided: "Amendment to Scope: …", "Scope: …", "Ratification of the treaty". */
		vote: (v: Pick<VoteTimeline, 'kind' | 'clauseId' | 'variantId'>) => {
			if (v.kind === 'ratification') return m.name_ratification_of_treaty();
			const title = clauses.get(v.clauseId ?? '')?.title ?? v.clauseId ?? '';
			const summary = v.variantId ? (variants.get(v.variantId)?.summary ?? v.variantId) : '';
			return v.kind === 'amendment' ? m.name_amendment_to({ clause: title, summary }) : `${title}: ${summary}`;
		},
		voteShort: (v: Pick<VoteTimeline, 'kind' | 'clauseId'>) => {
			if (v.kind === 'ratification') return m.name_ratification();
			const title = clauses.get(v.clauseId ?? '')?.title ?? v.clauseId ?? '';
			return v.kind === 'amendment' ? m.name_amendment_to_short({ clause: title }) : title;
		},
		influence: (i: Influence) => `${i.from} → ${i.to}`
	};
}

export type Labels = ReturnType<typeof labels>;

/** A duration in milliseconds as "2 min 05 s" or "40 s". */
export function duration(ms: number): string {
	const s = Math.round(ms / 1000);
	if (s < 60) return m.duration_seconds({ seconds: s });
	return m.duration_minutes_seconds({ minutes: Math.floor(s / 60), seconds: String(s % 60).padStart(2, '0') });
}

/** How a role's score is made, in one paragraph, from the engine's own numbers. */
export function scoringRule(): string {
	return m.scoring_rule({ bar: OPEN_BAR, cost: RED_LINE_COST });
}
