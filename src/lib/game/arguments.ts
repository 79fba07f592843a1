/**
 * What is said at the table: arguments (text, a card, or both) for or against a variant,
 * opening statements, news the facilitator injects, and hiding a post.
 */
import { produce } from 'immer';
import { actingSeat, asFacilitator, isRefusal, otherLanguages } from './guards';
import type { InLanguages } from '../scenario/texts';
import { accept, nextSeq, refuse, type Outcome } from './outcome';
import type { Actor, Context, GameState, Post, Stance } from './types';

export interface ArgumentIntent {
	variant?: string;
	on?: 'signing';
	stance?: Stance;
	card?: string;
	text?: string;
	in?: InLanguages<string | undefined>;
}

export function postArgument(state: GameState, actor: Actor, intent: ArgumentIntent, ctx: Context): Outcome {
	const seat = actingSeat(state, actor);
	if (isRefusal(seat)) return seat;
	if (state.phase !== 'opening' && state.phase !== 'clauses')
		return refuse('wrong_phase', 'Arguments are made in the opening statements and while a clause is on the floor.');
	const text = intent.text?.trim() || null;
	if (!text && !intent.card) return refuse('empty_argument', 'Write an argument, choose a card, or both.');
	const words = otherLanguages(actor, intent.in);
	if (isRefusal(words)) return words;
	if (intent.card && !state.hands[seat.id]?.includes(intent.card))
		return refuse('card_not_in_hand', 'That card is not in your hand (it may already have been played).');

	const limit = state.config.limits?.postsPerSeatPerClause;
	const here = state.phase === 'opening' ? null : state.floor!.clauseId;
	// Hidden posts count too: they still travel to the facilitator, and hiding one frees no room.
	if (limit !== undefined && state.posts.filter((p) => p.seat === seat.id && p.clauseId === here).length >= limit) {
		const where = here ? `on ${ctx.scenario.clauses.find((c) => c.id === here)!.title}` : 'in the opening statements';
		const instead = here ? ' Raise your hand to speak instead.' : '';
		return refuse('post_limit', `Each seat may post ${limit} argument${limit === 1 ? '' : 's'} ${where}; you have made yours.${instead}`, {
			limit,
			opening: here ? 'no' : 'yes'
		});
	}

	let clauseId: string | null = null;
	let variantId: string | null = intent.variant ?? null;
	if (intent.on === 'signing') {
		// Whether to sign any treaty at all is an argument of its own ("no pact" is an outcome too).
		if (variantId) return refuse('bad_payload', 'Argue either about a variant or about signing any treaty at all, not both at once.');
		if (!intent.stance) return refuse('stance_missing', 'Say whether you argue for or against signing any treaty.');
		clauseId = state.phase === 'opening' ? null : state.floor!.clauseId;
	} else if (state.phase === 'opening') {
		const usedCard = state.posts.some((p) => p.kind === 'opening' && p.seat === seat.id && p.card);
		if (intent.card && usedCard) return refuse('opening_card_used', 'Each role may play one card in the opening statements; yours is played.');
		if (variantId && !ctx.scenario.clauses.some((c) => c.variants.some((v) => v.id === variantId)))
			return refuse('unknown_variant', `There is no variant "${variantId}" in this treaty.`);
	} else {
		const floor = state.floor!;
		const clause = ctx.scenario.clauses.find((c) => c.id === floor.clauseId)!;
		clauseId = floor.clauseId;
		variantId ??= floor.variantId;
		if (!clause.variants.some((v) => v.id === variantId))
			return refuse('variant_not_on_floor', `Argue about a variant of ${clause.title}, the clause on the floor.`);
	}
	if (variantId && !intent.stance) return refuse('stance_missing', 'Say whether you argue for or against it.');

	const post: Post = {
		id: state.posts.length + 1,
		kind: state.phase === 'opening' ? 'opening' : 'argument',
		seat: seat.id,
		clauseId,
		variantId,
		stance: variantId || intent.on ? intent.stance! : null,
		...(intent.on ? { on: intent.on } : {}),
		card: intent.card ?? null,
		text,
		...(text && words ? { in: words } : {}),
		at: ctx.now,
		seq: nextSeq(state),
		hidden: false
	};
	return accept(
		produce(state, (d) => {
			d.posts.push(post);
			if (post.card) d.hands[seat.id] = d.hands[seat.id].filter((c) => c !== post.card);
		}),
		{ type: 'posted', post: post.id }
	);
}

export function injectCard(state: GameState, actor: Actor, cardId: string, ctx: Context): Outcome {
	const no = asFacilitator(actor, 'inject a card');
	if (no) return no;
	if (state.phase === 'lobby' || state.phase === 'debrief') return refuse('wrong_phase', 'News can be injected while the game is under way.');
	if (!ctx.scenario.cards.some((c) => c.id === cardId)) return refuse('unknown_card', `There is no card "${cardId}" in this scenario.`);
	const post: Post = {
		id: state.posts.length + 1,
		kind: 'news',
		seat: null,
		clauseId: state.floor?.clauseId ?? null,
		variantId: null,
		stance: null,
		card: cardId,
		text: null,
		at: ctx.now,
		seq: nextSeq(state),
		hidden: false
	};
	return accept(
		produce(state, (d) => {
			d.posts.push(post);
			// Now public news, the card leaves any hand it was in: it cannot be played a second time as a seat's own.
			for (const [seat, hand] of Object.entries(d.hands)) if (hand.includes(cardId)) d.hands[seat] = hand.filter((c) => c !== cardId);
		}),
		{ type: 'posted', post: post.id }
	);
}

export function hidePost(state: GameState, actor: Actor, postId: number): Outcome {
	const no = asFacilitator(actor, 'hide a post');
	if (no) return no;
	if (!state.posts.some((p) => p.id === postId)) return refuse('unknown_post', `There is no post number ${postId}.`);
	return accept(
		produce(state, (d) => void (d.posts[postId - 1].hidden = true)),
		{ type: 'postHidden', post: postId }
	);
}
