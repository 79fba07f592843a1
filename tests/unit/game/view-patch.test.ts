/**
 * Patches rebuild every view exactly: through whole bot games, each seat's, the facilitator's and
 * the projector's view, sent once whole and then only as patches over the wire (JSON), comes out
 * equal to the view sent whole; and the patches are a small fraction of the views. The table's
 * change is worked out once for all viewers, as the server does, while each viewer lags behind by
 * a different number of states.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { HeldView } from '../../../src/lib/client/held-view';
import { playOut } from '../../../src/lib/game/bots/table-bots';
import { createGame } from '../../../src/lib/game/engine';
import { buildSeats } from '../../../src/lib/game/seats';
import type { GameConfig, GameState } from '../../../src/lib/game/types';
import { assemble, facilitatorParts, seatParts, spectatorParts, type AnyView, type ViewParts } from '../../../src/lib/game/view';
import { diffParts, TableDiffs } from '../../../server/view-diff';
import { patchView, type ViewPatch } from '../../../src/lib/protocol/view-patch';
import type { Scenario } from '../../../src/lib/scenario/schema';
import { shippedScenario } from '../../helpers/server';

let scenario: Scenario;
beforeAll(async () => {
	scenario = await shippedScenario();
});

const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value));

function game(seed: number): GameState {
	const seatCounts = { 'white-house-adviser': 1 + (seed % 3) };
	const config: GameConfig = {
		scenarioId: scenario.id,
		votingRule: 'dual-key',
		ballot: { tally: seed % 2 ? 'live' : 'hidden', ballots: seed % 3 ? 'named' : 'secret' },
		seatCounts,
		timers: { briefing: null, opening: null, debate: null, vote: null },
		seed,
		botSeats: buildSeats(scenario, { seatCounts }).map((s) => s.id)
	};
	return createGame(`PATCH${seed}`, config, scenario);
}

describe('view patches', { timeout: 60_000 }, () => {
	it('rebuild every viewer’s view exactly, all game long, in a fraction of the bytes', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
				const { steps } = playOut(game(seed), { now: 0, scenario });
				const states = steps.flatMap((s) => (s.outcome.ok ? [s.outcome.state] : []));
				const viewers: ((state: GameState) => ViewParts)[] = [
					(s) => facilitatorParts(s, scenario),
					(s) => spectatorParts(s, scenario),
					...states[0].seats.map((seat) => (s: GameState) => seatParts(s, seat.id, scenario))
				];
				// Viewer i is brought up to date every (i % 3) + 1 states, so patches span one state or several.
				const sent = viewers.map((viewOf) => viewOf(states[0]));
				const held = sent.map((parts) => wire(assemble(parts)));
				let whole = 0;
				let patched = 0;
				for (const [n, state] of states.slice(1).entries()) {
					const tables = new TableDiffs();
					viewers.forEach((viewOf, i) => {
						if ((n + 1) % ((i % 3) + 1) !== 0 && n + 2 < states.length) return;
						const next = viewOf(state);
						const patch = diffParts(sent[i], next, tables)!;
						held[i] = patchView(held[i], wire(patch));
						expect(held[i]).toEqual(wire(assemble(next)));
						whole += JSON.stringify(assemble(next)).length;
						patched += JSON.stringify(patch).length;
						sent[i] = next;
					});
				}
				expect(patched).toBeLessThan(whole / 20);
			}),
			{ numRuns: 3 }
		);
	});

	it('need a view of the same kind: a seat turned watcher is sent its view whole', () => {
		const state = game(1);
		expect(diffParts(seatParts(state, 'dermer', scenario), spectatorParts(state, scenario))).toBeNull();
	});

	it('leave out a seat’s own details rebuilt with the same values, and carry them when a value changed', () => {
		const state = game(2);
		const sent = seatParts(state, 'dermer', scenario);
		const again = seatParts(state, 'dermer', scenario);
		expect(again.own.you).not.toBe(sent.own.you);
		expect(diffParts(sent, again)!.ops).toEqual([]);
		const changed = { ...again, own: { ...again.own, you: { ...again.own.you, amendmentsLeft: sent.own.you.amendmentsLeft - 1 } } };
		expect(diffParts(sent, changed)!.ops).toEqual([{ op: 'replace', path: '/you/amendmentsLeft', value: sent.own.you.amendmentsLeft - 1 }]);
	});
});

describe('a browser holding a view', () => {
	const view = (seq: number) => ({ as: 'spectator', seq }) as unknown as AnyView;
	const step = (from: number): ViewPatch => ({ from, seq: from + 1, ops: [{ op: 'replace', path: '/seq', value: from + 1 }] });

	it('applies patches in order, and keeps one that comes before its view until the view arrives', () => {
		const held = new HeldView();
		expect(held.patch(step(5))).toBe('waiting');
		expect(held.behind).toBe(true);
		held.receive(view(5));
		expect(held.view!.seq).toBe(6);
		expect(held.behind).toBe(false);
		expect(held.patch(step(6))).toBe('applied');
		expect(held.view!.seq).toBe(7);
	});

	it('drops a patch its view has overtaken, ignores an older whole view, and gives up on patches that never fit', () => {
		const held = new HeldView();
		held.receive(view(9));
		expect(held.patch(step(4))).toBe('stale');
		expect(held.receive(view(3))).toBe(false);
		expect(held.view!.seq).toBe(9);
		const outcomes = Array.from({ length: 21 }, (_, i) => held.patch(step(20 + i * 2)));
		expect(outcomes.at(-1)).toBe('lost');
		expect(held.behind).toBe(false);
	});

	it('never lets a patch reach an object prototype', () => {
		const held = new HeldView();
		held.receive(view(1));
		expect(() => held.patch({ from: 1, seq: 2, ops: [{ op: 'add', path: '/__proto__/polluted', value: true }] })).toThrow();
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});
