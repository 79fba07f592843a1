/** The limits of play a new game is made with, from its scenario (see GameConfig.limits). */
import type { Scenario } from '../scenario/schema';
import type { PlayLimits } from './types';

export function playLimits(scenario: Scenario): PlayLimits {
	return { postsPerSeatPerClause: scenario.defaults.postsPerSeatPerClause, distinctNames: true };
}
