/**
 * A view in the page's language. The server sends every view with the scenario's English words,
 * the same for every browser at the table; a page in another language puts that language's words
 * in their place: the table's (roles, clauses, poll) from the reference texts asked for in that
 * language, a card's and the seat's own (brief, red lines) from what the view carries for each
 * language. A card's quote stays the article's English; its translation goes beneath it.
 * Parts of the view that did not change keep their localized copy, so a patch redraws little.
 */
import type { AnyView, CardView, ClauseView, PublicSeat } from '../game/view';
import type { Reference } from '../scenario/reference';
import type { TranslationLanguage } from '../scenario/schema';

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
			return { ...seat, roleName: role.name, title: role.title, description: role.description, portfolio };
		})
	);

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
		debrief:
			view.debrief &&
			once(w, view.debrief, () => ({
				...view.debrief!,
				seats: view.debrief!.seats.map((s) => {
					const why = s.redLinesIn[w.language];
					return why ? { ...s, redLines: s.redLines.map((l) => ({ ...l, why: why[l.variant] ?? l.why })) } : s;
				})
			}))
	};
	if (localized.as === 'seat') {
		const you = localized.you;
		const own = you.in[w.language];
		if (own) localized.you = { ...you, brief: own.brief, redLines: you.redLines.map((l) => ({ ...l, why: own.redLines[l.variant] ?? l.why })) };
	}
	if (localized.as === 'facilitator') localized.catalogue = once(w, localized.catalogue, () => localized.catalogue.map((c) => cardIn(w, c)));
	return localized as V;
}
