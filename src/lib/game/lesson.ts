/**
 * How long a game takes, worked out from its timers: what a lesson plan promises and what the
 * create form shows as the settings change. Steps without a timer take as long as the
 * facilitator lets them, so the figure counts them at the scenario's own timing.
 */
import type { ClauseId, Pace, TimerStep } from './types';

/** Time for the debrief's discussion, which has no timer: the game's allowance. */
export const DEBRIEF_MINUTES = 10;

export interface Length {
	/** Whole minutes from the start of the briefing to the end of the debrief. */
	minutes: number;
	/** The steps counted at the scenario's timing because they have no timer of their own. */
	untimed: TimerStep[];
}

/** One step of a game's timetable, `at` seconds after the briefing starts. */
export type ScheduledStep = { at: number; seconds: number } & (
	| { step: 'briefing' | 'opening' | 'ratification' | 'debrief' }
	| { step: 'debate' | 'vote' | 'result'; clause: ClauseId }
);

/**
 * The game minute by minute, as its timers run it: the briefing, the opening statements, each
 * clause's debate, vote and pause on its result, the treaty's vote, then the debrief's discussion.
 * A hands-free pace may close a vote sooner; this is the longest each step takes.
 */
export function lessonSteps(timers: Record<TimerStep, number>, clauses: readonly ClauseId[], pace?: Pace | null): ScheduledStep[] {
	const steps: ScheduledStep[] = [];
	let at = 0;
	const add = (step: ScheduledStep) => {
		steps.push(step);
		at += step.seconds;
	};
	add({ step: 'briefing', at, seconds: timers.briefing });
	add({ step: 'opening', at, seconds: timers.opening });
	for (const clause of clauses) {
		add({ step: 'debate', clause, at, seconds: timers.debate });
		add({ step: 'vote', clause, at, seconds: timers.vote });
		if (pace?.resultSeconds) add({ step: 'result', clause, at, seconds: pace.resultSeconds });
	}
	add({ step: 'ratification', at, seconds: timers.vote });
	// The discussion starts on the next whole minute: the figure a plan promises counts it so.
	steps.push({ step: 'debrief', at: Math.ceil(at / 60) * 60, seconds: DEBRIEF_MINUTES * 60 });
	return steps;
}

export function expectedLength(
	timers: Record<TimerStep, number | null>,
	fallback: Record<TimerStep, number>,
	clauses: number,
	pace?: Pace | null
): Length {
	const untimed = (Object.keys(fallback) as TimerStep[]).filter((step) => timers[step] === null);
	const resolved = Object.fromEntries((Object.keys(fallback) as TimerStep[]).map((step) => [step, timers[step] ?? fallback[step]])) as Record<TimerStep, number>;
	const debrief = lessonSteps(resolved, Array.from({ length: clauses }, (_, i) => `clause-${i + 1}`), pace).at(-1)!;
	return { minutes: (debrief.at + debrief.seconds) / 60, untimed };
}
