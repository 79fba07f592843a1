/**
 * Under simple majority a role for the pact gives way to the other government: when most of that
 * government's seats are voting a text down in the open tally, it counts the text worth three
 * quarters of its stake less, since the treaty needs both governments' keys at ratification.
 * Checked over seeded scripted games.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createGame } from '../../../src/lib/game/engine';
import { playOut } from '../../../src/lib/game/bots/table-bots';
import { buildSeats } from '../../../src/lib/game/seats';
import type { BallotSetting, Scenario, VotingRule } from '../../../src/lib/scenario/schema';
import type { GameState, Vote } from '../../../src/lib/game/types';
import { tables } from '../../../scripts/balance/play';
import { shippedScenario } from '../../helpers/server';

let scenario: Scenario;
beforeAll(async () => {
	scenario = await shippedScenario();
});

function scriptedGame(seed: number, votingRule: VotingRule, ballot: BallotSetting): GameState {
	const { seatCounts } = tables(scenario)[0];
	const config = {
		scenarioId: scenario.id,
		votingRule,
		ballot,
		seatCounts,
		timers: { briefing: null, opening: null, debate: null, vote: null },
		seed,
		botSeats: buildSeats(scenario, { seatCounts }).map((s) => s.id)
	};
	return playOut(createGame(`HEED${seed}`, config, scenario), { now: 0, scenario }).state;
}

/** The line a reason was said in, when it is one of the role's `heed` lines. */
const heedLine = (role: Scenario['roles'][number], reason: string) =>
	role.voice?.heed?.find((line) => {
		const [before, after] = line.split('{aim}');
		return reason.startsWith(before) && reason.includes(after);
	});

/** The text a government's majority voted against in this vote, as the ballots closed. */
function objectedBy(state: GameState, vote: Vote, side: 'israel' | 'us'): string | undefined {
	const seats = state.seats.filter((s) => s.side === side && s.player !== null);
	const most = (choice: string) => seats.filter((s) => vote.ballots[s.id]?.choice === choice).length > seats.length / 2;
	const amendment = vote.kind === 'amendment' ? state.amendments.find((a) => a.id === vote.amendmentId) : undefined;
	if (most('no')) return amendment ? amendment.to : vote.variantId!;
	if (amendment && most('yes')) return amendment.from;
	return undefined;
}

describe('a role for the pact heeding the other government', { timeout: 120_000 }, () => {
	it('gives way only when most of the other government’s seats vote the text down, and says so in its own voice', () => {
		let heeded = 0;
		for (let seed = 1; seed <= 60; seed++) {
			const state = scriptedGame(seed, 'majority', { tally: 'live', ballots: 'named' });
			for (const vote of state.votes) {
				for (const [seatId, ballot] of Object.entries(vote.ballots)) {
					const seat = state.seats.find((s) => s.id === seatId)!;
					const role = scenario.roles.find((r) => r.id === seat.roleId)!;
					const line = heedLine(role, ballot.reason ?? '');
					if (!line) continue;
					heeded++;
					expect(role.objectives.signing, `${seatId}: ${ballot.reason}`).toBe('for');
					expect(vote.kind).not.toBe('ratification');
					const others = (['israel', 'us'] as const).filter((side) => side !== seat.side);
					const objected = others.map((side) => objectedBy(state, vote, side)).find(Boolean);
					expect(objected, `vote ${vote.id} of game ${seed}: ${ballot.reason}`).toBeDefined();
					// It lets the objected text go: against it on a clause, or towards the other text on an amendment.
					const amendment = vote.kind === 'amendment' ? state.amendments.find((a) => a.id === vote.amendmentId)! : undefined;
					const against = amendment ? (objected === amendment.to ? ballot.choice !== 'yes' : ballot.choice !== 'no') : ballot.choice !== 'yes';
					expect(against, `vote ${vote.id} of game ${seed}: ${ballot.choice} — ${ballot.reason}`).toBe(true);
					// The Hebrew says the same, in the role's Hebrew voice.
					const he = scenario.translations.he!.roles[role.id].voice!.heed!;
					expect(he.some((l) => ballot.in!.he!.startsWith(l.split('{aim}')[0])), ballot.in?.he).toBe(true);
				}
			}
		}
		// Under simple majority the White House is outvoted on clauses it must still ratify: it happens.
		expect(heeded).toBeGreaterThan(20);
	});

	it('hears nothing under a secret ballot or a hidden tally: nobody can see how the other government votes', () => {
		const heard = (ballot: BallotSetting) => {
			let lines = 0;
			for (let seed = 1; seed <= 20; seed++) {
				const state = scriptedGame(seed, 'majority', ballot);
				for (const vote of state.votes)
					for (const [seatId, b] of Object.entries(vote.ballots)) {
						// A sealed secret ballot no longer says whose it was: try every role's voice.
						const roles = scenario.roles.filter((r) => r.voice?.heed && (!state.seats.some((s) => s.id === seatId) || state.seats.find((s) => s.id === seatId)!.roleId === r.id));
						if (roles.some((r) => heedLine(r, b.reason ?? ''))) lines++;
					}
			}
			return lines;
		};
		// The same games with open, named ballots do hear it.
		expect(heard({ tally: 'live', ballots: 'named' })).toBeGreaterThan(0);
		expect(heard({ tally: 'live', ballots: 'secret' })).toBe(0);
		expect(heard({ tally: 'hidden', ballots: 'named' })).toBe(0);
	});

	it('heeds nothing under dual-key or consensus, where each government can already stop a text', () => {
		for (const rule of ['dual-key', 'consensus'] as const)
			for (let seed = 1; seed <= 20; seed++) {
				const state = scriptedGame(seed, rule, { tally: 'live', ballots: 'named' });
				const reasons = state.votes.flatMap((v) => Object.values(v.ballots).map((b) => b.reason ?? ''));
				const roles = scenario.roles.filter((r) => r.voice?.heed);
				for (const reason of reasons) expect(roles.some((r) => heedLine(r, reason)), `${rule}: ${reason}`).toBe(false);
			}
	});

	it('leaves the sceptics and open roles as they were: only a role for the pact gives way', () => {
		const roles = scenario.roles.filter((r) => r.voice?.heed).map((r) => r.id);
		expect(roles.sort()).toEqual(scenario.roles.filter((r) => r.objectives.signing === 'for').map((r) => r.id).sort());
	});
});
