/**
 * Turns the schema's complaints (zod issues) into ScenarioErrors an author can act on: the
 * path written as in the file, what is wrong in plain words, and a hint.
 */
import type { z } from 'zod';
import { closestName } from './closest';
import { renderPath, type ScenarioError } from './errors';

type Issue = z.core.$ZodIssue;
type Key = PropertyKey;

/** The parts of a zod definition the checker walks to find which keys a place allows. */
interface Def {
	type: string;
	shape?: Record<string, { _zod: { def: Def } }>;
	element?: { _zod: { def: Def } };
	innerType?: { _zod: { def: Def } };
	valueType?: { _zod: { def: Def } };
}

/** The keys an object at `path` may have, for "did you mean" on a misspelt key. */
function keysAt(schema: z.ZodType, path: readonly Key[]): string[] {
	let def: Def | undefined = (schema as unknown as { _zod: { def: Def } })._zod.def;
	const unwrap = () => {
		while (def && def.innerType) def = def.innerType._zod.def;
	};
	for (const key of path) {
		unwrap();
		if (!def) return [];
		if (def.type === 'object' && def.shape && typeof key === 'string') def = def.shape[key]?._zod.def;
		else if (def.type === 'array' && def.element) def = def.element._zod.def;
		else if (def.type === 'record' && def.valueType) def = def.valueType._zod.def;
		else return [];
	}
	unwrap();
	return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function valueAt(raw: unknown, path: readonly Key[]): unknown {
	let value = raw;
	for (const key of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<Key, unknown>)[key];
	}
	return value;
}

const show = (value: unknown) => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value));

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

/** Names the shape an author should write, in YAML terms rather than JavaScript ones. */
function yamlKind(expected: string): string {
	const kinds: Record<string, string> = {
		string: 'text',
		number: 'number',
		int: 'whole number',
		boolean: 'true or false',
		array: 'list (lines starting with "- ")',
		object: 'block of "key: value" lines',
		record: 'block of "key: value" lines'
	};
	return kinds[expected] ?? expected;
}

function sizeHint(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): string {
	const small = issue.code === 'too_small';
	const bound = small ? issue.minimum : issue.maximum;
	switch (issue.origin) {
		case 'string':
			return small ? `write at least ${bound} characters` : `shorten it to at most ${bound} characters`;
		case 'array':
			return small ? `list at least ${bound} item(s)` : `list at most ${bound} item(s)`;
		default:
			return small ? `use a number of at least ${bound}` : `use a number of at most ${bound}`;
	}
}

export function fromZodIssue(issue: Issue, raw: unknown, file: string, schema: z.ZodType): ScenarioError {
	const path = renderPath(issue.path);
	const at = (message: string, hint: string): ScenarioError => ({ file, path, message, hint });
	const value = valueAt(raw, issue.path);
	const last = issue.path[issue.path.length - 1];

	switch (issue.code) {
		case 'invalid_type':
			if (value === undefined)
				return at(`"${String(last)}" is missing`, `add "${String(last)}:" with ${article(yamlKind(issue.expected))}`);
			return at(
				`expected ${article(yamlKind(issue.expected))}, found ${show(value)}`,
				`write ${article(yamlKind(issue.expected))} here`
			);
		case 'invalid_value':
			if (value === undefined) return at(`"${String(last)}" is missing`, `add "${String(last)}:" with one of: ${issue.values.map((v) => show(v)).join(', ')}`);
			return at(
				`${show(value)} is not one of the allowed values`,
				`use one of: ${issue.values.map((v) => show(v)).join(', ')}`
			);
		case 'unrecognized_keys': {
			const known = keysAt(schema, issue.path);
			const hints = issue.keys.map((key) => {
				const near = closestName(key, known);
				return near ? `rename "${key}" to "${near}"` : `remove "${key}"`;
			});
			return at(
				`unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
				`${hints.join('; ')} (allowed here: ${known.join(', ')})`
			);
		}
		case 'invalid_key': {
			const inner = issue.issues[0]?.message ?? 'use a valid key';
			return at(`"${String(last)}" is not a valid key here`, inner);
		}
		case 'invalid_format':
			return at(`${show(value)} is not written the right way`, issue.message);
		case 'too_small':
		case 'too_big':
			return at(issue.message, sizeHint(issue));
		case 'not_multiple_of':
			return at(issue.message, 'use a whole number');
		default:
			return at(issue.message, 'compare this field with the guide in seeds/scenarios/README.md');
	}
}
