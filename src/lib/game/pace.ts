/**
 * A hands-free pace: a vote closes by itself shortly after every seated player has voted, and
 * after a clause's result the game moves on by itself once a short countdown runs out, which the
 * facilitator can stop. With both, a game runs from its start to the debrief on timers alone.
 */
import { produce, type Draft } from 'immer';
import { asFacilitator } from './guards';
import { accept, refuse, type Outcome } from './outcome';
import type { Actor, Countdown, GameState, Timer, Vote } from './types';

export function startCountdown(d: Draft<GameState>, step: Countdown, seconds: number, now: number) {
	const ms = seconds * 1000;
	d.timer = d.paused ? { step, endsAt: now + ms, remaining: ms } : { step, endsAt: now + ms, remaining: null };
}

/**
 * The last call, if this ballot was the last seated player's: the timer a vote should have now.
 * A last call already running is kept, so changing a ballot does not put the close off.
 */
export function lastCallTimer(state: GameState, vote: Vote, now: number): Timer | null {
	const seconds = state.config.pace?.lastCallSeconds;
	if (seconds == null || state.timer?.step === 'lastCall') return state.timer;
	const everyone = state.seats.every((s) => s.player === null || s.id in vote.ballots);
	if (!everyone) return state.timer;
	return { step: 'lastCall', endsAt: now + seconds * 1000, remaining: null };
}

/** The countdown after a clause's result, when the game moves on by itself. */
export function startResultCountdown(d: Draft<GameState>, now: number) {
	const seconds = d.config.pace?.resultSeconds;
	if (seconds != null) startCountdown(d, 'result', seconds, now);
}

/** The facilitator stops the countdown running: the game waits for them again. */
export function holdCountdown(state: GameState, actor: Actor): Outcome {
	const no = asFacilitator(actor, 'stop the countdown');
	if (no) return no;
	if (state.timer?.step !== 'lastCall' && state.timer?.step !== 'result')
		return refuse('no_timer', 'No countdown is running: the game is already waiting for you.');
	return accept(
		produce(state, (d) => {
			d.timer = null;
		}),
		{ type: 'timerChanged' }
	);
}
