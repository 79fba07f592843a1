/**
 * A deterministic run of the balance checks (fixed seeds, a few hundred games) at the default
 * table under dual-key, the game's default. It holds the targets this scenario meets there, so a
 * change to the roles, the cards or the script that breaks one fails here, and it names those
 * it still misses (the README's balance section says why), so that meeting one is noticed too;
 * `npm run simulate -- --check` runs every target at every table and rule, over 1,000 games each.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { playTable, tables, type GameRecord, type Table } from '../../scripts/balance/play';
import { canPass, check } from '../../scripts/balance/targets';
import type { Scenario } from '../../src/lib/scenario/schema';
import { shippedScenario } from '../helpers/server';

const GAMES = 400;
/**
 * The target the default game still misses over these games: some options are never adopted.
 * (Over 1,000 games Kelman also falls just short of 5% of top scores; here he passes, and the
 * draft's share, 65.0%, just passes.)
 */
const STILL_MISSED = [/^every variant the rule lets pass/];

let scenario: Scenario;
let games: GameRecord[];
let table: Table;
beforeAll(async () => {
	scenario = await shippedScenario();
	table = tables(scenario).find((t) => t.name === 'default table')!;
	games = Array.from({ length: GAMES }, (_, i) => playTable(scenario, table, 'dual-key', 1 + i));
}, 400_000);

const target = (name: RegExp) => {
	const found = check(scenario, table, 'dual-key', games).filter((c) => name.test(c.target));
	expect(found.length).toBeGreaterThan(0);
	return found;
};

describe(`balance at the default table under dual-key, over ${GAMES} seeded games`, () => {
	it('signs the treaty in 35–70% of games', () => {
		for (const c of target(/^treaty signed/)) expect(c.pass, c.measured).toBe(true);
	});

	it('has each sceptic vote against a treaty that misses its conditions in at least half of those games', () => {
		const sceptics = target(/votes against ratification/);
		expect(sceptics.length).toBe(3);
		for (const c of sceptics) expect(c.pass, `${c.target}: ${c.measured}`).toBe(true);
	});

	it('never signs a treaty silent on scope or activation', () => {
		for (const c of target(/silent on a required clause/)) expect(c.pass, c.measured).toBe(true);
	});

	it('gives every role a mean score within 45–70', () => {
		const means = target(/: mean score/);
		expect(means.length).toBe(9);
		for (const c of means) expect(c.pass, `${c.target}: ${c.measured}`).toBe(true);
	});

	it('gives every role the top score at least once in twenty games', () => {
		const tops = target(/: top score/);
		expect(tops.length).toBe(9);
		for (const c of tops) expect(c.pass, `${c.target}: ${c.measured}`).toBe(!STILL_MISSED.some((m) => m.test(c.target)));
	});

	it('misses only the targets it is known to miss', () => {
		const missed = check(scenario, table, 'dual-key', games).filter((c) => !c.pass);
		expect(missed.map((c) => STILL_MISSED.findIndex((m) => m.test(c.target))).sort()).toEqual(STILL_MISSED.map((_, i) => i));
	});

	it('leaves out of the adoption target only texts the rule lets red lines block', () => {
		const full = table.seatCounts;
		// The White House holds the US key alone: its red line on the Saudi package blocks it under dual-key...
		expect(canPass(scenario, 'dual-key', full, 'saudi-track.package')).toBe(false);
		// ...but not under majority, where it is one seat of nine.
		expect(canPass(scenario, 'majority', full, 'saudi-track.package')).toBe(true);
		// One red line is a veto under consensus; a text nobody refuses is always in play.
		expect(canPass(scenario, 'consensus', full, 'us-forces.standing')).toBe(false);
		expect(canPass(scenario, 'consensus', full, 'term.indefinite')).toBe(true);
	});
});
