/**
 * Each role's score, from its secret objectives and the outcome:
 * - 80 points shared out by the role's weights over the variants of the signed treaty
 *   (an unsigned treaty adopts nothing);
 * - 20 points when the role's stance on signing at all is met ("open" is always met);
 * - minus 20 for each of the role's red lines written into the signed treaty.
 * A score lies between 0 and 100.
 */
import type { Role } from '../scenario/schema';
import type { GameState, VariantId } from './types';

export interface Score {
	score: number;
	/** Weighted points earned from adopted variants, before scaling to 80. */
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
	const stanceMet = stance === 'open' || (stance === 'for') === Boolean(state.signed);
	const redLinesCrossed = role.redLines.map((r) => r.variant).filter((v) => text.has(v));
	const score = Math.max(0, Math.round(objectives * 0.8) + (stanceMet ? 20 : 0) - 20 * redLinesCrossed.length);
	return { score, objectives, stanceMet, redLinesCrossed, won };
}
