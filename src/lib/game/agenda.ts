/** The treaty's agenda: which clause is on the floor, skipping one, and reordering those to come. */
import { produce, type Draft } from 'immer';
import { asFacilitator, openVoteOf } from './guards';
import { accept, refuse, type Outcome } from './outcome';
import { startTimer } from './timers';
import type { Clause, Scenario } from '../scenario/schema';
import type { Actor, Context, GameState, VariantId } from './types';

/** The text a clause opens with: the draft's, or its first option. */
export const draftText = (clause: Clause): VariantId => clause.onFloor ?? clause.variants[0].id;

/** Puts the clause at `index` of the agenda on the floor and starts its debate. */
export function putOnFloor(d: Draft<GameState>, index: number, ctx: Context) {
	const clauseId = d.agenda[index];
	const clause = ctx.scenario.clauses.find((c) => c.id === clauseId)!;
	d.cursor = index;
	// A clause revisited keeps the text it was adopted with; a new one starts from the draft.
	d.floor = { clauseId, variantId: d.adopted[clauseId] ?? draftText(clause) };
	d.skipped = d.skipped.filter((c) => c !== clauseId);
	startTimer(d, 'debate', ctx.now);
}

/** Withdraws an amendment left pending when its clause leaves the floor. */
export function dropPendingAmendment(d: Draft<GameState>) {
	for (const a of d.amendments) if (a.status === 'pending') a.status = 'withdrawn';
}

/** Sets the clause on the floor aside (the treaty will be silent on it) and moves on with `moveOn`. */
export function skipClause(state: GameState, actor: Actor, moveOn: (d: Draft<GameState>) => void): Outcome {
	const no = asFacilitator(actor, 'skip a clause');
	if (no) return no;
	if (state.phase !== 'clauses' || !state.floor) return refuse('no_clause_on_floor', 'There is no clause on the floor to skip.');
	if (openVoteOf(state)) return refuse('vote_open', 'Close the open vote before skipping the clause.');
	const skipped = state.floor.clauseId;
	return accept(
		produce(state, (d) => {
			delete d.adopted[skipped];
			d.skipped.push(skipped);
			dropPendingAmendment(d);
			moveOn(d);
		}),
		{ type: 'agendaChanged' },
		{ type: 'floorChanged', clause: null }
	);
}

/**
 * Before the start, the facilitator chooses the clauses to debate and their order (fitting the
 * game to the lesson); those left out are set aside, so the treaty is silent on them.
 */
/** The entries of an agenda that are not the scenario's clauses, or repeat one: none in a good agenda. */
export function strayClauses(clauses: readonly string[], scenario: Scenario): string[] {
	return clauses.filter((id, i) => !scenario.clauses.some((c) => c.id === id) || clauses.indexOf(id) !== i);
}

export function setAgenda(state: GameState, actor: Actor, clauses: string[], ctx: Context): Outcome {
	const no = asFacilitator(actor, 'choose the clauses');
	if (no) return no;
	if (state.phase !== 'lobby') return refuse('wrong_phase', 'The clauses are chosen before the start; during the game, skip or reorder them.');
	const all = ctx.scenario.clauses.map((c) => c.id);
	if (clauses.length === 0 || strayClauses(clauses, ctx.scenario).length)
		return refuse('bad_order', `List at least one clause, each once, from: ${all.join(', ')}.`);
	return accept(
		produce(state, (d) => {
			d.agenda = [...clauses];
			d.skipped = all.filter((c) => !clauses.includes(c));
		}),
		{ type: 'agendaChanged' }
	);
}

export function reorderClauses(state: GameState, actor: Actor, order: string[]): Outcome {
	const no = asFacilitator(actor, 'reorder the clauses');
	if (no) return no;
	if (state.phase === 'ratification' || state.phase === 'debrief')
		return refuse('wrong_phase', 'Every clause has been debated; the order can no longer change.');
	const upcoming = state.agenda.slice(state.cursor + 1);
	const same = order.length === upcoming.length && new Set(order).size === order.length && order.every((c) => upcoming.includes(c));
	if (!same)
		return refuse('bad_order', `List each clause not yet debated exactly once, in the new order: ${upcoming.join(', ')}.`);
	return accept(
		produce(state, (d) => {
			d.agenda = [...state.agenda.slice(0, state.cursor + 1), ...order];
		}),
		{ type: 'agendaChanged' }
	);
}
