import { describe, expect, it } from 'vitest';
import { atFirstClause, attempt, facilitator, play, seat, vote } from '../../helpers/game';

describe('amendments', () => {
	it('is voted before the clause and, when adopted, changes the text on the floor', () => {
		const proposed = play(atFirstClause(), [[seat('general'), { type: 'proposeAmendment', variant: 'scope.broad' }]]);
		expect(proposed.amendments[0]).toMatchObject({ seat: 'general', from: 'scope.narrow', to: 'scope.broad', status: 'pending' });
		const voting = play(proposed, [[facilitator, { type: 'openVote' }]]);
		expect(voting.votes[0]).toMatchObject({ kind: 'amendment', variantId: 'scope.broad', amendmentId: 1 });
		const adopted = play(voting, [vote('general', 'yes'), vote('adviser-1', 'yes'), [facilitator, { type: 'closeVote' }]]);
		expect(adopted.amendments[0].status).toBe('adopted');
		expect(adopted.floor).toEqual({ clauseId: 'scope', variantId: 'scope.broad' });
		expect('scope' in adopted.adopted).toBe(false);
		const clauseVote = play(adopted, [[facilitator, { type: 'openVote' }]]);
		expect(clauseVote.votes[1]).toMatchObject({ kind: 'clause', variantId: 'scope.broad' });
	});

	it('keeps the floor text when the amendment is rejected', () => {
		const state = play(atFirstClause(), [
			[seat('general'), { type: 'proposeAmendment', variant: 'scope.broad' }],
			[facilitator, { type: 'openVote' }],
			vote('minister', 'no'),
			[facilitator, { type: 'closeVote' }]
		]);
		expect(state.amendments[0].status).toBe('rejected');
		expect(state.floor?.variantId).toBe('scope.narrow');
	});

	it('allows one pending amendment per clause, only other variants of it, within the seat’s limit', () => {
		const floor = atFirstClause();
		expect(attempt(floor, seat('general'), { type: 'proposeAmendment', variant: 'scope.narrow' })).toMatchObject({ code: 'same_variant' });
		expect(attempt(floor, seat('general'), { type: 'proposeAmendment', variant: 'term.indefinite' })).toMatchObject({ code: 'variant_not_on_floor' });
		const pending = play(floor, [[seat('general'), { type: 'proposeAmendment', variant: 'scope.broad' }]]);
		expect(attempt(pending, seat('minister'), { type: 'proposeAmendment', variant: 'scope.broad' })).toMatchObject({ code: 'amendment_pending' });
		expect(attempt(pending, seat('minister'), { type: 'withdrawAmendment' })).toMatchObject({ code: 'not_your_amendment' });
		// The tiny scenario allows one amendment per seat.
		const rejected = play(pending, [[facilitator, { type: 'openVote' }], [facilitator, { type: 'closeVote' }]]);
		expect(attempt(rejected, seat('general'), { type: 'proposeAmendment', variant: 'scope.broad' })).toMatchObject({ code: 'amendment_limit' });
	});

	it('can be withdrawn by its proposer before its vote, which does not use up the limit', () => {
		const state = play(atFirstClause(), [
			[seat('general'), { type: 'proposeAmendment', variant: 'scope.broad' }],
			[seat('general'), { type: 'withdrawAmendment' }]
		]);
		expect(state.amendments[0].status).toBe('withdrawn');
		expect(attempt(state, seat('general'), { type: 'proposeAmendment', variant: 'scope.broad' }).ok).toBe(true);
	});
});
