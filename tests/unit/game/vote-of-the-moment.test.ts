/**
 * The vote the player page and the projector show: one rule for both, with the projector keeping
 * the ratification's outcome up through the debrief.
 */
import { describe, expect, it } from 'vitest';
import { voteOfTheMoment } from '../../../src/lib/game/vote-of-the-moment';
import type { Phase } from '../../../src/lib/game/types';
import type { VoteView } from '../../../src/lib/game/view';

const vote = (over: Partial<VoteView>) => ({ id: 1, kind: 'clause', clauseId: 'scope', status: 'open', ...over }) as VoteView;
const view = (phase: Phase, votes: VoteView[], floorClause: string | null = null) => ({
	phase,
	votes,
	floor: floorClause ? { clauseId: floorClause, variantId: 'a' } : null
});

describe('the vote of the moment', () => {
	it('is the latest vote while it is on the clause on the floor', () => {
		const onFloor = vote({ clauseId: 'scope' });
		expect(voteOfTheMoment(view('clauses', [onFloor], 'scope'))).toBe(onFloor);
		expect(voteOfTheMoment(view('clauses', [onFloor], 'duration'))).toBeUndefined();
		expect(voteOfTheMoment(view('clauses', [], 'scope'))).toBeUndefined();
		expect(voteOfTheMoment(null)).toBeUndefined();
	});

	it('is the ratification while the treaty is put to it, and on the projector through the debrief', () => {
		const ratification = vote({ kind: 'ratification', clauseId: null, status: 'closed' });
		expect(voteOfTheMoment(view('ratification', [ratification]))).toBe(ratification);
		expect(voteOfTheMoment(view('debrief', [ratification]))).toBeUndefined();
		expect(voteOfTheMoment(view('debrief', [ratification]), { keepRatification: true })).toBe(ratification);
		expect(voteOfTheMoment(view('ratification', [vote({ clauseId: 'scope' })]))).toBeUndefined();
	});
});
