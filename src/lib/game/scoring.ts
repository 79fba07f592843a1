/**
 * Each role's score, from its secret objectives and the outcome:
 * - 70 points shared out by the role's weights over the variants of the signed treaty
 *   (an unsigned treaty adopts nothing);
 * - 30 points when the role's stance on signing at all is met: "for" when the treaty is signed,
 *   "against" when it is not, "open" when it is not — or is, with at least 30 of the role's
 *   objective points in it (an open mind still wants a reason to sign);
 * - minus 20 for each of the role's red lines written into the signed treaty.
 * A score lies between 0 and 100.
 */
import type { Role } from '../scenario/schema';
import type { GameState, VariantId } from './types';

/** Points for a role's stance on signing; the rest of 100 is shared out by its weights. */
export const STANCE_POINTS = 30;
/** An open-minded role signs happily only a text that gives it at least this many of its objective points. */
export const OPEN_BAR = 30;
export const RED_LINE_COST = 20;

export interface Score {
	score: number;
	/** Weighted points earned from adopted variants (out of 100), before scaling to 70. */
	objectives: number;
	stanceMet: boolean;
	redLinesCrossed: VariantId[];
	/** The adopted variants the role wanted, with their weights. */
	won: { variant: VariantId; weight: number }[];
}

export function treatyText(state: Pick<GameState, 'adopted' | 'signed'>): VariantId[] {
	if (!state.signed) return [];
	return Object.values(state.adopted).filter((v): v is VariantId => v !== null);
}

export function scoreRole(role: Pick<Role, 'objectives' | 'redLines'>, state: Pick<GameState, 'adopted' | 'signed'>): Score {
	const text = new Set(treatyText(state));
	const won = Object.entries(role.objectives.weights)
		.filter(([variant]) => text.has(variant))
		.map(([variant, weight]) => ({ variant, weight }));
	const objectives = won.reduce((sum, w) => sum + w.weight, 0);
	const stance = role.objectives.signing;
	const stanceMet =
		stance === 'open' ? !state.signed || objectives >= OPEN_BAR : (stance === 'for') === Boolean(state.signed);
	const redLinesCrossed = role.redLines.map((r) => r.variant).filter((v) => text.has(v));
	const score = Math.max(
		0,
		Math.round(objectives * (1 - STANCE_POINTS / 100)) + (stanceMet ? STANCE_POINTS : 0) - RED_LINE_COST * redLinesCrossed.length
	);
	return { score, objectives, stanceMet, redLinesCrossed, won };
}
