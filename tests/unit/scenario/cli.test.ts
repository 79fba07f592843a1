import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from './fixtures';

/** Runs the checker the way an author does, from the repository root. */
function check(...args: string[]) {
	const run = spawnSync('npx', ['tsx', 'scripts/scenario-check.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
	return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('npm run scenario:check', { timeout: 60_000 }, () => {
	it('passes the shipped scenario and counts what is in it', () => {
		const { code, out } = check();
		expect(code).toBe(0);
		expect(out.trim()).toBe('✓ seeds/scenarios/us-israel-pact.yaml: 9 roles, 11 clauses, 59 cards');
	});

	it('fails a broken file with exit code 1 and says what to fix', () => {
		const { code, err } = check('tests/fixtures/scenarios/weights-off.yaml');
		expect(code).toBe(1);
		expect(err).toContain(
			'tests/fixtures/scenarios/weights-off.yaml:34: roles[0].objectives.weights — the weights of "dermer" sum to 95, not 100 (5 short).'
		);
		expect(err).toContain('Fix: add 5 point(s), e.g. make "scope.existential" 100.');
		expect(err).toContain('✗ tests/fixtures/scenarios/weights-off.yaml: 1 error');
	});

	it('exits with 2 when the file does not exist', () => {
		const { code, err } = check('tests/fixtures/scenarios/missing.yaml');
		expect(code).toBe(2);
		expect(err).toContain('no such file');
	});
});
