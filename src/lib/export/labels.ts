/**
 * Human names for the ids a view carries (seats, clauses, variants, cards, votes), shared by the
 * debrief page and the exported files so both say the same thing.
 */
import type { Influence, VoteTimeline } from '../game/debrief';
import type { CardView, TableView } from '../game/view';
import { OPEN_BAR, RED_LINE_COST } from '../game/scoring';
import type { SeatId } from '../game/types';

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
			if (id === null) return 'A secret ballot';
			const name = player(id);
			return name ? `${role(id)} (${name})` : role(id);
		},
		clause: (id: string | null) => (id === null ? 'Ratification' : (clauses.get(id)?.title ?? id)),
		variant: (id: string | null) => (id === null ? null : (variants.get(id)?.summary ?? id)),
		variantText: (id: string | null) => (id === null ? null : (variants.get(id)?.text ?? null)),
		card: (id: string) => cards.get(id)?.title ?? id,
		cardView: (id: string) => cards.get(id) ?? null,
		/** What a vote decided: "Amendment to Scope: …", "Scope: …", "Ratification of the treaty". */
		vote: (v: Pick<VoteTimeline, 'kind' | 'clauseId' | 'variantId'>) => {
			if (v.kind === 'ratification') return 'Ratification of the treaty';
			const title = clauses.get(v.clauseId ?? '')?.title ?? v.clauseId ?? '';
			const summary = v.variantId ? (variants.get(v.variantId)?.summary ?? v.variantId) : '';
			return v.kind === 'amendment' ? `Amendment to ${title}: ${summary}` : `${title}: ${summary}`;
		},
		voteShort: (v: Pick<VoteTimeline, 'kind' | 'clauseId'>) =>
			v.kind === 'ratification'
				? 'Ratification'
				: `${v.kind === 'amendment' ? 'Amendment to ' : ''}${clauses.get(v.clauseId ?? '')?.title ?? v.clauseId}`,
		influence: (i: Influence) => `${i.from} → ${i.to}`
	};
}

export type Labels = ReturnType<typeof labels>;

/** A duration in milliseconds as "2 min 05 s" or "40 s". */
export function duration(ms: number): string {
	const s = Math.round(ms / 1000);
	if (s < 60) return `${s} s`;
	return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** How a role's score is made, in one paragraph, from the engine's own numbers. */
export function scoringRule(): string {
	return (
		`Each role has a stake on signing (30 of its 100 points, or up to 50 where its brief makes signing, or refusing, ` +
		`the point), which it wins when its stance is met: a role for the pact wants it signed; any other wants it ` +
		`signed only if its conditions are in the text (for an open role without conditions, ${OPEN_BAR} of its ` +
		`objective points) and refused otherwise. The rest of its points are shared out by its secret weights over the ` +
		`clause texts the table adopted, signed or not. Each of its red lines written into a signed treaty costs ` +
		`${RED_LINE_COST}. Scores run from 0 to 100.`
	);
}
