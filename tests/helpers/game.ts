/** Builds engine states for tests, and applies actions that must succeed. */
import { apply, createGame } from '../../src/lib/game/engine';
import type { Action, Actor, GameConfig, GameState } from '../../src/lib/game/types';
import type { Scenario } from '../../src/lib/scenario/schema';
import { tinyScenario } from './tiny-scenario';

export const facilitator: Actor = { kind: 'facilitator' };
export const guest: Actor = { kind: 'guest' };
export const seat = (id: string): Actor => ({ kind: 'seat', seat: id });

export function newGame(config: Partial<GameConfig> = {}, scenario: Scenario = tinyScenario): GameState {
	return createGame(
		'TEST22',
		{
			scenarioId: scenario.id,
			votingRule: 'dual-key',
			ballot: { tally: 'live', ballots: 'named' },
			seatCounts: {},
			seed: 1,
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

/** A started game with every core seat taken. */
export function seatedGame(config: Partial<GameConfig> = {}): GameState {
	const state = newGame(config);
	return play(state, [
		...state.seats.map((s): [Actor, Action] => [guest, { type: 'takeSeat', seat: s.id, name: `Player ${s.id}` }]),
		[facilitator, { type: 'start' }]
	]);
}
