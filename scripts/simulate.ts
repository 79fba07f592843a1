/**
 * `npm run simulate -- [options]`: plays seeded games with a scripted role in every seat and
 * checks the scenario's balance targets at each table and voting rule. `--help` lists the options.
 */
import { parseArgs } from 'node:util';
import { loadDefaultScenario } from '../server/scenario/load';
import { votingRules, type VotingRule } from '../src/lib/scenario/schema';
import { playTable, tables, type GameRecord } from './balance/play';
import { check } from './balance/targets';

const HELP = `Plays seeded games with scripted roles in every seat and checks the balance targets.

Usage: npm run simulate -- [options]

  --games N        games per table and voting rule (default 1000)
  --seed S         seed of the first game; game i uses seed S+i (default 1)
  --rule R         only this voting rule: dual-key, majority or consensus (default: each)
  --table NAME     only this table: "default table", "four core seats" or a lesson plan's name
                   (default: each)
  --check          exit with status 1 when any target is missed
  --quiet          print only the table of targets
  --help           print this help

Each table and rule prints how often the treaty is signed, every role's mean score and how often
it tops the table, how often each variant is adopted, and each target with PASS or FAIL.`;

let values;
try {
	({ values } = parseArgs({
		options: {
			games: { type: 'string', default: '1000' },
			seed: { type: 'string', default: '1' },
			rule: { type: 'string' },
			table: { type: 'string' },
			check: { type: 'boolean', default: false },
			quiet: { type: 'boolean', default: false },
			help: { type: 'boolean', default: false }
		}
	}));
} catch (error) {
	console.error(`${(error as Error).message}\n\n${HELP}`);
	process.exit(2);
}
if (values.help) {
	console.log(HELP);
	process.exit(0);
}
const games = Number(values.games);
const seed = Number(values.seed);
const fail = (message: string) => {
	console.error(message);
	process.exit(2);
};
if (!Number.isInteger(games) || games < 1) fail('--games takes a whole number of games, e.g. --games 1000');
if (!Number.isInteger(seed)) fail('--seed takes a whole number, e.g. --seed 1');
if (values.rule && !votingRules.includes(values.rule as VotingRule)) fail(`--rule takes one of: ${votingRules.join(', ')}`);

const loaded = await loadDefaultScenario();
if (!loaded.ok) fail('the shipped scenario does not validate; run npm run scenario:check');
const scenario = loaded.ok ? loaded.scenario : (undefined as never);
const all = tables(scenario);
const chosen = values.table ? all.filter((t) => t.name === values.table) : all;
if (!chosen.length) fail(`--table takes one of: ${all.map((t) => `"${t.name}"`).join(', ')}`);
const rules: VotingRule[] = values.rule ? [values.rule as VotingRule] : [...votingRules];

let missed = 0;
const started = performance.now();
for (const table of chosen) {
	for (const rule of rules) {
		const records: GameRecord[] = [];
		for (let i = 0; i < games; i++) records.push(playTable(scenario, table, rule, seed + i));
		const checks = check(scenario, table, rule, records);
		missed += checks.filter((c) => !c.pass).length;
		console.log(`\n## ${table.name}, ${rule}: ${games} games, seeds ${seed}–${seed + games - 1}`);
		if (!values.quiet) details(records, table.agenda);
		for (const c of checks) console.log(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.target.padEnd(78)} ${c.measured}`);
	}
}
console.log(`\n${missed} target${missed === 1 ? '' : 's'} missed; ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (values.check && missed) process.exit(1);

function details(records: GameRecord[], agenda?: string[]) {
	const n = records.length;
	const pct = (k: number) => `${((100 * k) / n).toFixed(1)}%`;
	console.log(`treaty signed in ${pct(records.filter((g) => g.signed).length)} of games`);
	console.log('  role                      mean   top');
	for (const role of Object.keys(records[0].scores)) {
		const mean = records.reduce((s, g) => s + g.scores[role], 0) / n;
		console.log(`  ${role.padEnd(24)}${mean.toFixed(1).padStart(6)}${pct(records.filter((g) => g.top.includes(role)).length).padStart(7)}`);
	}
	console.log('  variant adopted (share of games)');
	for (const clause of scenario.clauses.filter((c) => !agenda || agenda.includes(c.id)))
		console.log(
			`    ${clause.id.padEnd(18)} ${clause.variants.map((v) => `${v.id.split('.')[1]} ${pct(records.filter((g) => g.adopted.includes(v.id)).length)}`).join('   ')}`
		);
}
