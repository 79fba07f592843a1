/**
 * The game engine: one pure function from (state, action, context) to a new state or a refusal.
 * No I/O, no clock, no randomness except what arrives in the context, so a room's log of
 * accepted actions replays to the same state every time.
 */
import type { Scenario } from '../scenario/schema';
import { accept, refuse, type Outcome } from './outcome';
import { buildSeats, takeSeat } from './seats';
import type { Action, Actor, Context, GameConfig, GameState } from './types';
import { castVote, closeVote, openVote } from './voting';

export function createGame(code: string, config: GameConfig, scenario: Scenario): GameState {
	return {
		code,
		config,
		phase: 'lobby',
		seats: buildSeats(scenario, config),
		agenda: scenario.clauses.map((c) => c.id),
		floor: null,
		adopted: {},
		votes: [],
		seq: 0
	};
}

export function apply(state: GameState, action: Action, actor: Actor, ctx: Context): Outcome {
	const outcome = route(state, action, actor, ctx);
	// The sequence number counts accepted actions only: a refusal leaves the state untouched.
	return outcome.ok ? { ...outcome, state: { ...outcome.state, seq: state.seq + 1 } } : outcome;
}

function route(state: GameState, action: Action, actor: Actor, ctx: Context): Outcome {
	switch (action.type) {
		case 'takeSeat':
			return takeSeat(state, actor, action.seat, action.name);
		case 'start':
			return start(state, actor);
		case 'openVote':
			return openVote(state, actor, action.clause, ctx);
		case 'castVote':
			return castVote(state, actor, action.choice, ctx);
		case 'closeVote':
			return closeVote(state, actor, ctx);
	}
}

function start(state: GameState, actor: Actor): Outcome {
	if (actor.kind !== 'facilitator') return refuse('not_facilitator', 'Only the facilitator can start the game.');
	if (state.phase !== 'lobby') return refuse('wrong_phase', 'The game has already started.');
	return accept({ ...state, phase: 'clauses' }, { type: 'started' });
}

/** Rebuilds a room's state from its log: the same fold the live server performs. */
export function replay(
	initial: GameState,
	log: readonly { action: Action; actor: Actor; at: number }[],
	scenario: Scenario
): GameState {
	let state = initial;
	for (const entry of log) {
		const outcome = apply(state, entry.action, entry.actor, { now: entry.at, scenario });
		if (!outcome.ok) throw new Error(`log entry ${state.seq + 1} no longer applies: ${outcome.code}`);
		state = outcome.state;
	}
	return state;
}
