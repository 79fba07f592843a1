/**
 * What the facilitator's controls say about the table's next move: which vote the button would
 * open, how the close button names the open vote, and where "Next step" and "Back one step" lead.
 * Shared by the facilitator page and each table of the class console.
 */
import type { TableView } from '../game/view';
import { clauseOf, variantSummary } from './labels';
import { m } from '../i18n/paraglide/messages';
import { mark } from '../i18n/isolate';

export interface NextVote {
	label: string;
	/** What the players vote on, for the button's description; the scenario's words in it marked (isolate.ts). */
	what: string;
	note: string;
}

export function openVoteOf(view: TableView) {
	const last = view.votes.at(-1);
	return last?.status === 'open' ? last : undefined;
}

/** What the next vote on this table would decide, for the button that opens it; null if none can open. */
export function nextVote(view: TableView): NextVote | null {
	if (openVoteOf(view)) return null;
	if (view.phase === 'ratification') {
		const ratified = view.votes.some((v) => v.kind === 'ratification');
		return ratified ? null : { label: m.next_open_ratification(), what: m.next_what_whole_treaty(), note: '' };
	}
	const clause = clauseOf(view, view.floor?.clauseId);
	if (view.phase !== 'clauses' || !clause) return null;
	const pending = view.amendments.find((a) => a.status === 'pending' && a.clauseId === clause.id);
	if (pending)
		return {
			label: m.next_open_amendment(),
			what: m.next_what_amendment({ clause: mark(clause.title), summary: mark(variantSummary(view, pending.to)) }),
			note: ''
		};
	// The engine lets a decided clause be voted again (say, after going back to it); say so.
	const again = clause.id in view.adopted;
	return {
		label: (again ? m.next_vote_again : m.next_open_vote_on)({ clause: clause.title }),
		what: m.next_what_clause({ clause: mark(clause.title), summary: mark(variantSummary(view, view.floor?.variantId)) }),
		note: again ? m.next_decided_note({ clause: clause.title }) : ''
	};
}

/** The close button's words for the open vote. */
export function closeVoteLabel(view: TableView): string {
	const open = openVoteOf(view);
	if (!open) return '';
	if (open.kind === 'ratification') return m.close_ratification();
	if (open.kind === 'amendment') return m.close_amendment();
	return m.close_clause({ clause: clauseOf(view, open.clauseId)?.title ?? m.the_clause() });
}

/** Where "Next step" leads from here, in words; empty where it leads nowhere. */
export function nextStepOf(view: TableView): string {
	switch (view.phase) {
		case 'briefing':
			return m.next_step_opening();
		case 'opening':
			return m.next_step_first_clause({ clause: view.clauses[0]?.title ?? '' });
		case 'clauses':
			return view.cursor + 1 < view.clauses.length
				? m.next_step_next_clause({ clause: view.clauses[view.cursor + 1].title })
				: m.next_step_ratification();
		default:
			return '';
	}
}

/** Where "Back one step" leads from here, in words; empty where there is no going back. */
export function backStepOf(view: TableView): string {
	switch (view.phase) {
		case 'opening':
			return m.back_step_briefing();
		case 'clauses':
			return view.cursor > 0 ? m.back_step_previous_clause({ clause: view.clauses[view.cursor - 1].title }) : m.next_step_opening();
		case 'ratification':
			return m.back_step_last_clause({ clause: view.clauses.at(-1)?.title ?? '' });
		default:
			return '';
	}
}
