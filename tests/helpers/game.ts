/** Builds engine states for tests, and applies actions that must succeed. */
import { apply, createGame } from '../../src/lib/game/engine';
import type { Action, Actor, GameConfig, GameState } from '../../src/lib/game/types';
import type { Scenario } from '../../src/lib/scenario/schema';
import { tinyScenario } from './tiny-scenario';
import { playLimits } from '../../src/lib/game/limits';

export const facilitator: Actor = { kind: 'facilitator' };
export const guest: Actor = { kind: 'guest' };
export const system: Actor = { kind: 'system' };
export const seat = (id: string): Actor => ({ kind: 'seat', seat: id });

/** Untimed unless a test asks for timers: the facilitator drives every step. */
export const untimed = { briefing: null, opening: null, debate: null, vote: null };

export function newGame(config: Partial<GameConfig> = {}, scenario: Scenario = tinyScenario): GameState {
	return createGame(
		'TEST22',
		{
			scenarioId: scenario.id,
			votingRule: 'dual-key',
			ballot: { tally: 'live', ballots: 'named' },
			seatCounts: {},
			timers: untimed,
			seed: 1,
			limits: playLimits(scenario),
			...config
		},
		scenario
	);
}

/** Applies a list of [actor, action] steps, failing loudly on the first refusal. */
export function play(state: GameState, steps: [Actor, Action][], scenario: Scenario = tinyScenario, now = 1000): GameState {
	for (const [actor, action] of steps) {
		const outcome = apply(state, action, actor, { now, scenario });
		if (!outcome.ok) throw new Error(`${action.type} refused: ${outcome.code} ${outcome.message}`);
		state = outcome.state;
	}
	return state;
}

/** Applies one action at a given time and returns the outcome, accepted or not. */
export function attempt(state: GameState, actor: Actor, action: Action, now = 1000, scenario: Scenario = tinyScenario) {
	return apply(state, action, actor, { now, scenario });
}

/** A game in the briefing with every seat taken. */
export function seatedGame(config: Partial<GameConfig> = {}): GameState {
	const state = newGame(config);
	return play(state, [
		...state.seats.map((s): [Actor, Action] => [guest, { type: 'takeSeat', seat: s.id, name: `Player ${s.id}` }]),
		[facilitator, { type: 'start' }]
	]);
}

/** A seated game with the first clause (Scope) on the floor. */
export function atFirstClause(config: Partial<GameConfig> = {}): GameState {
	return play(seatedGame(config), [
		[facilitator, { type: 'advance' }],
		[facilitator, { type: 'advance' }]
	]);
}

export const vote = (s: string, choice: 'yes' | 'no' | 'abstain'): [Actor, Action] => [seat(s), { type: 'castVote', choice }];
