/** Dealing on the shipped scenario: every seat, of any role at any table, holds a full hand, no card twice. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { deal } from '../../../src/lib/game/hands';
import { buildSeats } from '../../../src/lib/game/seats';
import type { Scenario } from '../../../src/lib/scenario/schema';
import { shippedScenario } from '../../helpers/server';

let scenario: Scenario;
beforeAll(async () => {
	scenario = await shippedScenario();
});

describe('the deal', () => {
	it('gives every seat a full hand, making up a short role deck from the shared deck, then from any card left', () => {
		const optional = () => scenario.roles.filter((r) => !r.core).map((r) => r.id);
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), (seed, advisers, everyone) => {
				const seatCounts: Record<string, number> = { 'white-house-adviser': advisers };
				if (everyone) for (const id of optional()) seatCounts[id] = 1;
				const seats = buildSeats(scenario, { seatCounts });
				const hands = deal(scenario, seats, seed);
				const size = scenario.defaults.hand.role + scenario.defaults.hand.shared;
				// Full hands whenever the scenario has the cards for them; otherwise as many as there are.
				const full = seats.length * size <= scenario.cards.length;
				for (const seat of seats) if (full) expect(hands[seat.id], seat.id).toHaveLength(size);
				if (!full) expect(Object.values(hands).flat()).toHaveLength(scenario.cards.length);
				const all = Object.values(hands).flat();
				expect(new Set(all).size).toBe(all.length);
			}),
			{ numRuns: 300 }
		);
	});
});
