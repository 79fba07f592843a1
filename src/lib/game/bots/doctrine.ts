/**
 * A role's doctrine as a bot reads it: how much each variant is worth to the role, moved by the
 * cards and arguments the table has heard, within bounds, and the red lines it never crosses.
 * Everything here is computed from the seat's own view: a bot knows what its human would know.
 */
import type { CardView, SeatView } from '../view';
import type { Score } from '../scoring';
import type { Choice, Post, SeatId, VariantId } from '../types';

/**
 * How far one card moves a bot, and how far all of them together can. A card weighs about as
 * much as one of a role's middling aims, so a well-chosen card can turn a role that only half
 * wants a text; the cap, two cards' worth, keeps a pile of cards from counting for more than two.
 */
export const CARD_PULL = 12;
export const ARGUMENT_PULL = 2;
export const MAX_SHIFT = 24;
/** At ratification a card on signing itself weighs more: it speaks to the one question left. */
export const SIGNING_PULL = 6;
export const MAX_SIGNING_SHIFT = 24;
/** How far a seat's own temperament moves its worth of any variant (see temperament). */
export const TEMPERAMENT = 14;

/** One post that moved the role's worth of a variant, and by how much. */
export interface Push {
	post: Post;
	card: CardView | undefined;
	by: number;
}

export interface Doctrine {
	weight(variant: VariantId): number;
	redLine(variant: VariantId): boolean;
	/** The role's worth of a variant now: its weight and temperament, moved by what the table has argued. */
	utility(variant: VariantId): number;
	/** The same before anything was argued. */
	baseUtility(variant: VariantId): number;
	/** The seat's temperament on a variant, part of both worths above. */
	temper(variant: VariantId): number;
	/** The posts that moved the worth of a variant, in the order they were made. */
	pushes(variant: VariantId): Push[];
	/** Cards on the table (played or injected), in the order they appeared. */
	tableCards: CardView[];
	/** How far the cards and arguments heard for or against signing any treaty move the role at ratification. */
	signingPull: number;
	signingPushes: Push[];
}

interface Heard {
	pushes: Map<VariantId, Push[]>;
	tableCards: CardView[];
	signingPushes: Push[];
}

/** What the table has argued, read once per version of the feed and shared by every bot. */
const heard = new WeakMap<SeatView['posts'], Heard>();

function whatTheTableSaid(view: SeatView): Heard {
	let said = heard.get(view.posts);
	if (!said) heard.set(view.posts, (said = tally(view)));
	return said;
}

function tally(view: SeatView): Heard {
	const pushes = new Map<VariantId, Push[]>();
	const push = (variant: VariantId, p: Push) => pushes.set(variant, [...(pushes.get(variant) ?? []), p]);
	const tableCards: CardView[] = [];
	const signingPushes: Push[] = [];
	for (const post of view.posts) {
		if (post.hidden) continue;
		const card = post.card ? view.cards[post.card] : undefined;
		if (card) {
			tableCards.push(card);
			if (card.anyTreaty) signingPushes.push({ post, card, by: card.anyTreaty === 'for' ? SIGNING_PULL : -SIGNING_PULL });
			card.supports.forEach((v) => push(v, { post, card, by: CARD_PULL }));
			card.undercuts.forEach((v) => push(v, { post, card, by: -CARD_PULL }));
		} else if (post.on === 'signing' && post.stance) {
			signingPushes.push({ post, card, by: post.stance === 'for' ? ARGUMENT_PULL : -ARGUMENT_PULL });
		} else if (post.variantId && post.stance) {
			push(post.variantId, { post, card, by: post.stance === 'for' ? ARGUMENT_PULL : -ARGUMENT_PULL });
		}
	}
	return { pushes, tableCards, signingPushes };
}

const clamp = (n: number, max = MAX_SHIFT) => Math.max(-max, Math.min(max, n));
const sum = (pushes: readonly Push[]) => pushes.reduce((total, p) => total + p.by, 0);

/**
 * A seat's temperament: a fixed lean, from −TEMPERAMENT to +TEMPERAMENT, on each variant, drawn
 * from the game's code and the seat. Two games rarely play out the same way, yet one game always
 * does, so it replays. It ranks the texts a brief leaves open, and reorders those it names, but
 * never puts a text the brief leaves out above one it names (see lead).
 */
export function temperament(code: string, seat: SeatId, variant: VariantId): number {
	// FNV-1a: a fixed, well-spread hash of the three names.
	let h = 0x811c9dc5;
	for (const ch of `${code}\u0000${seat}\u0000${variant}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
	return (h % (2 * TEMPERAMENT + 1)) - TEMPERAMENT;
}

export function doctrineOf(view: SeatView): Doctrine {
	const weights = view.you.objectives.weights;
	const redLines = new Set(view.you.redLines.map((r) => r.variant));
	const { pushes, tableCards, signingPushes } = whatTheTableSaid(view);
	const temper = (v: VariantId) => temperament(view.code, view.you.seat, v);
	const base = (v: VariantId) => (redLines.has(v) ? -Infinity : (weights[v] ?? 0) + temper(v));
	return {
		weight: (v) => weights[v] ?? 0,
		redLine: (v) => redLines.has(v),
		baseUtility: base,
		temper,
		utility: (v) => base(v) + clamp(sum(pushes.get(v) ?? [])),
		pushes: (v) => pushes.get(v) ?? [],
		tableCards,
		signingPull: clamp(sum(signingPushes), MAX_SIGNING_SHIFT),
		signingPushes
	};
}

/**
 * How much more the role values text `a` than text `b`. Between two texts its brief names, or two
 * it leaves out, the seat's temperament counts; between one it names and one it leaves out, only
 * the brief and what the table has argued do. So a scripted role never argues or votes for a text
 * its brief leaves out over one it names on a whim, only when a player's case has moved it.
 */
export function lead(doctrine: Doctrine, a: VariantId, b: VariantId, worth = doctrine.utility): number {
	const [wa, wb] = [worth(a), worth(b)];
	if (wa === wb) return 0;
	if (doctrine.weight(a) > 0 === doctrine.weight(b) > 0) return wa - wb;
	return wa - doctrine.temper(a) - (wb - doctrine.temper(b));
}

/** The variant of a clause the role likes best (ties go to the earlier variant). */
export function preferred(doctrine: Doctrine, variants: readonly VariantId[], worth = doctrine.utility): VariantId {
	return variants.reduce((best, v) => (lead(doctrine, v, best, worth) > 0 ? v : best));
}

/** A weight from which the role makes its case on a clause in words alone, when it has no card for it. */
export const OPPOSE_FOR = 10;

/**
 * How the role votes on ratifying the assembled text: never over a red line; otherwise yes when
 * the text scores better signed than unsigned, once the cards and arguments heard for or against
 * signing any treaty at all (Eisenkot's "doesn't need a defense pact", say) have moved it.
 */
export function ratificationChoice(signed: Score, unsigned: Score, signingPull: number): Choice {
	if (signed.redLinesCrossed.length) return 'no';
	const margin = signed.score + signingPull - unsigned.score;
	return margin > 0 ? 'yes' : margin < 0 ? 'no' : 'abstain';
}

/** An amendment replaces the text on the floor: yes when the new text is worth more. */
export function amendmentChoice(doctrine: Doctrine, from: VariantId, to: VariantId, worth = doctrine.utility): Choice {
	if (doctrine.redLine(to)) return 'no';
	if (doctrine.redLine(from)) return 'yes';
	const gain = lead(doctrine, to, from, worth);
	return gain > 0 ? 'yes' : gain < 0 ? 'no' : 'abstain';
}
