/** The engine's answer to an action: a new state and what happened, or a refusal. */
import type { Refusal } from '../protocol/errors';
import type { GameEvent, GameState } from './types';

export { refuse } from '../protocol/errors';
export type { Refusal };

export interface Accepted {
	ok: true;
	state: GameState;
	events: GameEvent[];
}

export type Outcome = Accepted | Refusal;

/**
 * Freezes a new object as immer would, keeping its mutable type for the state it goes into: for
 * the busiest actions, built by hand, where only the new objects need freezing.
 */
export const frozen = <T extends object>(value: T): T => Object.freeze(value) as T;

export function accept(state: GameState, ...events: GameEvent[]): Accepted {
	return { ok: true, state, events };
}

/** The sequence number the action being applied will carry. */
export const nextSeq = (state: GameState) => state.seq + 1;
