/**
 * The private opinion poll: one question, asked at the briefing and again at the debrief,
 * separate from the role's votes. The game counts an answer and forgets it: it keeps how many
 * players gave each answer and which seats have answered, never which answer a seat gave. So an
 * answer, once sent, cannot be changed, and only the player's own device remembers it.
 */
import { produce } from 'immer';
import type { Scenario } from '../scenario/schema';
import { actingSeat, isRefusal } from './guards';
import { accept, refuse, type Outcome } from './outcome';
import type { Actor, Context, GameState, PollAnswered, PollTally, PollWhen, SeatId } from './types';

export function emptyPoll(scenario: Scenario): PollTally {
	const none = () => scenario.defaults.poll.options.map(() => 0);
	return { counts: { before: none(), after: none() }, answered: { before: [], after: [] } };
}

/** Which asking of the poll is open in this phase, if any. */
export function pollOpen(state: GameState): PollWhen | null {
	if (state.phase === 'briefing' || state.phase === 'opening') return 'before';
	return state.phase === 'debrief' ? 'after' : null;
}

export function answerPoll(state: GameState, actor: Actor, answer: number, ctx: Context): Outcome {
	const seat = actingSeat(state, actor);
	if (isRefusal(seat)) return seat;
	const options = ctx.scenario.defaults.poll.options;
	if (answer >= options.length) return refuse('bad_answer', `Choose one of the ${options.length} answers offered.`, { count: options.length });
	const when = pollOpen(state);
	if (!when) return refuse('poll_closed', 'The opinion poll is open during the briefing and again at the debrief.');
	if (state.poll.answered[when].includes(seat.id))
		return refuse('poll_answered', 'You have already answered. Answers are counted without names, so one cannot be changed once sent.');
	const order = new Map(state.seats.map((s, i) => [s.id, i]));
	return accept(
		produce(state, (d) => {
			d.poll.counts[when][answer] += 1;
			// Kept in seat order, not answering order, so the list says nothing of who answered when.
			d.poll.answered[when] = [...d.poll.answered[when], seat.id].sort((a, b) => order.get(a)! - order.get(b)!);
		}),
		{ type: 'pollAnswered' }
	);
}

// One shared object per combination, so a seat's view keeps the same one until it answers.
const ANSWERED: Record<string, PollAnswered> = Object.fromEntries(
	[false, true].flatMap((before) => [false, true].map((after) => [`${before}/${after}`, Object.freeze({ before, after })]))
);

export function pollAnswered(poll: PollTally, seat: SeatId): PollAnswered {
	return ANSWERED[`${poll.answered.before.includes(seat)}/${poll.answered.after.includes(seat)}`];
}
