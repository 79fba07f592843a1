/**
 * What a scenario check reports: one error per problem, each naming the file, the place in it
 * and what to do about it, so an author can fix a scenario without reading the checker's code.
 */
import type { Scenario } from './schema';

export interface ScenarioError {
	file: string;
	/** Where in the file, written the way an author reads it: "cards[17].quote". */
	path: string;
	/** The line of the file it points at, when the file was read from disk. */
	line?: number;
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

/** "cards[17].quote" → ["cards", 17, "quote"]: the inverse of renderPath, for finding the line. */
export function parsePath(path: string): PropertyKey[] {
	const keys: PropertyKey[] = [];
	for (const m of path.matchAll(/\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|([^.[\]]+)/g)) {
		keys.push(m[1] !== undefined ? Number(m[1]) : m[2] !== undefined ? (JSON.parse(m[2]) as string) : m[3]);
	}
	return keys;
}

/** Two lines per error: where ("file:line: path") and what, then how to fix it. */
export function formatScenarioErrors(errors: readonly ScenarioError[]): string {
	return errors
		.map((e) => `${e.file}${e.line ? `:${e.line}` : ''}: ${e.path} — ${sentence(e.message)}\n    Fix: ${sentence(e.hint)}`)
		.join('\n');
}
