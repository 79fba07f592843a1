/**
 * Where the game goes from here, in the words the facilitator's bar uses: "Next step" leads to
 * "opening statements", "the first clause, Scope"…; and what the next vote on the table would
 * decide. Solo practice offers the learner the same buttons, in the same words.
 */
import type { TableView } from '../game/view';
import { clauseOf } from './labels';

/** Where "Next step" leads from here ("" where it leads nowhere: lobby, ratification, debrief). */
export function nextStep(view: Pick<TableView, 'phase' | 'clauses' | 'cursor'>): string {
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

/** The button that opens the next vote on the clause on the floor, or null when there is none to open. */
export function openVoteLabel(view: Pick<TableView, 'phase' | 'clauses' | 'floor' | 'amendments' | 'votes' | 'adopted'>): string | null {
	if (view.votes.at(-1)?.status === 'open') return null;
	if (view.phase === 'ratification') return view.votes.some((v) => v.kind === 'ratification') ? null : 'Open the ratification vote';
	const clause = view.phase === 'clauses' ? clauseOf(view, view.floor?.clauseId) : undefined;
	if (!clause) return null;
	if (view.amendments.some((a) => a.status === 'pending' && a.clauseId === clause.id)) return 'Open the vote on the amendment';
	return `${clause.id in view.adopted ? 'Vote again on' : 'Open the vote on'} ${clause.title}`;
}
