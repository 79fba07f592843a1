/**
 * `npm run simulate -- --games N --seed S [--rule dual-key|majority|consensus] [--advisers 1-3] [--core-only]`
 *
 * Plays N games with a scripted role in every seat and the autopilot as facilitator, headless,
 * and prints per role the mean score and its spread, how often the treaty is signed, and how
 * often each variant is adopted. Used to keep the scenario balanced: no role should be hopeless.
 */
import { parseArgs } from 'node:util';
import { createGame } from '../src/lib/game/engine';
import { playOut } from '../src/lib/game/bots/table-bots';
import { buildSeats } from '../src/lib/game/seats';
import type { GameConfig } from '../src/lib/game/types';
import { scoreRole } from '../src/lib/game/scoring';
import { loadDefaultScenario } from '../server/scenario/load';
import { VotingRule } from '../src/lib/scenario/schema';

const { values } = parseArgs({
	options: {
		games: { type: 'string', default: '1000' },
		seed: { type: 'string', default: '1' },
		rule: { type: 'string', default: 'dual-key' },
		advisers: { type: 'string', default: '1' },
		'core-only': { type: 'boolean', default: false }
	}
});
const games = Number(values.games);
const seed = Number(values.seed);
const rule = VotingRule.parse(values.rule);
if (!Number.isInteger(games) || games < 1) throw new Error('--games takes a whole number of games, e.g. --games 1000');

const loaded = await loadDefaultScenario();
if (!loaded.ok) throw new Error('the shipped scenario does not validate; run npm run scenario:check');
const scenario = loaded.scenario;

const seatCounts: Record<string, number> = { 'white-house-adviser': Number(values.advisers) };
if (!values['core-only']) for (const role of scenario.roles) if (!role.core) seatCounts[role.id] = 1;
const seats = buildSeats(scenario, { seatCounts });

const scores = new Map<string, number[]>();
const adopted = new Map<string, number>();
let signed = 0;
let actions = 0;
const started = performance.now();
const cpuBefore = process.cpuUsage();
for (let i = 0; i < games; i++) {
	const config: GameConfig = {
		scenarioId: scenario.id,
		votingRule: rule,
		ballot: { tally: 'live', ballots: 'named' },
		seatCounts,
		timers: { briefing: null, opening: null, debate: null, vote: null },
		seed: seed + i,
		botSeats: seats.map((s) => s.id)
	};
	const { state, steps } = playOut(createGame(`SIM${i}`, config, scenario), { now: 0, scenario });
	actions += steps.length;
	if (state.signed) signed++;
	for (const variant of Object.values(state.adopted)) if (variant) adopted.set(variant, (adopted.get(variant) ?? 0) + 1);
	for (const seat of state.seats) {
		const role = scenario.roles.find((r) => r.id === seat.roleId)!;
		const list = scores.get(role.id) ?? [];
		list.push(scoreRole(role, state).score);
		scores.set(role.id, list);
	}
}
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const spread = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
const pct = (n: number) => `${((100 * n) / games).toFixed(1)}%`;

console.log(
	`${games} games (${rule}, ${seats.length} seats, seeds ${seed}–${seed + games - 1}): ${seconds.toFixed(2)} s elapsed, ${cpuSeconds.toFixed(2)} s of CPU (${(games / cpuSeconds).toFixed(0)} games per CPU-second), ${actions} actions`
);
console.log(`treaty signed in ${pct(signed)} of games\n`);
console.log('role                      mean score   spread   min   max');
for (const [role, xs] of scores)
	console.log(`${role.padEnd(26)}${mean(xs).toFixed(1).padStart(10)}${spread(xs).toFixed(1).padStart(9)}${String(Math.min(...xs)).padStart(6)}${String(Math.max(...xs)).padStart(6)}`);
console.log('\nvariant adopted (share of games)');
for (const clause of scenario.clauses)
	console.log(`  ${clause.id.padEnd(20)} ${clause.variants.map((v) => `${v.id.split('.')[1]} ${pct(adopted.get(v.id) ?? 0)}`).join('   ')}`);
