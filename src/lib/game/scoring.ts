/**
 * Each role's score, from its secret objectives and the outcome, out of 100:
 * - its stake (30 unless the scenario sets the role's own) when its stance on signing is met.
 *   A role for the pact wants it signed; any other wants it signed exactly when its conditions
 *   are met: every variant it lists is adopted, where the table took up its clause; or, for an
 *   open role that lists none, the text gives it OPEN_BAR of its objective points. So a sceptic
 *   who lets through a treaty that misses its conditions scores less than one who stops it;
 * - the rest shared out by the role's weights over the texts the table adopted, signed or not:
 *   what a role won at the table stays on the record either way. Counted out of the most the role
 *   could win on the clauses of the agenda, so a one-lesson game is scored on what it debated;
 * - minus RED_LINE_COST for each of the role's red lines written into a signed treaty.
 */
import type { Role } from '../scenario/schema';
import type { ClauseId, GameState, VariantId } from './types';

/** An open-minded role without conditions signs happily only a text giving it this many of its objective points. */
export const OPEN_BAR = 30;
export const RED_LINE_COST = 20;

type Scored = Pick<Role, 'objectives' | 'redLines'>;

export interface Score {
	score: number;
	/** Weighted points earned from adopted variants, out of 100 of those on the agenda, before scaling to the role's share. */
	objectives: number;
	/** The points the adopted texts bring: the weight won, scaled to the role's share. */
	fromText: number;
	/** Whether the role wanted this text signed: its conditions are met (always, for a role for the pact). */
	wantsSigned: boolean;
	stanceMet: boolean;
	redLinesCrossed: VariantId[];
	/** The adopted variants the role wanted, with their weights. */
	won: { variant: VariantId; weight: number }[];
}

/** The texts the table adopted, whether or not the treaty was then signed. */
export const adoptedText = (adopted: GameState['adopted']): VariantId[] => Object.values(adopted).filter((v): v is VariantId => v !== null);

/** "scope.existential" → "scope": a variant id starts with its clause's. */
export const clauseOf = (variant: VariantId): ClauseId => variant.slice(0, variant.indexOf('.'));

/** Points out of 100 the role's objectives bring at most: what its stake leaves. */
export const objectiveShare = (role: Scored) => 100 - role.objectives.stake;

/** Whether the role wants this text signed. */
export function wantsSigned(role: Scored, adopted: GameState['adopted'], agenda?: readonly ClauseId[]): boolean {
	const { signing, conditions } = role.objectives;
	if (signing === 'for') return true;
	// A condition is missed when the table settled its clause otherwise: another text, or silence
	// after a failed vote. A clause the table never took up does not count against it.
	if (conditions.length) return conditions.every((v) => !(clauseOf(v) in adopted) || adopted[clauseOf(v)] === v);
	const inPlay = weightInPlay(role, agenda);
	return signing === 'open' && inPlay > 0 && (100 * weightWon(role, new Set(adoptedText(adopted)))) / inPlay >= OPEN_BAR;
}

const weightWon = (role: Scored, text: Set<VariantId>) =>
	Object.entries(role.objectives.weights).reduce((sum, [variant, weight]) => sum + (text.has(variant) ? weight : 0), 0);

/**
 * What a game's outcome is scored on: the texts adopted, whether the treaty was signed, and the
 * clauses on the agenda, when the table debated only some of them.
 */
export type Outcome = Pick<GameState, 'adopted' | 'signed'> & { agenda?: readonly ClauseId[] };

/**
 * The most a role can win at this table: on each clause of the agenda, the weight of the variant
 * it wants most there. A role that names two texts of one clause can only ever get one of them.
 */
export function weightInPlay(role: Scored, agenda?: readonly ClauseId[]): number {
	const best = new Map<ClauseId, number>();
	for (const [variant, weight] of Object.entries(role.objectives.weights)) {
		const clause = clauseOf(variant);
		if (!agenda || agenda.includes(clause)) best.set(clause, Math.max(best.get(clause) ?? 0, weight));
	}
	return [...best.values()].reduce((sum, weight) => sum + weight, 0);
}

export function scoreRole(role: Scored, state: Outcome): Score {
	const text = new Set(adoptedText(state.adopted));
	const won = Object.entries(role.objectives.weights)
		.filter(([variant]) => text.has(variant))
		.map(([variant, weight]) => ({ variant, weight }));
	// A shorter agenda puts fewer of a role's aims in play: its points are counted out of those.
	const inPlay = weightInPlay(role, state.agenda);
	const objectives = inPlay ? Math.round((100 * weightWon(role, text)) / inPlay) : 0;
	const wants = wantsSigned(role, state.adopted, state.agenda);
	const stanceMet = Boolean(state.signed) === wants;
	const redLinesCrossed = state.signed ? role.redLines.map((r) => r.variant).filter((v) => text.has(v)) : [];
	const fromText = Math.round((objectives * objectiveShare(role)) / 100);
	const score = Math.max(0, fromText + (stanceMet ? role.objectives.stake : 0) - RED_LINE_COST * redLinesCrossed.length);
	return { score, objectives, fromText, wantsSigned: wants, stanceMet, redLinesCrossed, won };
}
