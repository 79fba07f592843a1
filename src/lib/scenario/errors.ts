/**
 * What a scenario check reports: one error per problem, each naming the file, the place in it
 * and what to do about it, so an author can fix a scenario without reading the checker's code.
 */
import type { Scenario } from './schema';

export interface ScenarioError {
	file: string;
	/** Where in the file, written the way an author reads it: "cards[17].quote". */
	path: string;
	/** What is wrong. */
	message: string;
	/** How to fix it. */
	hint: string;
}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

const plainKey = /^[A-Za-z_$][\w$]*$/;

/** ["cards", 17, "quote"] → "cards[17].quote"; keys with dots are bracketed: weights["scope.existential"]. */
export function renderPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else if (typeof key === 'string' && plainKey.test(key)) out += out ? `.${key}` : key;
		else out += `[${JSON.stringify(String(key))}]`;
	}
	return out || '(top level)';
}

/** Ends a sentence with a full stop unless it already ends with one (or a question mark). */
const sentence = (text: string) => (/[.?!»]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** Two lines per error: where and what, then how to fix it. */
export function formatScenarioErrors(errors: readonly ScenarioError[]): string {
	return errors.map((e) => `${e.file}: ${e.path} — ${sentence(e.message)}\n    Fix: ${sentence(e.hint)}`).join('\n');
}
