/**
 * How long a game takes, worked out from its timers: what a lesson plan promises and what the
 * create form shows as the settings change. Steps without a timer take as long as the
 * facilitator lets them, so the figure counts them at the scenario's own timing.
 */
import type { Pace, TimerStep } from './types';

/** Time for the debrief's discussion, which has no timer: the game's allowance. */
export const DEBRIEF_MINUTES = 10;

export interface Length {
	/** Whole minutes from the start of the briefing to the end of the debrief. */
	minutes: number;
	/** The steps counted at the scenario's timing because they have no timer of their own. */
	untimed: TimerStep[];
}

export function expectedLength(
	timers: Record<TimerStep, number | null>,
	fallback: Record<TimerStep, number>,
	clauses: number,
	pace?: Pace | null
): Length {
	const untimed = (Object.keys(fallback) as TimerStep[]).filter((step) => timers[step] === null);
	const s = (step: TimerStep) => timers[step] ?? fallback[step];
	// Each clause: its debate, its vote, and the pause on its result; then the treaty's own vote.
	const perClause = s('debate') + s('vote') + (pace?.resultSeconds ?? 0);
	const seconds = s('briefing') + s('opening') + clauses * perClause + s('vote');
	return { minutes: Math.ceil(seconds / 60) + DEBRIEF_MINUTES, untimed };
}
