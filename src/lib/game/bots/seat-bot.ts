/**
 * A scripted role: given exactly the view its seat would show a human, it picks the next action
 * or nothing. Deterministic: the same view always gives the same action, so a game replays from
 * its seed. It acts through the same server path and checks as a human.
 */
import { scoreRole } from '../scoring';
import type { CardView, SeatView, VoteView } from '../view';
import type { Action, Choice, Stance, VariantId } from '../types';
import { amendmentChoice, clauseChoice, doctrineOf, preferred, ratificationChoice, type Doctrine } from './doctrine';
import { argumentText, voteReason } from './explain';

/** How much better another variant must be before the bot spends an amendment on it. */
export const AMENDMENT_THRESHOLD = 8;

export function decideForSeat(view: SeatView): Action | null {
	const me = view.you.seat;
	const doctrine = doctrineOf(view);
	const signing = view.you.objectives.signing;
	switch (view.phase) {
		case 'briefing':
		case 'opening': {
			if (!view.you.poll.before) return { type: 'answerPoll', answer: pollAnswer(view) };
			if (view.phase === 'opening' && !view.posts.some((p) => p.seat === me && p.kind === 'opening')) return openingStatement(view);
			return null;
		}
		case 'clauses':
			return clauseMove(view, doctrine, signing);
		case 'ratification': {
			const vote = openVote(view);
			if (!vote) return null;
			return ballot(view, ratify(view, doctrine), undefined, 'the treaty as assembled');
		}
		case 'debrief':
			return view.you.poll.after ? null : { type: 'answerPoll', answer: pollAnswer(view) };
		default:
			return null;
	}
}

const openVote = (view: SeatView): VoteView | undefined => {
	const last = view.votes.at(-1);
	return last?.status === 'open' ? last : undefined;
};

/** Where the role starts on the private poll: its stance on any pact at all. */
function pollAnswer(view: SeatView): number {
	const n = view.poll.options.length;
	const stance = view.you.objectives.signing;
	return stance === 'for' ? Math.min(1, n - 1) : stance === 'against' ? Math.max(n - 2, 0) : Math.floor(n / 2);
}

/** Opens with the card that best supports the role's heaviest objective. */
function openingStatement(view: SeatView): Action | null {
	const goals = Object.entries(view.you.objectives.weights).sort((a, b) => b[1] - a[1]);
	for (const [variant] of goals) {
		const card = view.you.hand.map((id) => view.cards[id]).find((c) => c?.supports.includes(variant));
		if (card) return { type: 'postArgument', card: card.id, variant, stance: 'for', text: argumentText('for', summaryOf(view, variant)) };
	}
	const first = view.you.hand[0];
	return first ? { type: 'postArgument', card: first } : null;
}

function clauseMove(view: SeatView, doctrine: Doctrine, signing: 'for' | 'against' | 'open'): Action | null {
	const floor = view.floor;
	if (!floor) return null;
	const clause = view.clauses.find((c) => c.id === floor.clauseId)!;
	const variants = clause.variants.map((v) => v.id);
	const best = preferred(doctrine, variants);
	const vote = openVote(view);
	const pending = view.amendments.find((a) => a.status === 'pending' && a.clauseId === clause.id);

	// Say something first: a vote is best explained by a card the table has seen.
	const argued = view.posts.some((p) => p.seat === view.you.seat && p.clauseId === clause.id);
	if (!argued) {
		const argument = argue(view, doctrine, best, floor.variantId);
		if (argument) return argument;
	}

	if (!vote) {
		const proposedHere = view.amendments.some((a) => a.seat === view.you.seat && a.clauseId === clause.id);
		const gain = doctrine.utility(best) - doctrine.utility(floor.variantId);
		if (!pending && !proposedHere && view.you.amendmentsLeft > 0 && best !== floor.variantId && (gain >= AMENDMENT_THRESHOLD || doctrine.redLine(floor.variantId)))
			return { type: 'proposeAmendment', variant: best };
		return null;
	}
	if (vote.kind === 'amendment') {
		const amendment = view.amendments.find((a) => a.id === vote.amendmentId)!;
		const choice = amendmentChoice(doctrine, amendment.from, amendment.to);
		return ballot(view, choice, amendment.to, `the amendment to ${clause.title}`);
	}
	const choice = clauseChoice(doctrine, vote.variantId!, variants, signing);
	return ballot(view, choice, vote.variantId!, `this ${clause.title} text`);
}

/** Plays the hand's most fitting card for the role's preferred variant, or against the floor text. */
function argue(view: SeatView, doctrine: Doctrine, best: VariantId, onFloor: VariantId): Action | null {
	const hand = view.you.hand.map((id) => view.cards[id]).filter((c): c is CardView => Boolean(c));
	const pick = (test: (c: CardView) => boolean) => hand.find(test);
	let stance: Stance = 'for';
	let variant = best;
	let card = doctrine.utility(best) > 0 ? pick((c) => c.supports.includes(best)) : undefined;
	if (!card && best !== onFloor) {
		card = pick((c) => c.undercuts.includes(onFloor));
		if (card) [stance, variant] = ['against', onFloor];
	}
	if (!card) return null;
	return { type: 'postArgument', card: card.id, variant, stance, text: argumentText(stance, summaryOf(view, variant)) };
}

/** Casts (or changes) the ballot when the role's choice differs from the one it holds. */
function ballot(view: SeatView, choice: Choice, variant: VariantId | undefined, what: string): Action | null {
	if (view.you.ballot?.choice === choice) return null;
	const doctrine = doctrineOf(view);
	const cites = (c: CardView) =>
		variant === undefined
			? c.supports.length > 0 || c.undercuts.length > 0
			: choice === 'no'
				? c.undercuts.includes(variant) || c.supports.some((v) => v !== variant && sameClause(v, variant))
				: c.supports.includes(variant);
	const recent = [...doctrine.tableCards].reverse();
	// At ratification a card on signing itself explains the ballot best.
	const onSigning = variant === undefined ? recent.find((c) => c.anyTreaty === (choice === 'yes' ? 'for' : 'against')) : undefined;
	const card = onSigning ?? recent.find(cites);
	return { type: 'castVote', choice, reason: voteReason(choice, card, what), ...(card ? { card: card.id } : {}) };
}

const sameClause = (a: VariantId, b: VariantId) => a.split('.')[0] === b.split('.')[0];

/** Signs when the assembled text scores better signed than unsigned, as the table's arguments on signing move it. */
function ratify(view: SeatView, doctrine: Doctrine): Choice {
	const role = { objectives: view.you.objectives, redLines: view.you.redLines };
	const signed = scoreRole(role, { signed: true, adopted: view.adopted });
	const unsigned = scoreRole(role, { signed: false, adopted: view.adopted });
	return ratificationChoice(signed, unsigned, doctrine.signingPull);
}

function summaryOf(view: SeatView, variant: VariantId): string {
	return view.clauses.flatMap((c) => c.variants).find((v) => v.id === variant)?.summary ?? variant;
}
