/**
 * Sealing secret votes as they close changes nothing anyone can see: whole bot games replayed
 * with every closed vote sealed accept the same actions and show the same views and debrief.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { playOut } from '../../../src/lib/game/bots/table-bots';
import { apply, createGame } from '../../../src/lib/game/engine';
import { sealVotes, votesToSeal } from '../../../src/lib/game/seal';
import { buildSeats } from '../../../src/lib/game/seats';
import { castsOf } from '../../../src/lib/game/ballot-history';
import type { GameConfig, GameState } from '../../../src/lib/game/types';
import { facilitatorView, seatView, spectatorView } from '../../../src/lib/game/view';
import type { Scenario } from '../../../src/lib/scenario/schema';
import { shippedScenario } from '../../helpers/server';

let scenario: Scenario;
beforeAll(async () => {
	scenario = await shippedScenario();
});

function secretGame(seed: number): GameState {
	const seatCounts = { 'white-house-adviser': 2 };
	const config: GameConfig = {
		scenarioId: scenario.id,
		votingRule: 'dual-key',
		ballot: { tally: seed % 2 ? 'live' : 'hidden', ballots: 'secret' },
		seatCounts,
		timers: { briefing: null, opening: null, debate: null, vote: null },
		seed,
		botSeats: buildSeats(scenario, { seatCounts }).map((s) => s.id)
	};
	return createGame(`SEAL${seed}`, config, scenario);
}

const everyView = (state: GameState) => ({
	facilitator: facilitatorView(state, scenario),
	spectator: spectatorView(state, scenario),
	seats: state.seats.map((s) => seatView(state, s.id, scenario))
});

describe('sealing secret votes', { timeout: 60_000 }, () => {
	it('keeps every view and the debrief as they were, whole game long', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
				const ctx = { now: 0, scenario };
				const played = playOut(secretGame(seed), ctx);
				let plain = secretGame(seed);
				let sealed = plain;
				let n = 0;
				const pseudonyms = () => `voter-${++n}`;
				let seals = 0;
				for (const step of played.steps) {
					const next = apply(sealed, step.action, step.actor, ctx);
					if (!next.ok) throw new Error(`refused on a sealed state: ${next.code}`);
					const closing = votesToSeal(sealed, next.state);
					seals += closing.length;
					sealed = sealVotes(next.state, closing, pseudonyms);
					const outcome = apply(plain, step.action, step.actor, ctx);
					if (!outcome.ok) throw new Error('the plain replay diverged');
					plain = outcome.state;
					if (closing.length) expect(everyView(sealed)).toEqual(everyView(plain));
				}
				expect(seals).toBe(plain.votes.length);
				expect(everyView(sealed)).toEqual(everyView(plain));
				const seatIds = new Set(plain.seats.map((s) => s.id));
				for (const vote of sealed.votes) {
					expect(Object.keys(vote.ballots).some((k) => seatIds.has(k))).toBe(false);
					expect(castsOf(vote.history).some((c) => seatIds.has(c.seat))).toBe(false);
				}
			}),
			{ numRuns: 5 }
		);
	});

	it('leaves named votes alone', () => {
		const state = secretGame(3);
		const named = { ...state, config: { ...state.config, ballot: { tally: 'live' as const, ballots: 'named' as const } } };
		expect(votesToSeal(named, named)).toEqual([]);
	});
});
