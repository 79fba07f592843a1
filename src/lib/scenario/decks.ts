/** Which cards make up each deck of a scenario. */
import { SHARED_DECK, type Scenario } from './schema';

/** The ids of the cards in a role's own deck, in file order. */
export function deckOf(scenario: Scenario, roleId: string): string[] {
	return scenario.cards.filter((card) => card.decks.includes(roleId)).map((card) => card.id);
}

/** The ids of the cards every hand also draws from. */
export function sharedDeck(scenario: Scenario): string[] {
	return deckOf(scenario, SHARED_DECK);
}
