/**
 * The game as it was at another commit, to measure beside the game as it is (`--compare <ref>`):
 * that commit's files, exported from git into a temporary directory, run by this checkout's own
 * benchmark server and under this checkout's installed packages. Only the game's code differs
 * between the two, so a difference between them is the code's, not the wrapper's or a package's.
 * (If the commit's code needs a package this checkout no longer has, or speaks to createServer in
 * a way this wrapper does not, the server fails to start and says so.)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function git(args: string[]) {
	const run = spawnSync('git', args, { cwd: ROOT, maxBuffer: 1 << 30 });
	if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr.toString().trim()}`);
	return run.stdout;
}

export function gameAtCommit(ref: string) {
	const commit = git(['rev-parse', '--short', `${ref}^{commit}`]).toString().trim();
	const dir = mkdtempSync(join(tmpdir(), `pact-room-${commit}-`));
	const remove = () => rmSync(dir, { recursive: true, force: true });
	process.on('exit', remove);
	const untar = spawnSync('tar', ['-x', '-C', dir], { input: git(['archive', '--format=tar', commit]) });
	if (untar.status !== 0) throw new Error(`tar: ${untar.stderr.toString().trim()}`);
	// This checkout's benchmark (its server wrapper, its stats) over that commit's game.
	rmSync(join(dir, 'bench'), { recursive: true, force: true });
	cpSync(join(ROOT, 'bench'), join(dir, 'bench'), { recursive: true, filter: (path) => !path.startsWith(join(ROOT, 'bench', 'results')) });
	symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
	return {
		target: { name: `game@${commit}`, kind: 'game' as const, server: join(dir, 'bench', 'servers', 'game.ts') },
		remove
	};
}
