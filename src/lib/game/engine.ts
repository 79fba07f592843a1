/**
 * The game engine: one pure function from (state, action, actor, context) to a new state or a
 * refusal. No I/O, no clock, no randomness but the game's seed, so a room's log of accepted
 * actions replays to the same state every time.
 */
import { produce } from 'immer';
import type { Scenario } from '../scenario/schema';
import { reorderClauses, setAgenda, skipClause } from './agenda';
import { injectCard, hidePost, postArgument } from './arguments';
import { proposeAmendment, withdrawAmendment } from './amendments';
import { accept, refuse, type Outcome } from './outcome';
import { advance, back, end, start, stepForward } from './phases';
import { holdCountdown } from './pace';
import { answerPoll, emptyPoll } from './poll';
import { buildSeats, handToBot, lockRoom, releaseSeat, takeBackSeat, takeSeat } from './seats';
import { endFloor, giveFloor, lowerHand, raiseHand } from './speakers';
import { expiryRefusal, extendTimer, pause, resume } from './timers';
import type { Action, Actor, Context, GameConfig, GameState } from './types';
import { castVote, closeVote, closeVoteNow, openVote, openVoteNow } from './voting';

export function createGame(code: string, config: GameConfig, scenario: Scenario): GameState {
	return {
		code,
		config,
		phase: 'lobby',
		paused: false,
		locked: false,
		timer: null,
		seats: buildSeats(scenario, config),
		agenda: config.agenda ?? scenario.clauses.map((c) => c.id),
		cursor: -1,
		floor: null,
		adopted: {},
		// Clauses a lesson plan leaves out are set aside from the start: the treaty is silent on them.
		skipped: config.agenda ? scenario.clauses.map((c) => c.id).filter((id) => !config.agenda!.includes(id)) : [],
		hands: {},
		posts: [],
		amendments: [],
		votes: [],
		queue: [],
		speaker: null,
		floorTime: {},
		poll: emptyPoll(scenario),
		signed: null,
		seq: 0
	};
}

export function apply(state: GameState, action: Action, actor: Actor, ctx: Context): Outcome {
	// A pause stops the players; the facilitator, the private poll and new arrivals carry on.
	if (state.paused && actor.kind === 'seat' && action.type !== 'answerPoll')
		return refuse('paused', 'The facilitator has paused the game; wait for it to resume.');
	const outcome = route(state, action, actor, ctx);
	// The sequence number counts accepted actions only: a refusal leaves the state untouched.
	// Frozen like the rest of the state, so no one can change it behind the engine's back.
	return outcome.ok ? { ...outcome, state: Object.freeze({ ...outcome.state, seq: state.seq + 1 }) } : outcome;
}

function route(state: GameState, action: Action, actor: Actor, ctx: Context): Outcome {
	switch (action.type) {
		case 'takeSeat':
			return takeSeat(state, actor, action.seat, action.name);
		case 'postArgument':
			return postArgument(state, actor, action, ctx);
		case 'proposeAmendment':
			return proposeAmendment(state, actor, action.variant, ctx);
		case 'withdrawAmendment':
			return withdrawAmendment(state, actor);
		case 'castVote':
			return castVote(state, actor, action, ctx);
		case 'answerPoll':
			return answerPoll(state, actor, action.answer, ctx);
		case 'raiseHand':
			return raiseHand(state, actor);
		case 'lowerHand':
			return lowerHand(state, actor);
		case 'start':
			return start(state, actor, ctx);
		case 'advance':
			return advance(state, actor, ctx);
		case 'back':
			return back(state, actor, ctx);
		case 'skipClause':
			return skipClause(state, actor, (d) => stepForward(d, ctx));
		case 'reorderClauses':
			return reorderClauses(state, actor, action.order);
		case 'setAgenda':
			return setAgenda(state, actor, action.clauses, ctx);
		case 'pause':
			return pause(state, actor, ctx);
		case 'resume':
			return resume(state, actor, ctx);
		case 'holdCountdown':
			return holdCountdown(state, actor);
		case 'extendTimer':
			return extendTimer(state, actor, action.seconds, ctx);
		case 'openVote':
			return openVote(state, actor, ctx);
		case 'closeVote':
			return closeVote(state, actor, ctx);
		case 'injectCard':
			return injectCard(state, actor, action.card, ctx);
		case 'hidePost':
			return hidePost(state, actor, action.post);
		case 'giveFloor':
			return giveFloor(state, actor, action.seat, ctx);
		case 'endFloor':
			return endFloor(state, actor, ctx);
		case 'releaseSeat':
			return releaseSeat(state, actor, action.seat, ctx.now);
		case 'handToBot':
			return handToBot(state, actor, action.seat);
		case 'takeBackSeat':
			return takeBackSeat(state, actor);
		case 'lockRoom':
			return lockRoom(state, actor, true);
		case 'unlockRoom':
			return lockRoom(state, actor, false);
		case 'end':
			return end(state, actor, ctx);
		case 'expireTimer':
			return expireTimer(state, actor, ctx);
	}
}

/**
 * A timer ran out: the step it timed moves on. Briefing and opening statements give way to the
 * next phase, a debate to its vote, and a vote closes — seats that have not voted abstain.
 */
function expireTimer(state: GameState, actor: Actor, ctx: Context): Outcome {
	const no = expiryRefusal(state, actor, ctx);
	if (no) return no;
	const step = state.timer!.step;
	const next = produce(state, (d) => {
		d.timer = null;
		if (step === 'vote' || step === 'lastCall') closeVoteNow(d, ctx);
		else if (step === 'debate') openVoteNow(d, ctx);
		else stepForward(d, ctx);
	});
	return accept(next, { type: 'timerChanged' }, { type: 'phaseChanged', phase: next.phase });
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
