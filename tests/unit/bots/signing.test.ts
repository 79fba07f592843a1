/** Scripted roles weigh the cards argued for or against signing any treaty when they ratify. */
import { describe, expect, it } from 'vitest';
import { SIGNING_PULL as CARD_PULL, MAX_SIGNING_SHIFT as MAX_SHIFT, ratificationChoice } from '../../../src/lib/game/bots/doctrine';
import type { Score } from '../../../src/lib/game/scoring';

const score = (points: number, redLinesCrossed: string[] = []): Score => ({
	score: points,
	objectives: 0,
	fromText: 0,
	wantsSigned: false,
	stanceMet: false,
	redLinesCrossed,
	won: []
});

describe('ratifying the assembled text', () => {
	it('signs a text that scores a little better signed, until cards against any treaty are heard', () => {
		expect(ratificationChoice(score(34), score(30), 0)).toBe('yes');
		// Eisenkot's "doesn't need a defense pact" and Nagel's "lack of confidence" on the table.
		expect(ratificationChoice(score(34), score(30), -2 * CARD_PULL)).toBe('no');
	});

	it('is moved towards signing by cards for a treaty', () => {
		expect(ratificationChoice(score(28), score(30), CARD_PULL)).toBe('yes');
	});

	it('never signs over a red line, however the table argued', () => {
		expect(ratificationChoice(score(90, ['scope.any-attack']), score(0), MAX_SHIFT)).toBe('no');
	});
});
