/**
 * Engine: whole games with a scripted role in every seat and the autopilot facilitating, played
 * headless, in games per second. Beside it, in the same process, the baseline: the same games'
 * actions replayed through the engine with no one deciding — what the rules themselves cost — so
 * the ratio shows what the scripted roles' reasoning adds.
 *
 *   tsx bench/engine.ts [--quick]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { playOut } from '../src/lib/game/bots/table-bots';
import { createGame, replay } from '../src/lib/game/engine';
import { buildSeats } from '../src/lib/game/seats';
import type { GameConfig, GameState } from '../src/lib/game/types';
import { loadDefaultScenario } from '../server/scenario/load';

const quick = process.argv.includes('--quick');
const games = quick ? 40 : 300;
const loaded = await loadDefaultScenario();
if (!loaded.ok) throw new Error('the shipped scenario does not validate; run npm run scenario:check');
const scenario = loaded.scenario;

function table(seed: number): GameState {
	const seatCounts: Record<string, number> = { 'white-house-adviser': 1 + (seed % 3) };
	const config: GameConfig = {
		scenarioId: scenario.id,
		votingRule: (['dual-key', 'majority', 'consensus'] as const)[seed % 3],
		ballot: { tally: 'live', ballots: 'named' },
		seatCounts,
		timers: { briefing: null, opening: null, debate: null, vote: null },
		seed,
		botSeats: buildSeats(scenario, { seatCounts }).map((s) => s.id)
	};
	return createGame(`ENGINE${seed}`, config, scenario);
}

// Warm up the JIT on a few games first, then measure.
for (let seed = 1; seed <= 5; seed++) playOut(table(seed), { now: 0, scenario });

let actions = 0;
const logs: { seed: number; log: { action: never; actor: never; at: number }[] }[] = [];
let started = performance.now();
for (let seed = 100; seed < 100 + games; seed++) {
	const { steps } = playOut(table(seed), { now: 0, scenario });
	actions += steps.length;
	logs.push({ seed, log: steps.map((s) => ({ action: s.action as never, actor: s.actor as never, at: 0 })) });
}
const played = (performance.now() - started) / 1000;

started = performance.now();
for (const { seed, log } of logs) replay(table(seed), log, scenario);
const replayed = (performance.now() - started) / 1000;

const result = {
	date: new Date().toISOString(),
	cpu: cpus()[0]?.model,
	games,
	actionsPerGame: actions / games,
	gamesPerSecond: games / played,
	actionsPerSecond: actions / played,
	replayGamesPerSecond: games / replayed,
	botsOverReplay: played / replayed
};
console.log(`Engine: ${games} bot-only games, ${result.actionsPerGame.toFixed(0)} actions each.`);
console.log(`  played by scripted roles   ${result.gamesPerSecond.toFixed(1)} games/s (${result.actionsPerSecond.toFixed(0)} actions/s)`);
console.log(`  replayed, no one deciding  ${result.replayGamesPerSecond.toFixed(1)} games/s`);
console.log(`  playing takes ${result.botsOverReplay.toFixed(1)}× as long as replaying: the rest is the scripted roles deciding`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL(`./results/engine${quick ? '-quick' : ''}.json`, import.meta.url), JSON.stringify(result, null, '\t'));
