/**
 * Required clauses: a treaty silent on what it covers (scope) or on what sets it off
 * (activation) is no treaty. When the vote on such a clause fails, the clause comes back with the
 * next option not yet voted on; when every option has failed, the treaty cannot be put to
 * ratification and the game goes to the debrief unsigned.
 */
import type { Clause, Scenario } from '../scenario/schema';
import type { ClauseId, GameState, VariantId } from './types';

/** The clause's next option, in the scenario's order, that no clause vote of this game has been on. */
export function nextOption(state: Pick<GameState, 'votes'>, clause: Clause): VariantId | undefined {
	const voted = new Set(state.votes.filter((v) => v.kind === 'clause' && v.clauseId === clause.id).map((v) => v.variantId));
	return clause.variants.map((v) => v.id).find((id) => !voted.has(id));
}

/**
 * The required clauses the table could not agree on: voted on every option, and every vote failed.
 * A clause the facilitator skipped or left off the agenda is the facilitator's choice of a
 * shorter treaty, said so on the debrief, and does not bar ratification.
 */
export function unsettledRequired(state: Pick<GameState, 'adopted'>, scenario: Scenario): ClauseId[] {
	return scenario.clauses.filter((c) => c.required && c.id in state.adopted && state.adopted[c.id] === null).map((c) => c.id);
}
