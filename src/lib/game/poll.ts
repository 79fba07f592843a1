/**
 * The private opinion poll: one question, asked at the briefing and again at the debrief,
 * separate from the role's votes. Only the player who answered sees the answer until the debrief.
 */
import { produce } from 'immer';
import { actingSeat, isRefusal } from './guards';
import { accept, refuse, type Outcome } from './outcome';
import type { Actor, Context, GameState } from './types';

export function answerPoll(state: GameState, actor: Actor, answer: number, ctx: Context): Outcome {
	const seat = actingSeat(state, actor);
	if (isRefusal(seat)) return seat;
	const options = ctx.scenario.defaults.poll.options;
	if (answer >= options.length) return refuse('bad_answer', `Choose one of the ${options.length} answers offered.`);
	const when = state.phase === 'briefing' || state.phase === 'opening' ? 'before' : state.phase === 'debrief' ? 'after' : null;
	if (!when) return refuse('poll_closed', 'The opinion poll is open during the briefing and again at the debrief.');
	return accept(
		produce(state, (d) => {
			d.polls[seat.id] ??= { before: null, after: null };
			d.polls[seat.id][when] = answer;
		}),
		{ type: 'pollAnswered' }
	);
}
