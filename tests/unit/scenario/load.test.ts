import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, readSeeds } from '../../../server/scenario/load';
import { FIXTURES, SEEDS_DIR } from './fixtures';

describe('loading a scenario file', () => {
	it('accepts the minimal fixture against the shipped seeds', async () => {
		const result = await loadScenarioFile(`${FIXTURES}minimal.yaml`);
		expect(result.ok ? result.scenario.id : result.errors).toBe('minimal');
	});

	it('turns a YAML syntax error into an error with its line and column', async () => {
		const result = await loadScenarioFile(`${FIXTURES}yaml-syntax-error.yaml`);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toHaveLength(1);
		const [error] = result.errors;
		expect(error.file).toBe('tests/fixtures/scenarios/yaml-syntax-error.yaml');
		expect(error.path).toMatch(/^\(yaml\) line \d+, column \d+$/);
		expect(error.message).toContain('YAML syntax: Missing closing "quote');
		expect(error.hint).toMatch(/^close the quotation mark opened on line 3,/);
	});

	it('names the line of the file each error points at', async () => {
		const result = await loadScenarioFile(`${FIXTURES}weights-off.yaml`);
		expect(result.ok ? [] : result.errors).toEqual([expect.objectContaining({ path: 'roles[0].objectives.weights', line: 34 })]);
		const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
		const file = join(dir, 'unmarked.yaml');
		const text = readFileSync(`${FIXTURES}minimal.yaml`, 'utf8').replace('brief: I want a narrow pact. [game]', 'brief: I want a narrow pact.');
		writeFileSync(file, text);
		const unmarked = await loadScenarioFile(file);
		const line = text.split('\n').findIndex((l) => l.includes('brief: I want a narrow pact.')) + 1;
		expect(unmarked.ok ? [] : unmarked.errors).toEqual([expect.objectContaining({ path: 'roles[0].brief', line })]);
	});

	it('reports a key written twice as a YAML error', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
		const file = join(dir, 'twice.yaml');
		writeFileSync(file, 'id: one\nid: two\n');
		const result = await loadScenarioFile(file);
		expect(result.ok ? [] : result.errors).toEqual([
			expect.objectContaining({ path: '(yaml) line 2, column 1', hint: expect.stringContaining('appears twice') })
		]);
	});

	it('reads the seeds from another folder when told to', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
		writeFileSync(join(dir, 'other.txt'), 'An article with different words in it.');
		const result = await loadScenarioFile(`${FIXTURES}minimal.yaml`, dir);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		const source = result.errors.find((e) => e.path === 'cards[0].source');
		expect(source?.hint).toContain('other.txt');
	});

	it('reads every .txt seed by file name', async () => {
		const seeds = await readSeeds(SEEDS_DIR);
		expect(Object.keys(seeds)).toEqual([
			'000_6c2eec980ca2c237.txt',
			'001_04d8d90dc4da8652.txt',
			'002_91887b83754e7ec5.txt',
			'003_fba1c5ccd18370ba.txt'
		]);
	});

	it('reports a file that does not exist', async () => {
		const result = await loadScenarioFile(`${FIXTURES}no-such-file.yaml`);
		expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['(file)']);
	});
});
