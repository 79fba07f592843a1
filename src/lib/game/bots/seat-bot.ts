/**
 * A scripted role: given exactly the view its seat would show a human (and its role's voice), it
 * picks the next action or nothing. Deterministic: the same view always gives the same action, so
 * a game replays from its seed. It acts through the same server path and checks as a human.
 */
import { ARGUMENT_MAX, REASON_MAX } from '../../protocol/actions';
import type { TranslationLanguage, Voice } from '../../scenario/schema';
import type { InLanguages } from '../../scenario/texts';
import { clauseOf, scoreRole, type Score } from '../scoring';
import type { CardView, SeatView, VoteView } from '../view';
import type { Action, Amendment, Choice, Post, VariantId } from '../types';
import { amendmentChoice, doctrineOf, lead, OPPOSE_FOR, preferred, ratificationChoice, type Doctrine, type Push } from './doctrine';
import { PLAIN_VOICE, say, type Said } from './explain';

/** How much better another variant must be before the bot spends an amendment on it. */
export const AMENDMENT_THRESHOLD = 8;
/** A bot says at most this much on one clause: its case, the case for its amendment, one answer. */
export const BOT_POSTS_PER_CLAUSE = 3;
/** Below this a bot with no stake in a clause leans by its stance on the pact rather than its temperament. */
const LEAN = 3;

/** What a bot decides to vote and the sentence that explains it. */
interface Decision {
	choice: Choice;
	said: Omit<Said, 'wording' | 'movedBy' | 'card'>;
	/** Which cards may back this decision. */
	backs: (card: CardView) => boolean;
}

/** Everything a bot's move is worked out from: its view, voice and doctrine, read once. */
interface Mind {
	view: SeatView;
	voice: Voice;
	/** The same voice in the scenario's other languages: each line is said in all of them. */
	others: InLanguages<Voice>;
	doctrine: Doctrine;
	/** Which of its role's seats this is: each seat of a role speaks in its own wording. */
	wording: number;
	summary: (v: VariantId) => string;
}

export function decideForSeat(view: SeatView, voice: Voice = PLAIN_VOICE, others: InLanguages<Voice> = {}): Action | null {
	const mine = view.seats.find((s) => s.id === view.you.seat)!;
	const mind: Mind = {
		view,
		voice,
		others,
		doctrine: doctrineOf(view),
		wording: view.seats.filter((s) => s.roleId === mine.roleId).findIndex((s) => s.id === mine.id),
		summary: (v) => view.clauses.flatMap((c) => c.variants).find((x) => x.id === v)?.summary ?? v
	};
	switch (view.phase) {
		case 'briefing':
		case 'opening': {
			if (!view.you.poll.before) return { type: 'answerPoll', answer: pollAnswer(view) };
			if (view.phase === 'opening' && !view.posts.some((p) => p.seat === view.you.seat && p.kind === 'opening')) return openingStatement(mind);
			return null;
		}
		case 'clauses':
			return clauseMove(mind);
		case 'ratification':
			return openVote(view) ? ballot(mind, ratify(mind), ratify(mind, 0).choice) : null;
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

const handCards = (view: SeatView) => view.you.hand.map((id) => view.cards[id]).filter((c): c is CardView => Boolean(c));

/**
 * Opens with where it stands on any pact at all, when its role takes a side and a card in hand
 * speaks to it (Eisenkot's "doesn't need a defense pact", JINSA's 52 allies); otherwise with what
 * it wants most, and the card in hand that best supports it.
 */
function openingStatement(mind: Mind): Action | null {
	const { view } = mind;
	const stance = view.you.objectives.signing;
	const onSigning = stance !== 'open' && handCards(view).find((c) => c.anyTreaty === stance);
	// The card speaks for itself: its quotation, attributed as the card is.
	if (onSigning) return { type: 'postArgument', on: 'signing', stance, card: onSigning.id };
	const goals = Object.entries(view.you.objectives.weights).sort((a, b) => b[1] - a[1]);
	for (const [variant] of goals) {
		const card = handCards(view).find((c) => c.supports.includes(variant));
		if (card) return post(mind, { kind: 'yes', aim: variant }, { card: card.id, variant, stance: 'for' });
	}
	const [top] = goals;
	return top ? post(mind, { kind: 'yes', aim: top[0] }, { variant: top[0], stance: 'for' }) : null;
}

function post(mind: Mind, said: Said | Omit<Said, 'wording'>, what: { card?: string; variant?: VariantId; stance?: 'for' | 'against' }): Action {
	const full = { wording: mind.wording, ...said };
	return { type: 'postArgument', ...what, text: say(mind.voice, full, mind.summary, ARGUMENT_MAX), ...sayInOthers(mind, full, ARGUMENT_MAX) };
}

/** The same sentence in each of the role's other voices, as an action's `in`; nothing when it has none. */
function sayInOthers(mind: Mind, said: Said, max: number): { in?: InLanguages<string> } {
	const languages = Object.entries(mind.others) as [TranslationLanguage, Voice][];
	if (!languages.length) return {};
	return { in: Object.fromEntries(languages.map(([language, voice]) => [language, say(voice, said, mind.summary, max, language)])) };
}

function clauseMove(mind: Mind): Action | null {
	const { view, doctrine } = mind;
	const floor = view.floor;
	if (!floor) return null;
	const clause = view.clauses.find((c) => c.id === floor.clauseId)!;
	const variants = liveOptions(view, clause.id);
	const best = preferred(doctrine, variants);
	const vote = openVote(view);
	const here = view.posts.filter((p) => p.clauseId === clause.id && p.kind === 'argument');
	const mineHere = here.filter((p) => p.seat === view.you.seat);
	const canPost = mineHere.length < Math.min(BOT_POSTS_PER_CLAUSE, view.you.postsLeft ?? Infinity);
	const pending = view.amendments.find((a) => a.status === 'pending' && a.clauseId === clause.id);

	if (!vote && canPost) {
		// Say something first: its case for the text it wants, or against the one on the floor.
		if (mineHere.length === 0) {
			const opening = makeCase(mind, best, floor.variantId);
			if (opening) return opening;
		}
		// The case for its own amendment, once.
		const own = pending?.seat === view.you.seat ? pending : undefined;
		if (own && !mineHere.some((p) => p.variantId === own.to && p.stance === 'for')) {
			const card = handCards(view).find((c) => c.supports.includes(own.to));
			return post(mind, { kind: 'amend', aim: own.to }, { card: card?.id, variant: own.to, stance: 'for' });
		}
		// One answer to the latest argument against what it wants, if nobody has spoken since.
		const last = here.filter((p) => !p.hidden).at(-1);
		if (last && mineHere.length === 1 && last.seq > mineHere[0].seq && against(view, last, best) && doctrine.weight(best) > 0) {
			const card = handCards(view).find((c) => c.supports.includes(best) && !c.undercuts.includes(best));
			return post(mind, { kind: 'answer', aim: best, who: nameOf(view, last) }, { card: card?.id, variant: best, stance: 'for' });
		}
	}

	if (!vote) {
		const proposedHere = view.amendments.some((a) => a.seat === view.you.seat && a.clauseId === clause.id);
		const gain = lead(doctrine, best, floor.variantId);
		// It moves a text only toward one its brief names, or away from one of its red lines.
		const worthMoving = doctrine.redLine(floor.variantId) || (doctrine.weight(best) > 0 && gain >= AMENDMENT_THRESHOLD);
		if (!pending && !proposedHere && spareAmendments(mind, clause.id) > 0 && best !== floor.variantId && worthMoving)
			return { type: 'proposeAmendment', variant: best };
		return null;
	}
	const amendment = vote.kind === 'amendment' ? view.amendments.find((a) => a.id === vote.amendmentId)! : undefined;
	const decide = (worth: (v: VariantId) => number) =>
		amendment ? onAmendment(mind, amendment.from, amendment.to, worth) : onClause(mind, vote.variantId!, variants, worth);
	const objected = objectedByTheOtherKey(mind, vote, amendment);
	const heeding = (worth: (v: VariantId) => number) => (v: VariantId) => worth(v) - (v === objected ? heedFor(mind) : 0);
	const unheeded = decide(doctrine.utility);
	const heeded = objected ? decide(heeding(doctrine.utility)) : unheeded;
	// When the other government's seats alone made it give up one of its aims, that is the reason
	// it gives; on a text its brief leaves out, it gives its usual reason for the way it leans.
	const gaveUp = heeded.choice !== unheeded.choice && objected !== undefined && doctrine.weight(objected) > 0;
	const decision: Decision = gaveUp ? { choice: heeded.choice, said: { kind: 'heed', aim: objected }, backs: () => false } : heeded;
	return ballot(mind, decision, decide(heeding(doctrine.baseUtility)).choice);
}

/**
 * Under simple majority the clause votes run across the room, yet the treaty is still ratified
 * only with a majority of each government's seats. So a role for the pact listens to the other
 * government's seats: when most of them are voting a text down in the open tally, it counts that
 * text worth HEED of its stake less, and so gives way on an aim lighter than that to keep the
 * treaty alive. A government's "yes" on an amendment objects, the same way, to the text it would
 * replace. An expert seat, which turns neither key, listens to both governments. Under dual-key
 * and consensus a government's seats can already stop any text, so there is nothing to heed; and
 * nothing is heard under a secret ballot or while a tally is hidden.
 */
function objectedByTheOtherKey(mind: Mind, vote: VoteView, amendment: Amendment | undefined): VariantId | undefined {
	const { view } = mind;
	if (view.votingRule !== 'majority' || view.you.objectives.signing !== 'for' || !vote.ballots) return undefined;
	const ballots = vote.ballots;
	const mine = view.seats.find((s) => s.id === view.you.seat)!.side;
	for (const side of KEYS.filter((k) => k !== mine)) {
		const seats = view.seats.filter((s) => s.side === side && s.player !== null);
		const most = (choice: Choice) => seats.filter((s) => ballots[s.id]?.choice === choice).length > seats.length / 2;
		if (most('no')) return amendment ? amendment.to : vote.variantId!;
		if (amendment && most('yes')) return amendment.from;
	}
	return undefined;
}

/** The sides whose majorities turn the treaty's two keys at ratification. */
const KEYS = ['israel', 'us'] as const;
/**
 * How much of its stake a role for the pact gives up to keep the other government on board: three
 * quarters, so it lets go of its lighter aims but keeps its heaviest.
 */
export const HEED = 0.75;
const heedFor = (mind: Mind) => mind.view.you.objectives.stake * HEED;

/**
 * The amendments a role may spend on this clause. Like a player who has read the draft, it keeps
 * one back for each clause still to come whose draft text crosses one of its red lines or
 * overrules one of its conditions, unless this clause is such a one itself.
 */
function spareAmendments(mind: Mind, clauseId: string): number {
	const { view, doctrine } = mind;
	const { conditions } = view.you.objectives;
	const atStake = (c: SeatView['clauses'][number]) => doctrine.redLine(c.draft) || conditions.some((v) => clauseOf(v) === c.id && v !== c.draft);
	const here = view.clauses.findIndex((c) => c.id === clauseId);
	if (atStake(view.clauses[here])) return view.you.amendmentsLeft;
	const ahead = view.clauses.slice(here + 1).filter((c) => !(c.id in view.adopted) && !view.skipped.includes(c.id) && atStake(c));
	return view.you.amendmentsLeft - ahead.length;
}

/**
 * The options of a clause still worth arguing for: those the table has not already voted down
 * on this clause (a failed clause vote or a rejected amendment). The text on the floor always counts.
 */
function liveOptions(view: SeatView, clauseId: string): VariantId[] {
	const clause = view.clauses.find((c) => c.id === clauseId)!;
	const dead = new Set<VariantId>();
	for (const vote of view.votes) {
		if (vote.status !== 'closed' || vote.clauseId !== clauseId || vote.result?.passed) continue;
		if (vote.kind === 'clause' && vote.variantId) dead.add(vote.variantId);
		if (vote.kind === 'amendment') {
			const a = view.amendments.find((x) => x.id === vote.amendmentId);
			if (a) dead.add(a.to);
		}
	}
	const live = clause.variants.map((v) => v.id).filter((v) => !dead.has(v) || v === view.floor?.variantId);
	return live.length ? live : [view.floor!.variantId];
}

/** Whether a post argues against the variant the role wants: against it, for a rival, or with a card that undercuts it. */
function against(view: SeatView, p: Post, wanted: VariantId): boolean {
	const card = p.card ? view.cards[p.card] : undefined;
	if (card?.undercuts.includes(wanted)) return true;
	if (!p.variantId) return false;
	return p.variantId === wanted ? p.stance === 'against' : p.stance === 'for';
}

/** A player by their name; a scripted seat by its role. */
function nameOf(view: SeatView, p: Pick<Post, 'seat'>): string {
	const seat = view.seats.find((s) => s.id === p.seat);
	if (!seat) return 'the news';
	return seat.bot || !seat.player ? seat.roleName : seat.player;
}

/** Plays the hand's most fitting card for the variant it wants, or against the text on the floor; or says why in words alone. */
function makeCase(mind: Mind, best: VariantId, onFloor: VariantId): Action | null {
	const { view, doctrine } = mind;
	const hand = handCards(view);
	if (doctrine.weight(best) > 0) {
		const card = hand.find((c) => c.supports.includes(best) && !c.undercuts.includes(best));
		if (card || doctrine.weight(best) >= OPPOSE_FOR) return post(mind, { kind: 'yes', aim: best }, { card: card?.id, variant: best, stance: 'for' });
	}
	if (best !== onFloor && doctrine.weight(best) > 0) {
		const card = hand.find((c) => c.undercuts.includes(onFloor));
		if (card) return post(mind, { kind: 'no', aim: best }, { card: card.id, variant: onFloor, stance: 'against' });
	}
	if (doctrine.redLine(onFloor)) return post(mind, { kind: 'redLine', aim: onFloor }, { variant: onFloor, stance: 'against' });
	return null;
}

/** Cards backing a yes on `text` support it and do not undercut it; cards backing a no undercut it or support a rival without supporting it. */
const backsYes = (text: VariantId) => (c: CardView) => c.supports.includes(text) && !c.undercuts.includes(text);
const backsNo = (text: VariantId, rival?: VariantId) => (c: CardView) =>
	c.undercuts.includes(text) || (rival !== undefined && c.supports.includes(rival) && !c.supports.includes(text));

/**
 * How far below the option it wants a text may fall and still win the role's yes: a role for the
 * pact gives ground to get a treaty, a sceptic hardly any.
 */
export const TOLERANCE = { for: 12, open: 8, against: 4 } as const;

/** A vote on adopting `text` for the clause on the floor, and why. */
function onClause(mind: Mind, text: VariantId, variants: readonly VariantId[], worth = mind.doctrine.utility): Decision {
	const { doctrine, view } = mind;
	if (doctrine.redLine(text)) return { choice: 'no', said: { kind: 'redLine', aim: text }, backs: backsNo(text) };
	const signing = view.you.objectives.signing;
	const weighted = variants.filter((v) => doctrine.weight(v) > 0);
	const wanted = weighted.length ? preferred(doctrine, weighted, worth) : undefined;
	if (wanted && wanted !== text && lead(doctrine, wanted, text, worth) > TOLERANCE[signing])
		return blocks(mind, text)
			? { choice: 'no', said: { kind: 'no', aim: wanted }, backs: backsNo(text, wanted) }
			: { choice: 'abstain', said: { kind: 'standAside', aim: wanted }, backs: () => false };
	// A text its brief names, and none it names is clearly better: it votes for its aim, unless the
	// table has argued it below nothing (its temperament alone never does).
	if (doctrine.weight(text) > 0 && worth(text) - doctrine.temper(text) > 0) return { choice: 'yes', said: { kind: 'yes', aim: text }, backs: backsYes(text) };
	// Nothing it wants is at stake in this text: a clear lean of its own, or else its stance on the pact.
	const u = worth(text);
	const lean: Choice = u >= LEAN ? 'yes' : u <= -LEAN ? 'no' : signing === 'for' ? 'yes' : signing === 'against' ? 'no' : 'abstain';
	const choice: Choice = lean === 'no' && !blocks(mind, text) ? 'abstain' : lean;
	return besideItsAims(mind, text, { choice, said: { kind: 'noStake' }, backs: choice === 'yes' ? backsYes(text) : choice === 'no' ? backsNo(text) : () => false });
}

/**
 * A vote that is not between texts the role wants. It says it has no stake only when its brief
 * names no text of the clause. A text the brief names it backs by name, or, when the table has
 * argued it out of it, says it gives it up (the `givenUp` line). Otherwise it names the text it
 * would rather have: against the text, or letting it through (the `standAside` line says it will
 * not block).
 */
function besideItsAims(mind: Mind, text: VariantId, noStake: Decision): Decision {
	const { doctrine, view } = mind;
	if (doctrine.weight(text) > 0) return { ...noStake, said: { kind: noStake.choice === 'yes' ? 'yes' : 'givenUp', aim: text } };
	const named = view.clauses.find((c) => c.id === clauseOf(text))!.variants.map((v) => v.id).filter((v) => v !== text && doctrine.weight(v) > 0);
	if (!named.length) return noStake;
	const aim = preferred(doctrine, named);
	return { ...noStake, said: { kind: noStake.choice === 'no' ? 'no' : 'standAside', aim } };
}

/**
 * Under consensus one "no" sinks a text, so a role keeps it for what its stance rests on: a text
 * that overrules one of its conditions, or one that costs it a clause it weighs heavily. Anything
 * less it stands aside on. Under the other rules a "no" is just a vote.
 */
function blocks(mind: Mind, text: VariantId): boolean {
	const { view, doctrine } = mind;
	if (view.votingRule !== 'consensus') return true;
	const clause = clauseOf(text);
	const { conditions, weights } = view.you.objectives;
	if (conditions.some((c) => clauseOf(c) === clause && c !== text)) return true;
	// Worth as the table has argued it: a player's case can talk a role out of its veto, or into one.
	return Object.keys(weights).some((v) => clauseOf(v) === clause && v !== text && lead(doctrine, v, text) >= BLOCK_FOR);
}

/** How much more a role must value another option of the clause before it blocks a consensus on this one. */
const BLOCK_FOR = 8;

/** An amendment replaces `from` on the floor with `to`. */
function onAmendment(mind: Mind, from: VariantId, to: VariantId, worth = mind.doctrine.utility): Decision {
	const { doctrine } = mind;
	const choice = amendmentChoice(doctrine, from, to, worth);
	if (choice === 'no') {
		if (doctrine.redLine(to)) return { choice, said: { kind: 'redLine', aim: to }, backs: backsNo(to) };
		const blocking = blocks(mind, to);
		if (doctrine.weight(from) > 0)
			return blocking
				? { choice, said: { kind: 'no', aim: from }, backs: backsNo(to, from) }
				: { choice: 'abstain', said: { kind: 'standAside', aim: from }, backs: () => false };
		return besideItsAims(mind, to, blocking ? { choice, said: { kind: 'noStake' }, backs: backsNo(to, from) } : { choice: 'abstain', said: { kind: 'noStake' }, backs: () => false });
	}
	if (choice === 'yes')
		return doctrine.weight(to) > 0
			? { choice, said: { kind: 'yes', aim: to }, backs: backsYes(to) }
			: doctrine.redLine(from)
				? { choice, said: { kind: 'redLine', aim: from }, backs: backsNo(from) }
				: besideItsAims(mind, to, { choice, said: { kind: 'noStake' }, backs: backsYes(to) });
	// Level between the two: a role that names the text on the floor would as soon keep it.
	if (doctrine.weight(from) > 0) return { choice, said: { kind: 'standAside', aim: from }, backs: () => false };
	return besideItsAims(mind, to, { choice, said: { kind: 'noStake' }, backs: () => false });
}

/** Signs when the assembled text scores better signed than unsigned, as the table's cards and arguments on signing move it. */
function ratify(mind: Mind, pull = mind.doctrine.signingPull): Decision {
	const { view } = mind;
	const role = { objectives: view.you.objectives, redLines: view.you.redLines };
	const agenda = view.clauses.map((c) => c.id);
	const signed = scoreRole(role, { signed: true, adopted: view.adopted, agenda });
	const unsigned = scoreRole(role, { signed: false, adopted: view.adopted, agenda });
	const choice = ratificationChoice(signed, unsigned, pull);
	const text = new Set(Object.values(view.adopted).filter((v): v is VariantId => Boolean(v)));
	const backsSigning = (dir: 'for' | 'against') => (c: CardView) =>
		c.anyTreaty === dir ||
		(!c.anyTreaty && (dir === 'for' ? c.supports : c.undercuts).some((v) => text.has(v)) && !(dir === 'for' ? c.undercuts : c.supports).some((v) => text.has(v)));
	if (choice === 'yes') {
		const win = bestWin(signed);
		return { choice, said: win ? { kind: 'sign', aim: win } : { kind: 'sign', signedAtLast: true }, backs: backsSigning('for') };
	}
	if (choice === 'no') {
		const crossed = signed.redLinesCrossed[0];
		return {
			choice,
			said: crossed ? { kind: 'redLine', aim: crossed } : { kind: 'refuse', aim: missed(mind, view.adopted) },
			backs: backsSigning('against')
		};
	}
	return { choice, said: { kind: 'noStake' }, backs: () => false };
}

/** What the role values most in the text; its top aim when it won nothing. */
function bestWin(score: Score): VariantId | undefined {
	return [...score.won].sort((a, b) => b.weight - a.weight)[0]?.variant;
}

/** What the role misses most: a condition the text overrules, else its heaviest aim not in the text. */
function missed(mind: Mind, adopted: SeatView['adopted']): VariantId | undefined {
	const { objectives } = mind.view.you;
	const overruled = objectives.conditions.find((v) => adopted[clauseOf(v)] && adopted[clauseOf(v)] !== v);
	if (overruled) return overruled;
	return Object.entries(objectives.weights)
		.filter(([v]) => adopted[clauseOf(v)] !== v)
		.sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * Casts (or changes) the ballot when the role's choice differs from the one it holds, with its
 * reason: the line for the decision, the card on the table that backs it best (the latest one),
 * and who moved the role, when the decision differs from the one it would make had nothing been
 * argued (`unmoved`).
 */
function ballot(mind: Mind, decision: Decision, unmoved: Choice): Action | null {
	const { view, doctrine } = mind;
	if (view.you.ballot?.choice === decision.choice) return null;
	const card = [...doctrine.tableCards].reverse().find(decision.backs);
	const movedBy = unmoved === decision.choice ? undefined : mover(mind, decision);
	const said: Said = { ...decision.said, wording: mind.wording, card, ...(movedBy ? { movedBy } : {}) };
	return {
		type: 'castVote',
		choice: decision.choice,
		reason: say(mind.voice, said, mind.summary),
		...(card ? { card: card.id } : {}),
		...sayInOthers(mind, said, REASON_MAX)
	};
}

/** The player (or, failing one, the role) whose cards or arguments turned this decision: the latest to push it that way. */
function mover(mind: Mind, decision: Decision): string | undefined {
	const { view, doctrine } = mind;
	const vote = openVote(view)!;
	let pushes: Push[];
	if (vote.kind === 'ratification') pushes = doctrine.signingPushes;
	else {
		const variants = liveOptions(view, view.floor!.clauseId);
		const amendment = vote.kind === 'amendment' ? view.amendments.find((a) => a.id === vote.amendmentId)! : undefined;
		// A push up on the text voted on argues for it; one up on any other variant of the clause, against.
		const text = amendment ? amendment.to : vote.variantId!;
		pushes = variants.flatMap((v) => doctrine.pushes(v).map((p) => ({ ...p, by: v === text ? p.by : -p.by })));
	}
	const towards = decision.choice === 'yes' ? 1 : -1;
	const moving = pushes.filter((p) => Math.sign(p.by) === towards && p.post.seat && p.post.seat !== view.you.seat).sort((a, b) => b.post.seq - a.post.seq);
	const byPlayer = moving.find((p) => !view.seats.find((s) => s.id === p.post.seat)?.bot);
	const by = byPlayer ?? moving[0];
	return by ? nameOf(view, by.post) : undefined;
}
