/**
 * What a player should do at this moment, in one plain sentence, and the section of the page
 * where they do it: read and answer the poll, make an opening statement, argue, vote, or wait —
 * worked out from the phase, the timer's step and whether they have voted. In solo practice
 * nobody else moves the game on: the sentence says the learner does.
 */
import type { SeatView, TableView, VoteView } from '../game/view';
import { voteOfTheMoment } from '../game/vote-of-the-moment';
import { choiceNames, clauseOf } from './labels';
import type { SectionId } from './sections';

export interface Task {
	text: string;
	section: SectionId;
}

/** What a vote decides, in a few words: "Scope", "the amendment to Scope", "the whole treaty". */
export function voteSubject(view: Pick<TableView, 'clauses'>, vote: Pick<VoteView, 'kind' | 'clauseId'>): string {
	const title = clauseOf(view, vote.clauseId)?.title ?? 'this clause';
	return vote.kind === 'ratification' ? 'the whole treaty' : vote.kind === 'amendment' ? `the amendment to ${title}` : title;
}

export function currentTask(view: SeatView): Task {
	const solo = view.solo;
	if (view.paused) return { text: 'The game is paused and the clock is stopped. Read your brief while you wait.', section: 'brief' };
	const clause = clauseOf(view, view.floor?.clauseId);
	const vote = voteOfTheMoment(view);
	const open = vote?.status === 'open';
	if (open) {
		const what = voteSubject(view, vote);
		const mine = view.you.ballot;
		if (mine) return { text: `You voted ${choiceNames[mine.choice]} on ${what}. You can change your vote until the vote closes.`, section: 'now' };
		const clock = view.timer?.step === 'vote' ? ' If you have not voted when the time runs out, you abstain.' : '';
		return { text: `Vote now on ${what}: Yes, No or Abstain. Add a reason if you like.${clock}`, section: 'now' };
	}
	switch (view.phase) {
		case 'lobby':
			return { text: 'Wait for the game to start. Read your brief meanwhile.', section: 'brief' };
		case 'briefing':
			if (!view.you.poll.before) return { text: 'Answer the opinion poll, then read your brief and your cards.', section: 'now' };
			return {
				text: solo
					? 'Read your brief and your cards. Press “Next step” when you are ready for the opening statements.'
					: 'Read your brief and your cards. The opening statements come next.',
				section: 'brief'
			};
		case 'opening': {
			const spoke = view.posts.some((p) => p.kind === 'opening' && p.seat === view.you.seat);
			if (!spoke) return { text: 'Make your opening statement: play one card from your hand, with a few words if you like.', section: 'now' };
			return {
				text: solo ? 'Read the other roles’ opening statements, then press “Next step” for the first clause.' : 'Listen to the other opening statements. The first clause comes next.',
				section: 'table'
			};
		}
		case 'clauses': {
			const title = clause?.title ?? 'this clause';
			if (vote?.result && clause && clause.id in view.adopted)
				return {
					text: `${title} is decided: see the result. ${solo ? 'Press “Next step” for what comes next.' : 'Wait for the next clause.'}`,
					section: 'now'
				};
			const amendment = view.amendments.some((a) => a.status === 'pending' && a.clauseId === clause?.id);
			const timed = view.timer?.step === 'debate';
			const then = amendment
				? 'The amendment is voted first, then the clause.'
				: timed
					? `The vote opens when the time runs out${solo ? ', or when you open it' : ', or sooner'}.`
					: solo
						? 'Open the vote when you are ready.'
						: 'The vote comes next.';
			if (vote?.result) return { text: `See the result, then argue about ${title} before the clause is voted. ${then}`, section: 'now' };
			return { text: `Debate ${title}: argue for or against it, with a card or your own words. ${then}`, section: 'hand' };
		}
		case 'ratification':
			return { text: 'Every clause has been voted. Read the treaty as it stands: the final vote, to sign it or not, comes next.', section: 'now' };
		case 'debrief':
			return { text: 'The game is over. See whether the treaty was signed and your score, and answer the poll again.', section: 'now' };
	}
}
