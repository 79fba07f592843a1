/**
 * The flow of a game: lobby → briefing → opening statements → clause by clause → ratification
 * → debrief, moved by the facilitator (or by timers), one step forward or back.
 */
import { produce, type Draft } from 'immer';
import { dropPendingAmendment, putOnFloor } from './agenda';
import { asFacilitator, openVoteOf } from './guards';
import { deal } from './hands';
import { BOT_NAME } from './names';
import { accept, refuse, type Outcome } from './outcome';
import { unsettledRequired } from './required';
import { endTurn } from './speakers';
import { startTimer } from './timers';
import type { Actor, Context, GameState, Phase } from './types';
// voting.ts imports this module too; the cycle is only between functions called at run time.
import { openVoteNow } from './voting';

/** Moves the game into a phase and sets up what that phase starts with. */
export function enterPhase(d: Draft<GameState>, phase: Phase, ctx: Context) {
	d.phase = phase;
	d.timer = null;
	if (phase !== 'clauses') d.floor = null;
	switch (phase) {
		case 'briefing':
			startTimer(d, 'briefing', ctx.now);
			break;
		case 'opening':
			startTimer(d, 'opening', ctx.now);
			break;
		case 'clauses':
			putOnFloor(d, Math.max(0, d.cursor), ctx);
			break;
		case 'ratification':
			d.cursor = d.agenda.length;
			// At a hands-free pace the treaty goes to the vote at once, as every clause did.
			if (d.config.pace?.resultSeconds != null && !d.votes.some((v) => v.kind === 'ratification')) openVoteNow(d, ctx);
			break;
		case 'debrief':
			dropPendingAmendment(d);
			endTurn(d, ctx.now);
			d.queue = [];
			d.paused = false;
			// A game ended before ratification leaves the treaty unsigned.
			d.signed ??= false;
			break;
	}
}

/** One step forward from wherever the game is; used by the facilitator and by expiring timers. */
export function stepForward(d: Draft<GameState>, ctx: Context) {
	switch (d.phase) {
		case 'briefing':
			return enterPhase(d, 'opening', ctx);
		case 'opening':
			d.cursor = 0;
			return enterPhase(d, 'clauses', ctx);
		case 'clauses':
			dropPendingAmendment(d);
			if (d.cursor + 1 < d.agenda.length) return putOnFloor(d, d.cursor + 1, ctx);
			// A treaty silent on a required clause cannot be put to ratification.
			return enterPhase(d, unsettledRequired(d, ctx.scenario).length ? 'debrief' : 'ratification', ctx);
		case 'ratification':
			return enterPhase(d, 'debrief', ctx);
	}
}

export function start(state: GameState, actor: Actor, ctx: Context): Outcome {
	const no = asFacilitator(actor, 'start the game');
	if (no) return no;
	if (state.phase !== 'lobby') return refuse('wrong_phase', 'The game has already started.');
	return accept(
		produce(state, (d) => {
			if (state.config.botsFillEmptySeats)
				for (const seat of d.seats) if (seat.player === null) Object.assign(seat, { player: BOT_NAME, bot: true });
			d.hands = deal(ctx.scenario, state.seats, state.config.seed);
			enterPhase(d, 'briefing', ctx);
		}),
		{ type: 'phaseChanged', phase: 'briefing' }
	);
}

export function advance(state: GameState, actor: Actor, ctx: Context): Outcome {
	const no = asFacilitator(actor, 'move the game on');
	if (no) return no;
	if (openVoteOf(state)) return refuse('vote_open', 'Close the open vote before moving on.');
	switch (state.phase) {
		case 'lobby':
			return refuse('wrong_phase', 'Start the game first.');
		case 'debrief':
			return refuse('wrong_phase', 'The game is over.');
		case 'clauses': {
			const clause = state.floor!.clauseId;
			if (!(clause in state.adopted)) {
				const title = ctx.scenario.clauses.find((c) => c.id === clause)?.title ?? clause;
				return refuse('clause_undecided', `Hold the vote on ${title} before moving on, or skip it.`);
			}
			break;
		}
		case 'ratification':
			return refuse('nothing_to_vote', 'Hold the ratification vote, or end the game to leave the treaty unsigned.');
	}
	const next = produce(state, (d) => stepForward(d, ctx));
	return accept(next, { type: 'phaseChanged', phase: next.phase }, { type: 'floorChanged', clause: next.floor?.clauseId ?? null });
}

export function back(state: GameState, actor: Actor, ctx: Context): Outcome {
	const no = asFacilitator(actor, 'go back a step');
	if (no) return no;
	if (openVoteOf(state)) return refuse('vote_open', 'Close the open vote before going back.');
	if (state.phase === 'lobby' || state.phase === 'briefing') return refuse('nothing_before', 'There is no step before this one.');
	if (state.phase === 'debrief') return refuse('wrong_phase', 'The game is over.');
	const next = produce(state, (d) => {
		dropPendingAmendment(d);
		if (d.phase === 'opening') return enterPhase(d, 'briefing', ctx);
		if (d.phase === 'ratification') {
			d.cursor = d.agenda.length - 1;
			return enterPhase(d, 'clauses', ctx);
		}
		// Going back never erases a vote: a clause revisited keeps its result until it is voted again.
		if (d.cursor > 0) return putOnFloor(d, d.cursor - 1, ctx);
		d.cursor = -1;
		return enterPhase(d, 'opening', ctx);
	});
	return accept(next, { type: 'phaseChanged', phase: next.phase }, { type: 'floorChanged', clause: next.floor?.clauseId ?? null });
}

export function end(state: GameState, actor: Actor, ctx: Context): Outcome {
	const no = asFacilitator(actor, 'end the game');
	if (no) return no;
	if (state.phase === 'debrief') return refuse('wrong_phase', 'The game has already ended.');
	if (openVoteOf(state)) return refuse('vote_open', 'Close the open vote before ending the game.');
	return accept(
		produce(state, (d) => enterPhase(d, 'debrief', ctx)),
		{ type: 'phaseChanged', phase: 'debrief' }
	);
}
