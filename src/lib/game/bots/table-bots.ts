/**
 * Plays every scripted seat of a game until none has anything to do: the loop a simulation and
 * the tests use. The server's bot runner does the same one action at a time, at a human pace.
 */
import { apply } from '../engine';
import type { Outcome } from '../outcome';
import type { Action, Actor, Context, GameState } from '../types';
import { facilitatorView, seatView } from '../view';
import { decideForFacilitator } from './autopilot';
import { voiceOf, voicesOf } from './explain';
import { decideForSeat } from './seat-bot';

export interface BotStep {
	actor: Actor;
	action: Action;
	outcome: Outcome;
}

/** The next move of the first scripted seat (in seat order) that has one. */
export function nextBotMove(state: GameState, ctx: Context): { actor: Actor; action: Action } | null {
	for (const seat of state.seats) {
		if (!seat.bot || seat.player === null) continue;
		const action = decideForSeat(seatView(state, seat.id, ctx.scenario), voiceOf(ctx.scenario, seat.roleId), voicesOf(ctx.scenario, seat.roleId));
		if (action) return { actor: { kind: 'seat', seat: seat.id, bot: true }, action };
	}
	return null;
}

/**
 * Plays a whole game with the autopilot as facilitator and bots in every seat, and returns the
 * final state and every step. The bots take turns round the table, each deciding on the state as
 * it is at its turn; when a full round passes with nobody acting, the table is quiet and the
 * autopilot moves the game on. A refused bot move ends the run with an error: bots must only
 * ever submit legal actions.
 */
export function playOut(initial: GameState, ctx: Context, maxSteps = 5000): { state: GameState; steps: BotStep[] } {
	let state = initial;
	const steps: BotStep[] = [];
	const take = (actor: Actor, action: Action) => {
		if (steps.length >= maxSteps) throw new Error(`game ${state.code} did not finish in ${maxSteps} steps (phase ${state.phase})`);
		const outcome = apply(state, action, actor, ctx);
		steps.push({ actor, action, outcome });
		if (!outcome.ok) throw new Error(`${actor.kind} move ${action.type} refused: ${outcome.code} — ${outcome.message}`);
		state = outcome.state;
	};
	for (;;) {
		let acted = false;
		for (const seat of state.seats) {
			if (!seat.bot || seat.player === null) continue;
			const action = decideForSeat(seatView(state, seat.id, ctx.scenario), voiceOf(ctx.scenario, seat.roleId), voicesOf(ctx.scenario, seat.roleId));
			if (action) {
				take({ kind: 'seat', seat: seat.id, bot: true }, action);
				acted = true;
			}
		}
		if (acted) continue;
		if (state.phase === 'debrief') return { state, steps };
		const action = decideForFacilitator(facilitatorView(state, ctx.scenario), { eager: true, quiet: true });
		if (!action) throw new Error(`game ${state.code} is stuck in ${state.phase}`);
		take({ kind: 'facilitator' }, action);
	}
}
