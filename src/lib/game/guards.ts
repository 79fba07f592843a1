/** Checks shared by many rules: who is acting, and whether play is under way. */
import { refuse, type Refusal } from './outcome';
import type { Actor, GameState, Seat } from './types';
import type { InLanguages } from '../scenario/texts';

export function asFacilitator(actor: Actor, doing: string): Refusal | null {
	return actor.kind === 'facilitator' || actor.kind === 'system' ? null : refuse('not_facilitator', `Only the facilitator can ${doing}.`);
}

/**
 * The acting seat, if the actor holds one at this table. A seat has one writer at a time: its
 * player, or the scripted role standing in for them — never both.
 */
export function actingSeat(state: GameState, actor: Actor): Seat | Refusal {
	const seat = actor.kind === 'seat' ? state.seats.find((s) => s.id === actor.seat && s.player !== null) : undefined;
	if (!seat || actor.kind !== 'seat') return refuse('not_seated', 'Take a seat at the table first.');
	if (seat.bot && !actor.bot) return refuse('bot_holds_seat', 'A scripted role is keeping your seat; take it back to play.');
	if (!seat.bot && actor.bot) return refuse('not_seated', 'This seat is back with its player.');
	return seat;
}

/**
 * A scripted role's words in the scenario's other languages, only the languages given: a player
 * writes in their own, shown to everyone as written, so a player's client may not send any.
 */
export function otherLanguages(actor: Actor, given: InLanguages<string | undefined> | undefined): InLanguages<string> | null | Refusal {
	if (!given) return null;
	if (actor.kind !== 'seat' || !actor.bot) return refuse('bad_payload', 'Write in your own words: only a scripted role gives its words in other languages.');
	const words = Object.fromEntries(Object.entries(given).filter((e): e is [string, string] => Boolean(e[1]?.trim())));
	return Object.keys(words).length ? words : null;
}

export const isRefusal = (x: unknown): x is Refusal => typeof x === 'object' && x !== null && (x as Refusal).ok === false;

/** The vote now open, if any. */
export function openVoteOf(state: GameState) {
	const last = state.votes.at(-1);
	return last?.status === 'open' ? last : undefined;
}

/** The amendment waiting to be voted on for the clause on the floor, if any. */
export function pendingAmendment(state: GameState) {
	return state.amendments.find((a) => a.status === 'pending' && a.clauseId === state.floor?.clauseId);
}
