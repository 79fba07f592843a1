/**
 * `npm run bench` — every benchmark, one after another, each in its own process so none disturbs
 * another's figures; results go to bench/results/.
 *
 *   npm run bench -- --quick   load at 600 players, the engine and ballot histories: about a minute,
 *                              for everyday use
 *   npm run bench              load with the capacity ramp, recovery after SIGKILL, the engine,
 *                              ballot histories, and page weight with Lighthouse (builds the app first)
 *   npm run bench -- --cluster  cluster mode (three servers on PostgreSQL behind HAProxy) beside the
 *                              single process: load, capacity, failover over 20 kills (about 30
 *                              minutes; with --quick, about 5); needs PostgreSQL and HAProxy installed
 */
import { spawnSync } from 'node:child_process';

const quick = process.argv.includes('--quick');
const steps: string[][] = process.argv.includes('--cluster')
	? [['bench/cluster.ts', ...(quick ? ['--quick'] : [])]]
	: quick
	? [['bench/load.ts', '--quick'], ['bench/engine.ts', '--quick'], ['--expose-gc', 'bench/history.ts']]
	: [['bench/load.ts'], ['bench/recovery.ts'], ['bench/engine.ts'], ['--expose-gc', 'bench/history.ts'], ['bench/pages.ts']];

let failed = 0;
for (const step of steps) {
	console.log(`\n— ${step.join(' ')}`);
	const run = spawnSync(process.execPath, ['--import', 'tsx', ...step], { stdio: 'inherit' });
	if (run.status !== 0) {
		failed += 1;
		console.error(`${step.join(' ')} failed (exit ${run.status ?? run.signal})`);
	}
}
process.exit(failed ? 1 : 0);
