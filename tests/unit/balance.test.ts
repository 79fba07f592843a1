/**
 * A deterministic run of the balance checks (fixed seeds, a few hundred games) at the default
 * table under dual-key, the game's default. It holds the targets this scenario meets there, so a
 * change to the roles, the cards or the script that breaks one fails here; `npm run simulate --
 * --check` runs every target at every table and rule, over 1,000 games each.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { playTable, tables, type GameRecord } from '../../scripts/balance/play';
import { check } from '../../scripts/balance/targets';
import type { Scenario } from '../../src/lib/scenario/schema';
import { shippedScenario } from '../helpers/server';

let scenario: Scenario;
let games: GameRecord[];
beforeAll(async () => {
	scenario = await shippedScenario();
	const table = tables(scenario).find((t) => t.name === 'default table')!;
	games = Array.from({ length: 240 }, (_, i) => playTable(scenario, table, 'dual-key', 1 + i));
}, 240_000);

const target = (name: RegExp) => {
	const found = check(scenario, 'dual-key', games).filter((c) => name.test(c.target));
	expect(found.length).toBeGreaterThan(0);
	return found;
};

describe('balance at the default table under dual-key, over 240 seeded games', () => {
	it('signs the treaty in 35–70% of games', () => {
		for (const c of target(/^treaty signed/)) expect(c.pass, c.measured).toBe(true);
	});

	it('adopts the text that opened on the floor in at most 65% of adopted clauses', () => {
		for (const c of target(/text on the floor/)) expect(c.pass, c.measured).toBe(true);
	});

	it('has each sceptic vote against a treaty that misses its conditions in at least half of those games', () => {
		const sceptics = target(/votes against ratification/);
		expect(sceptics.length).toBe(3);
		for (const c of sceptics) expect(c.pass, `${c.target}: ${c.measured}`).toBe(true);
	});

	it('never signs a treaty silent on scope or activation', () => {
		for (const c of target(/silent on a required clause/)) expect(c.pass, c.measured).toBe(true);
	});

	it('gives five of the nine roles a mean score within 45–70', () => {
		// The roles that meet the score target today; npm run simulate lists the others, which do not yet.
		for (const role of ['idf-chief', 'white-house-adviser', 'planning-directorate', 'former-nsa', 'academic-expert']) {
			const [c] = target(new RegExp(`^${role}: mean score`));
			expect(c.pass, `${c.target}: ${c.measured}`).toBe(true);
		}
	});
});
