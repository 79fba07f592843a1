/**
 * The vote a screen is about at this moment: the latest vote, while it is on the clause on the
 * floor, or the ratification once the treaty is put to it. A screen that keeps the outcome up
 * after the game (the projector) goes on showing the ratification in the debrief.
 */
import type { TableView, VoteView } from './view';

export function voteOfTheMoment(
	view: Pick<TableView, 'phase' | 'votes' | 'floor'> | null | undefined,
	options: { keepRatification?: boolean } = {}
): VoteView | undefined {
	const latest = view?.votes.at(-1);
	if (!view || !latest) return undefined;
	if (view.phase === 'clauses') return latest.clauseId === view.floor?.clauseId ? latest : undefined;
	const showsRatification = view.phase === 'ratification' || (options.keepRatification && view.phase === 'debrief');
	return showsRatification && latest.kind === 'ratification' ? latest : undefined;
}
