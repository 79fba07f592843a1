/**
 * What the facilitator's controls say about the table's next move: which vote the button would
 * open, how the close button names the open vote, and where "Next step" and "Back one step" lead.
 * Shared by the facilitator page and each table of the class console.
 */
import type { TableView } from '../game/view';
import { clauseOf, variantSummary } from './labels';

export interface NextVote {
	label: string;
	/** What the players vote on, for the button's description. */
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
		return ratified ? null : { label: 'Open the ratification vote', what: 'the whole treaty, as assembled.', note: '' };
	}
	const clause = clauseOf(view, view.floor?.clauseId);
	if (view.phase !== 'clauses' || !clause) return null;
	const pending = view.amendments.find((a) => a.status === 'pending' && a.clauseId === clause.id);
	if (pending)
		return {
			label: 'Open the vote on the amendment',
			what: `the amendment to ${clause.title}: “${variantSummary(view, pending.to)}”`,
			note: ''
		};
	// The engine lets a decided clause be voted again (say, after going back to it); say so.
	const again = clause.id in view.adopted;
	return {
		label: `${again ? 'Vote again on' : 'Open the vote on'} ${clause.title}`,
		what: `${clause.title}: “${variantSummary(view, view.floor?.variantId)}”`,
		note: again ? `${clause.title} is decided; “Next step” moves on.` : ''
	};
}

/** The close button's words for the open vote. */
export function closeVoteLabel(view: TableView): string {
	const open = openVoteOf(view);
	if (!open) return '';
	if (open.kind === 'ratification') return 'Close the ratification vote';
	if (open.kind === 'amendment') return 'Close the vote on the amendment';
	return `Close the vote on ${clauseOf(view, open.clauseId)?.title ?? 'the clause'}`;
}

/** Where "Next step" leads from here, in words; empty where it leads nowhere. */
export function nextStepOf(view: TableView): string {
	switch (view.phase) {
		case 'briefing':
			return 'opening statements';
		case 'opening':
			return `the first clause, ${view.clauses[0]?.title ?? ''}`;
		case 'clauses':
			return view.cursor + 1 < view.clauses.length ? `the next clause, ${view.clauses[view.cursor + 1].title}` : 'ratification';
		default:
			return '';
	}
}

/** Where "Back one step" leads from here, in words; empty where there is no going back. */
export function backStepOf(view: TableView): string {
	switch (view.phase) {
		case 'opening':
			return 'the briefing';
		case 'clauses':
			return view.cursor > 0 ? `the previous clause, ${view.clauses[view.cursor - 1].title}` : 'opening statements';
		case 'ratification':
			return `the last clause, ${view.clauses.at(-1)?.title ?? ''}`;
		default:
			return '';
	}
}
