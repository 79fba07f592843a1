/** Coaching after a solo game: what moved the scripted roles, what was won and lost, what to try next. */
import { beforeAll, describe, expect, it } from 'vitest';
import { coaching } from '../../../src/lib/game/coaching';
import { playOut } from '../../../src/lib/game/bots/table-bots';
import { createGame } from '../../../src/lib/game/engine';
import { scoreRole } from '../../../src/lib/game/scoring';
import { buildSeats } from '../../../src/lib/game/seats';
import type { GameConfig } from '../../../src/lib/game/types';
import type { Scenario } from '../../../src/lib/scenario/schema';
import { shippedScenario } from '../../helpers/server';

let scenario: Scenario;
beforeAll(async () => {
	scenario = await shippedScenario();
});

/** A solo game in which the learner's seat is played by the script too, so that it argues and votes. */
function soloGame(seed: number, ballots: 'named' | 'secret' = 'named', votingRule: GameConfig['votingRule'] = 'dual-key') {
	const seatCounts = { 'white-house-adviser': 1, 'planning-directorate': 1, 'former-nsa': 1 };
	const seats = buildSeats(scenario, { seatCounts });
	const config: GameConfig = {
		scenarioId: scenario.id,
		votingRule,
		ballot: { tally: 'live', ballots },
		seatCounts,
		timers: { briefing: null, opening: null, debate: null, vote: null },
		seed,
		botSeats: seats.map((s) => s.id),
		autopilot: true
	};
	return playOut(createGame(`CO${seed}`, config, scenario), { now: 0, scenario }).state;
}

describe('coaching after a solo game', { timeout: 60_000 }, () => {
	it('traces changes of vote to the learner’s posts, and only to them', () => {
		let traced = 0;
		for (let seed = 1; seed <= 12; seed++) {
			const state = soloGame(seed);
			const learner = 'idf-chief';
			const { moved } = coaching(state, scenario, learner);
			for (const m of moved!) {
				traced++;
				expect(m.seat).not.toBe(learner);
				expect(m.from).not.toBe(m.to);
				const ballot = state.votes[m.vote - 1].ballots[m.seat];
				// The role voted as coaching says the learner moved it to.
				expect(ballot.choice).toBe(m.to);
				for (const p of m.posts) expect(state.posts[p.post - 1].seat).toBe(learner);
			}
		}
		expect(traced).toBeGreaterThan(0);
	});

	it('lists what the learner won and left on the table, heaviest first, as the score counts them', () => {
		const state = soloGame(3);
		const role = scenario.roles.find((r) => r.id === 'dermer')!;
		const { won, left } = coaching(state, scenario, 'dermer');
		expect(new Set(won.map((w) => w.variant))).toEqual(new Set(scoreRole(role, state).won.map((w) => w.variant)));
		for (const l of left) {
			expect(role.objectives.weights[l.variant]).toBe(l.weight);
			expect(state.adopted[l.variant.split('.')[0]]).toBe(l.instead);
		}
		expect(left.map((l) => l.weight)).toEqual([...left.map((l) => l.weight)].sort((a, b) => b - a));
	});

	it('suggests one concrete next step about the heaviest aim lost', () => {
		for (let seed = 1; seed <= 6; seed++) {
			const state = soloGame(seed);
			const { left, next } = coaching(state, scenario, 'mossad-director');
			if (!left.length) expect(next.kind).toBe('keep-going');
			else if (next.kind !== 'keep-going' && next.kind !== 'answer') expect(next.variant).toBe(left[0].variant);
			if (next.kind === 'play-card') expect(state.hands['mossad-director']).toContain(next.card);
		}
	});

	it('credits the learner’s ballot when a role for the pact gives way to it under simple majority', () => {
		// The learner holds the White House's only seat: its "no" is the US government's.
		const learner = 'white-house-adviser-1';
		let credited = 0;
		for (let seed = 1; seed <= 16; seed++) {
			const state = soloGame(seed, 'named', 'majority');
			for (const m of coaching(state, scenario, learner).moved!) {
				const vote = state.votes[m.vote - 1];
				expect(vote.ballots[m.seat].choice).toBe(m.to);
				if (!m.ballot) continue;
				credited++;
				// The learner's ballot it read is the one they had cast before it voted.
				expect(vote.ballots[learner].choice).toBe(m.ballot);
				// Only a role for the pact heeds the other government.
				const role = scenario.roles.find((r) => r.id === m.roleId)!;
				expect(role.objectives.signing).toBe('for');
				expect(role.side).not.toBe('us');
			}
		}
		expect(credited).toBeGreaterThan(0);
		// Under dual-key the White House's "no" already decides: nobody gives way to it.
		for (let seed = 1; seed <= 6; seed++)
			for (const m of coaching(soloGame(seed), scenario, learner).moved!) expect(m.ballot).toBeNull();
	});

	it('traces nobody’s vote under secret ballots', () => {
		expect(coaching(soloGame(2, 'secret'), scenario, 'dermer').moved).toBeNull();
	});
});
