/**
 * Amendments: a seat proposes another variant of the clause on the floor. The amendment is voted
 * before the clause; one may be pending per clause at a time, within the scenario's per-seat limit.
 */
import { produce } from 'immer';
import { actingSeat, isRefusal, openVoteOf, pendingAmendment } from './guards';
import { accept, refuse, type Outcome } from './outcome';
import type { Actor, Amendment, Context, GameState } from './types';

export function proposeAmendment(state: GameState, actor: Actor, variantId: string, ctx: Context): Outcome {
	const seat = actingSeat(state, actor);
	if (isRefusal(seat)) return seat;
	if (state.phase !== 'clauses' || !state.floor) return refuse('no_clause_on_floor', 'Amendments are proposed while a clause is on the floor.');
	if (openVoteOf(state)) return refuse('vote_open', 'A vote is open; amendments are proposed during the debate before it.');
	if (pendingAmendment(state)) return refuse('amendment_pending', 'An amendment to this clause is already waiting for its vote.');
	const clause = ctx.scenario.clauses.find((c) => c.id === state.floor!.clauseId)!;
	if (!clause.variants.some((v) => v.id === variantId))
		return refuse('variant_not_on_floor', `Propose one of the variants of ${clause.title}.`);
	if (variantId === state.floor.variantId) return refuse('same_variant', 'That variant is already the text on the floor.');
	const limit = ctx.scenario.defaults.amendmentsPerSeat;
	const used = state.amendments.filter((a) => a.seat === seat.id && a.status !== 'withdrawn').length;
	if (used >= limit) return refuse('amendment_limit', `Each seat may propose ${limit} amendment${limit === 1 ? '' : 's'} per game; you have used yours.`, { limit });

	const amendment: Amendment = {
		id: state.amendments.length + 1,
		seat: seat.id,
		clauseId: clause.id,
		from: state.floor.variantId,
		to: variantId,
		at: ctx.now,
		status: 'pending'
	};
	return accept(
		produce(state, (d) => void d.amendments.push(amendment)),
		{ type: 'amendmentProposed', amendment: amendment.id }
	);
}

export function withdrawAmendment(state: GameState, actor: Actor): Outcome {
	const seat = actingSeat(state, actor);
	if (isRefusal(seat)) return seat;
	const pending = pendingAmendment(state);
	if (!pending) return refuse('no_amendment', 'There is no amendment waiting for a vote.');
	if (pending.seat !== seat.id) return refuse('not_your_amendment', 'Only the seat that proposed an amendment can withdraw it.');
	if (openVoteOf(state)) return refuse('vote_open', 'The amendment is being voted on; it can no longer be withdrawn.');
	return accept(
		produce(state, (d) => void (d.amendments[pending.id - 1].status = 'withdrawn')),
		{ type: 'amendmentProposed', amendment: pending.id }
	);
}
