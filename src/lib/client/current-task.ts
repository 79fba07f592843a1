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
import { m } from '../i18n/paraglide/messages';

export interface Task {
	text: string;
	section: SectionId;
}

/** What a vote decides, in a few words: "Scope", "the amendment to Scope", "the whole treaty". */
export function voteSubject(view: Pick<TableView, 'clauses'>, vote: Pick<VoteView, 'kind' | 'clauseId'>): string {
	const title = clauseOf(view, vote.clauseId)?.title ?? m.this_clause();
	return vote.kind === 'ratification' ? m.subject_whole_treaty() : vote.kind === 'amendment' ? m.subject_amendment_to({ clause: title }) : title;
}

export function currentTask(view: SeatView): Task {
	const solo = view.solo;
	if (view.paused) return { text: m.task_paused(), section: 'brief' };
	const clause = clauseOf(view, view.floor?.clauseId);
	const vote = voteOfTheMoment(view);
	const open = vote?.status === 'open';
	if (open) {
		const what = voteSubject(view, vote);
		const mine = view.you.ballot;
		if (mine) return { text: m.task_voted({ choice: choiceNames[mine.choice], what }), section: 'now' };
		return { text: view.timer?.step === 'vote' ? m.task_vote_now_clock({ what }) : m.task_vote_now({ what }), section: 'now' };
	}
	switch (view.phase) {
		case 'lobby':
			return { text: m.task_lobby(), section: 'brief' };
		case 'briefing':
			if (!view.you.poll.before) return { text: m.task_poll(), section: 'now' };
			return {
				text: solo ? m.task_read_solo() : m.task_read_table(),
				section: 'brief'
			};
		case 'opening': {
			const spoke = view.posts.some((p) => p.kind === 'opening' && p.seat === view.you.seat);
			if (!spoke) return { text: m.task_open(), section: 'now' };
			return {
				text: solo ? m.task_listen_solo() : m.task_listen_table(),
				section: 'table'
			};
		}
		case 'clauses': {
			const title = clause?.title ?? m.this_clause();
			if (vote?.result && clause && clause.id in view.adopted)
				return {
					text: (solo ? m.task_decided_solo : m.task_decided_table)({ clause: title }),
					section: 'now'
				};
			const amendment = view.amendments.some((a) => a.status === 'pending' && a.clauseId === clause?.id);
			const timed = view.timer?.step === 'debate';
			const then = amendment
				? m.task_then_amendment()
				: timed
					? solo
						? m.task_then_timed_solo()
						: m.task_then_timed_table()
					: solo
						? m.task_then_solo()
						: m.task_then_table();
			if (vote?.result) return { text: m.task_see_result({ clause: title, then }), section: 'now' };
			return { text: m.task_debate({ clause: title, then }), section: 'hand' };
		}
		case 'ratification':
			return { text: m.task_ratification(), section: 'now' };
		case 'debrief':
			return { text: m.task_debrief(), section: 'now' };
	}
}
