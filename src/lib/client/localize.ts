/**
 * A view in the page's language. The server sends every view with the scenario's English words,
 * the same for every browser at the table; a page in another language puts that language's words
 * in their place: the table's (roles, clauses, poll) from the reference texts asked for in that
 * language, a card's, the seat's own (brief, red lines) and the scripted roles' words from what the
 * view carries for each language. A card's quote stays the article's English; its translation goes
 * beneath it. A player's own words are shown as written.
 * Parts of the view that did not change keep their localized copy, so a patch redraws little.
 */
import type { AnyView, CardView, ClauseView, PublicSeat, VoteView } from '../game/view';
import type { Ballot, Post } from '../game/types';
import type { InLanguages } from '../scenario/texts';
import type { Reference } from '../scenario/reference';
import type { TranslationLanguage } from '../scenario/schema';
import { BOT_NAME } from '../game/names';
import { m } from '../i18n/paraglide/messages';

type Words = { ref: Reference; language: TranslationLanguage };

/** Localized copies by the object they were made from, per reference (one per language). */
const copies = new WeakMap<Reference, WeakMap<object, unknown>>();

function once<T extends object>(words: Words, from: T, make: () => T): T {
	let made = copies.get(words.ref);
	if (!made) copies.set(words.ref, (made = new WeakMap()));
	let copy = made.get(from) as T | undefined;
	if (!copy) made.set(from, (copy = make()));
	return copy;
}

const seatsIn = (w: Words, seats: PublicSeat[]) =>
	once(w, seats, () =>
		seats.map((seat) => {
			const role = w.ref.roles.find((r) => r.id === seat.roleId);
			if (!role) return seat;
			// A multi-seat role's seats are numbered in the order of its portfolios ("white-house-adviser-2").
			const n = Number(/-(\d+)$/.exec(seat.id)?.[1] ?? 1);
			const portfolio = seat.portfolio && (role.portfolios?.[n - 1] ?? seat.portfolio);
			return { ...seat, roleName: role.name, title: role.title, description: role.description, portfolio, player: playerName(seat.player) };
		})
	);

/** A seat's player as the reader's page names it: a scripted role's seat by the page's word for one. */
const playerName = (player: string | null) => (player === BOT_NAME ? m.seat_scripted_role() : player);

const clausesIn = (w: Words, clauses: ClauseView[]) =>
	once(w, clauses, () =>
		clauses.map((clause) => {
			const texts = w.ref.clauses.find((c) => c.id === clause.id);
			if (!texts) return clause;
			const variants = clause.variants.map((v) => texts.variants.find((t) => t.id === v.id) ?? v);
			return { ...clause, title: texts.title, question: texts.question, variants };
		})
	);

function cardIn(w: Words, card: CardView): CardView {
	const words = card.in[w.language];
	const period = w.ref.sources.find((s) => s.seed === card.origin.seed)?.period ?? card.origin.period;
	return once(w, card, () => ({ ...card, ...words, origin: { ...card.origin, period } }));
}

const cardsIn = (w: Words, cards: Record<string, CardView>) =>
	once(w, cards, () => Object.fromEntries(Object.entries(cards).map(([id, card]) => [id, cardIn(w, card)])));

/** A scripted role's reason or text in the reader's language, where it gave one. */
const said = <T extends { in?: InLanguages<string> }>(w: Words, item: T, key: 'reason' | 'text'): T =>
	item.in?.[w.language] ? once(w, item, () => ({ ...item, [key]: item.in![w.language] })) : item;

const ballotsIn = (w: Words, ballots: Record<string, Ballot>) =>
	once(w, ballots, () => Object.fromEntries(Object.entries(ballots).map(([seat, b]) => [seat, said(w, b, 'reason')])));

const votesIn = (w: Words, votes: VoteView[]) =>
	once(w, votes, () =>
		votes.map((v) => ({
			...v,
			ballots: v.ballots && ballotsIn(w, v.ballots),
			reasons: v.reasons && v.reasons.map((b) => said(w, b, 'reason'))
		}))
	);

const postsIn = (w: Words, posts: Post[]) => once(w, posts, () => posts.map((p) => said(w, p, 'text')));

/** The view with the words of the reference's language; as it is when the reference is English or absent. */
export function localizeView<V extends AnyView>(view: V, ref: Reference | null): V {
	if (!ref || ref.language === 'en') return view;
	const w: Words = { ref, language: ref.language };
	const localized: AnyView = {
		...view,
		title: ref.title,
		summary: ref.summary,
		poll: ref.poll,
		seats: seatsIn(w, view.seats),
		clauses: clausesIn(w, view.clauses),
		cards: cardsIn(w, view.cards),
		votes: votesIn(w, view.votes),
		posts: postsIn(w, view.posts),
		debrief:
			view.debrief &&
			once(w, view.debrief, () => ({
				...view.debrief!,
				timeline: view.debrief!.timeline.map((t) => ({ ...t, entries: t.entries.map((e) => said(w, e, 'reason')) })),
				citations: view.debrief!.citations.map((c) => ({ ...c, reasons: c.reasons.map((r) => said(w, r, 'reason')) })),
				seats: view.debrief!.seats.map((s) => {
					const why = s.redLinesIn[w.language];
					const player = playerName(s.player);
					return why ? { ...s, player, redLines: s.redLines.map((l) => ({ ...l, why: why[l.variant] ?? l.why })) } : { ...s, player };
				})
			}))
	};
	if (localized.as === 'seat') {
		const you = localized.you;
		const own = you.in[w.language];
		if (own) localized.you = { ...you, brief: own.brief, redLines: you.redLines.map((l) => ({ ...l, why: own.redLines[l.variant] ?? l.why })) };
		if (you.ballot) localized.you = { ...localized.you, ballot: said(w, you.ballot, 'reason') };
	}
	if (localized.as === 'facilitator') localized.catalogue = once(w, localized.catalogue, () => localized.catalogue.map((c) => cardIn(w, c)));
	return localized as V;
}
