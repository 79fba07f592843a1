/**
 * Timers live in the state as deadlines; the server schedules a wake-up and submits
 * `expireTimer` when one is due. Pausing freezes the time left.
 */
import { produce, type Draft } from 'immer';
import { asFacilitator } from './guards';
import { accept, refuse, type Outcome } from './outcome';
import type { Actor, Context, GameState, TimerStep } from './types';

export function startTimer(d: Draft<GameState>, step: TimerStep, now: number) {
	const seconds = d.config.timers[step];
	if (seconds === null) {
		d.timer = null;
		return;
	}
	const ms = seconds * 1000;
	d.timer = d.paused ? { step, endsAt: now + ms, remaining: ms } : { step, endsAt: now + ms, remaining: null };
}

/** Milliseconds left on the timer at `now`, or null without one. */
export function timeLeft(state: Pick<GameState, 'timer'>, now: number): number | null {
	if (!state.timer) return null;
	return state.timer.remaining ?? Math.max(0, state.timer.endsAt - now);
}

export function pause(state: GameState, actor: Actor, ctx: Context): Outcome {
	const no = asFacilitator(actor, 'pause the game');
	if (no) return no;
	if (state.phase === 'lobby' || state.phase === 'debrief') return refuse('wrong_phase', 'There is nothing to pause before the game starts or after it ends.');
	if (state.paused) return refuse('paused', 'The game is already paused.');
	return accept(
		produce(state, (d) => {
			d.paused = true;
			if (d.timer) d.timer.remaining = Math.max(0, d.timer.endsAt - ctx.now);
		}),
		{ type: 'timerChanged' }
	);
}

export function resume(state: GameState, actor: Actor, ctx: Context): Outcome {
	const no = asFacilitator(actor, 'resume the game');
	if (no) return no;
	if (!state.paused) return refuse('not_paused', 'The game is not paused.');
	return accept(
		produce(state, (d) => {
			d.paused = false;
			if (d.timer && d.timer.remaining !== null) {
				d.timer.endsAt = ctx.now + d.timer.remaining;
				d.timer.remaining = null;
			}
		}),
		{ type: 'timerChanged' }
	);
}

export function extendTimer(state: GameState, actor: Actor, seconds: number, ctx: Context): Outcome {
	const no = asFacilitator(actor, 'extend the timer');
	if (no) return no;
	if (!state.timer) return refuse('no_timer', 'No timer is running right now.');
	return accept(
		produce(state, (d) => {
			const timer = d.timer!;
			if (timer.remaining !== null) timer.remaining += seconds * 1000;
			else timer.endsAt = Math.max(timer.endsAt, ctx.now) + seconds * 1000;
		}),
		{ type: 'timerChanged' }
	);
}

/** Whether the timer may be expired now: the system's own check before it acts. */
export function expiryRefusal(state: GameState, actor: Actor, ctx: Context) {
	if (actor.kind !== 'system') return refuse('not_facilitator', 'Timers run out by themselves.');
	if (!state.timer) return refuse('no_timer', 'No timer is running.');
	if (state.paused) return refuse('paused', 'The game is paused.');
	if (ctx.now < state.timer.endsAt) return refuse('timer_not_due', 'The timer has not run out yet.');
	return null;
}
