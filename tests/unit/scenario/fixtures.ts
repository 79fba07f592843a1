/** Shared reading of the shipped scenario and the seeds for the scenario tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { validateScenario, type ScenarioError } from '../../../src/lib/scenario/validate';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SEEDS_DIR = `${ROOT}seeds/`;
export const SHIPPED = `${ROOT}seeds/scenarios/us-israel-pact.yaml`;
export const FIXTURES = `${ROOT}tests/fixtures/scenarios/`;

export function readSeedsSync(): Record<string, string> {
	const names = readdirSync(SEEDS_DIR).filter((name) => name.endsWith('.txt'));
	return Object.fromEntries(names.map((name) => [name, readFileSync(SEEDS_DIR + name, 'utf8')]));
}

/** A fresh, mutable copy of the shipped scenario as parsed from YAML (before the schema). */
export function shippedRaw(): any {
	return parse(readFileSync(SHIPPED, 'utf8'));
}

/** Validates a copy of the shipped scenario changed by `mutate`, and returns its errors; throws if it passes. */
export function errorsAfter(mutate: (raw: any) => void): ScenarioError[] {
	const raw = shippedRaw();
	mutate(raw);
	const result = validateScenario(raw, readSeedsSync(), 'pact.yaml');
	if (result.ok) throw new Error('expected the broken scenario to fail');
	return result.errors;
}
