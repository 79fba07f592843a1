/**
 * The facilitator's part when no person plays it (solo practice, simulations): it starts the game
 * once every seat is filled, closes a vote as soon as every seat has voted, and moves on once a
 * clause is decided. Eager mode (simulations) also moves every step on as soon as the table is
 * quiet; patient mode (solo play) leaves the briefing, the opening and the debate to their timers
 * and to the player's own "next step".
 */
import type { FacilitatorView } from '../view';
import type { Action } from '../types';

export interface AutopilotOptions {
	/** Move on whenever the table has nothing left to do, without waiting for timers. */
	eager: boolean;
	/** Whether the seated roles have all finished what they had to do at this moment. */
	quiet: boolean;
}

export function decideForFacilitator(view: FacilitatorView, { eager, quiet }: AutopilotOptions): Action | null {
	const vote = view.votes.at(-1);
	const open = vote?.status === 'open' ? vote : undefined;
	if (open) return view.notVoted.length === 0 || (eager && quiet) ? { type: 'closeVote' } : null;
	switch (view.phase) {
		case 'lobby':
			return view.seats.every((s) => s.player !== null) ? { type: 'start' } : null;
		case 'briefing':
		case 'opening':
			return eager && quiet ? { type: 'advance' } : null;
		case 'clauses': {
			const clause = view.floor!.clauseId;
			if (clause in view.adopted) return { type: 'advance' };
			return eager && quiet ? { type: 'openVote' } : null;
		}
		case 'ratification':
			return { type: 'openVote' };
		default:
			return null;
	}
}
