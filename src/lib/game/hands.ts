/** Dealing: each seat draws from its role's deck, then from the shared deck; no card is dealt twice. */
import { deckOf, sharedDeck } from '../scenario/decks';
import type { Scenario } from '../scenario/schema';
import { seededShuffle } from './rng';
import type { CardId, Seat, SeatId } from './types';

export function deal(scenario: Scenario, seats: readonly Seat[], seed: number): Record<SeatId, CardId[]> {
	const dealt = new Set<CardId>();
	const hands: Record<SeatId, CardId[]> = {};
	const draw = (deck: readonly CardId[], n: number, salt: number) =>
		seededShuffle(
			deck.filter((c) => !dealt.has(c)),
			seed + salt
		)
			.slice(0, n)
			.map((c) => (dealt.add(c), c));
	const { role, shared } = scenario.defaults.hand;
	// Role decks first, so a role's own cards go to that role before the shared deck is drawn.
	seats.forEach((seat, i) => (hands[seat.id] = draw(deckOf(scenario, seat.roleId), role, i + 1)));
	// A role whose deck ran short (its cards went to other roles' seats first) makes up the
	// difference from the shared deck, then from any card still undealt: every seat holds the same
	// number of cards as long as the scenario has enough of them.
	const everyCard = scenario.cards.map((c) => c.id);
	seats.forEach((seat, i) => hands[seat.id].push(...draw(sharedDeck(scenario), role + shared - hands[seat.id].length, 1000 + i)));
	seats.forEach((seat, i) => hands[seat.id].push(...draw(everyCard, role + shared - hands[seat.id].length, 2000 + i)));
	return hands;
}
