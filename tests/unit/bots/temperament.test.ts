/** A seat's temperament varies its play, but never against its brief; the table's arguments can. */
import { describe, expect, it } from 'vitest';
import { amendmentChoice, lead, preferred, TEMPERAMENT, type Doctrine } from '../../../src/lib/game/bots/doctrine';

/** A role that names `us-forces.none` (weight 2) and nothing else of the clause, with the given temperaments and table pushes. */
function doctrine(temper: Record<string, number>, pushed: Record<string, number> = {}): Doctrine {
	const weights: Record<string, number> = { 'us-forces.none': 2 };
	const redLine = (v: string) => v === 'assistance.silent';
	const base = (v: string) => (redLine(v) ? -Infinity : (weights[v] ?? 0) + (temper[v] ?? 0));
	return {
		weight: (v) => weights[v] ?? 0,
		redLine,
		baseUtility: base,
		utility: (v) => base(v) + (pushed[v] ?? 0),
		temper: (v) => temper[v] ?? 0,
		pushes: () => [],
		tableCards: [],
		signingPull: 0,
		signingPushes: []
	};
}

const clause = ['us-forces.none', 'us-forces.on-request', 'us-forces.standing'];
// The widest gap temperament can open: against the named aim, for a text the brief leaves out.
const contrary = { 'us-forces.none': -TEMPERAMENT, 'us-forces.standing': TEMPERAMENT };

describe('temperament', () => {
	it('never ranks a text the brief leaves out above one it names, however far it leans', () => {
		const d = doctrine(contrary);
		expect(d.utility('us-forces.standing')).toBeGreaterThan(d.utility('us-forces.none'));
		expect(lead(d, 'us-forces.none', 'us-forces.standing')).toBe(2);
		expect(preferred(d, clause)).toBe('us-forces.none');
		expect(amendmentChoice(d, 'us-forces.none', 'us-forces.standing')).toBe('no');
		expect(amendmentChoice(d, 'us-forces.standing', 'us-forces.none')).toBe('yes');
	});

	it('still orders the texts the brief leaves open', () => {
		const d = doctrine({ 'us-forces.on-request': 3, 'us-forces.standing': -5 });
		expect(lead(d, 'us-forces.on-request', 'us-forces.standing')).toBe(8);
		expect(amendmentChoice(d, 'us-forces.standing', 'us-forces.on-request')).toBe('yes');
	});

	it('gives way to the table: arguments heard for a text the brief leaves out can carry it', () => {
		const d = doctrine(contrary, { 'us-forces.standing': 4 });
		expect(lead(d, 'us-forces.standing', 'us-forces.none')).toBe(2);
		expect(amendmentChoice(d, 'us-forces.none', 'us-forces.standing')).toBe('yes');
	});

	it('leaves red lines where they are', () => {
		const d = doctrine({ 'assistance.silent': TEMPERAMENT });
		expect(amendmentChoice(d, 'assistance.mou-untouched', 'assistance.silent')).toBe('no');
		expect(lead(d, 'assistance.silent', 'assistance.mou-untouched')).toBe(-Infinity);
	});
});
