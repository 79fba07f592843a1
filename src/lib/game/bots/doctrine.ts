/**
 * A role's doctrine as a bot reads it: how much each variant is worth to the role, moved by the
 * cards and arguments the table has heard, within bounds, and the red lines it never crosses.
 * Everything here is computed from the seat's own view: a bot knows what its human would know.
 */
import type { CardView, SeatView } from '../view';
import type { Score } from '../scoring';
import type { Choice, VariantId } from '../types';

/** How far one card moves a bot, and how far all of them together can. */
export const CARD_PULL = 4;
export const ARGUMENT_PULL = 2;
export const MAX_SHIFT = 12;

export interface Doctrine {
	weight(variant: VariantId): number;
	redLine(variant: VariantId): boolean;
	/** The role's worth of a variant now: its weight, moved by what the table has argued. */
	utility(variant: VariantId): number;
	/** Cards on the table (played or injected), in the order they appeared. */
	tableCards: CardView[];
	/** How far the cards heard for or against signing any treaty move the role at ratification. */
	signingPull: number;
}

/** What the table has argued, read once per version of the feed and shared by every bot. */
const heard = new WeakMap<SeatView['posts'], { shifts: Map<VariantId, number>; tableCards: CardView[]; signingPull: number }>();

function whatTheTableSaid(view: SeatView) {
	let said = heard.get(view.posts);
	if (!said) heard.set(view.posts, (said = tally(view)));
	return said;
}

function tally(view: SeatView) {
	const shifts = new Map<VariantId, number>();
	const pull = (variant: VariantId, by: number) => shifts.set(variant, (shifts.get(variant) ?? 0) + by);
	const tableCards: CardView[] = [];
	let signingPull = 0;
	for (const post of view.posts) {
		const card = post.card ? view.cards[post.card] : undefined;
		if (card) {
			tableCards.push(card);
			if (card.anyTreaty) signingPull += card.anyTreaty === 'for' ? CARD_PULL : -CARD_PULL;
			card.supports.forEach((v) => pull(v, CARD_PULL));
			card.undercuts.forEach((v) => pull(v, -CARD_PULL));
		} else if (post.variantId && post.stance) {
			pull(post.variantId, post.stance === 'for' ? ARGUMENT_PULL : -ARGUMENT_PULL);
		}
	}
	return { shifts, tableCards, signingPull: clamp(signingPull) };
}

const clamp = (n: number) => Math.max(-MAX_SHIFT, Math.min(MAX_SHIFT, n));

export function doctrineOf(view: SeatView): Doctrine {
	const weights = view.you.objectives.weights;
	const redLines = new Set(view.you.redLines.map((r) => r.variant));
	const { shifts, tableCards, signingPull } = whatTheTableSaid(view);
	return {
		weight: (v) => weights[v] ?? 0,
		redLine: (v) => redLines.has(v),
		utility: (v) => (redLines.has(v) ? -Infinity : (weights[v] ?? 0) + clamp(shifts.get(v) ?? 0)),
		tableCards,
		signingPull
	};
}

/** The variant of a clause the role likes best (ties go to the earlier variant). */
export function preferred(doctrine: Doctrine, variants: readonly VariantId[]): VariantId {
	return variants.reduce((best, v) => (doctrine.utility(v) > doctrine.utility(best) ? v : best));
}

/** How much the role must want another variant of a clause before it votes down the one on the floor. */
export const OPPOSE_FOR = 10;

/**
 * How the role votes to adopt a variant of a clause. A red line is always no. A variant worth
 * something is a yes and one that hurts is a no. A text worth nothing to the role is voted down
 * when it wanted another variant of that clause; on a clause it does not care about at all, it
 * leans by its stance on the pact itself.
 */
export function clauseChoice(
	doctrine: Doctrine,
	variant: VariantId,
	others: readonly VariantId[],
	signing: 'for' | 'against' | 'open'
): Choice {
	if (doctrine.redLine(variant)) return 'no';
	const u = doctrine.utility(variant);
	if (u > 0) return 'yes';
	if (u < 0) return 'no';
	if (others.some((v) => v !== variant && doctrine.utility(v) >= OPPOSE_FOR)) return 'no';
	return signing === 'for' ? 'yes' : signing === 'against' ? 'no' : 'abstain';
}

/**
 * How the role votes on ratifying the assembled text: never over a red line; otherwise yes when
 * the text scores better signed than unsigned, once the cards heard for or against signing any
 * treaty at all (Eisenkot's "doesn't need a defense pact", say) have moved it.
 */
export function ratificationChoice(signed: Score, unsigned: Score, signingPull: number): Choice {
	if (signed.redLinesCrossed.length) return 'no';
	const margin = signed.score + signingPull - unsigned.score;
	return margin > 0 ? 'yes' : margin < 0 ? 'no' : 'abstain';
}

/** An amendment replaces the text on the floor: yes when the new text is worth more. */
export function amendmentChoice(doctrine: Doctrine, from: VariantId, to: VariantId): Choice {
	if (doctrine.redLine(to)) return 'no';
	if (doctrine.redLine(from)) return 'yes';
	const gain = doctrine.utility(to) - doctrine.utility(from);
	return gain > 0 ? 'yes' : gain < 0 ? 'no' : 'abstain';
}
