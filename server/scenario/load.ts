/**
 * Reads a scenario file, its translations beside it and the seed articles from disk, and checks
 * them. YAML syntax errors
 * come back in the same form as every other scenario error, with the line and column.
 */
import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isNode, LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import { parsePath, renderPath, type ScenarioError, type ScenarioResult } from '../../src/lib/scenario/errors';
import { translationLanguages, type TranslationLanguage } from '../../src/lib/scenario/schema';
import { validateScenario } from '../../src/lib/scenario/validate';

/** The seed articles shipped with the game, at the repository root. */
export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));

/** The scenario a game is played with unless another file is named. */
export const DEFAULT_SCENARIO_FILE = fileURLToPath(new URL('../../seeds/scenarios/us-israel-pact.yaml', import.meta.url));

const yamlHints: Record<string, string> = {
	MISSING_CHAR:
		'a quotation mark or bracket is not closed (it may open a few lines earlier); text with quote marks or colons is safest as a block: "quote: |-" with the text indented on the next line',
	BAD_INDENT: 'line the key up with the other keys of its block, using spaces',
	TAB_AS_INDENT: 'indent with spaces; YAML does not allow tabs there',
	DUPLICATE_KEY: 'a key appears twice in the same block: remove or rename one',
	BLOCK_AS_IMPLICIT_KEY: 'a key is missing its colon, or the line above is indented wrongly',
	MULTILINE_IMPLICIT_KEY: 'a key is missing its colon, or text meant as a value starts a new line without indentation',
	UNEXPECTED_TOKEN: 'a character is out of place; text containing ": " or starting with a quote mark should be a block ("|-")'
};

/** Where the file is, named relative to the working folder when it is inside it. */
function displayName(file: string): string {
	const rel = relative(process.cwd(), file);
	return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/**
 * YAML notices an unclosed quotation mark only where the file runs out, often far below it:
 * the last value before that point that opens a quote and does not close it is the likely culprit.
 */
function unclosedQuoteLine(text: string, beforeLine: number): number | undefined {
	const lines = text.split('\n').slice(0, beforeLine);
	for (let i = lines.length - 1; i >= 0; i--) {
		const open = /:\s+(["'])(.*)$/.exec(lines[i]);
		if (open && !open[2].replace(/\\"/g, '').includes(open[1])) return i + 1;
	}
	return undefined;
}

function fromYamlError(error: YAMLError, file: string, text: string): ScenarioError {
	const where = error.linePos?.[0];
	const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
	let hint = yamlHints[error.code] ?? 'check the indentation and punctuation of this line and the one above it';
	const culprit = error.code === 'MISSING_CHAR' && where ? unclosedQuoteLine(text, where.line) : undefined;
	if (culprit) hint = `close the quotation mark opened on line ${culprit}, or drop the quotation marks and write the text as a block ("|-")`;
	return {
		file,
		path: where ? `(yaml) line ${where.line}, column ${where.col}` : '(yaml)',
		message: `YAML syntax: ${message}`,
		hint
	};
}

/** Every *.txt in the seeds folder, by file name. */
export async function readSeeds(seedsDir: string = SEEDS_DIR): Promise<Record<string, string>> {
	const names = (await readdir(seedsDir)).filter((name) => name.endsWith('.txt')).sort();
	const texts = await Promise.all(names.map((name) => readFile(join(seedsDir, name), 'utf8')));
	return Object.fromEntries(names.map((name, i) => [name, texts[i]]));
}

/** A YAML file parsed, with what finds a path's line in it; or its syntax errors, named for the file. */
type Parsed = { ok: true; doc: Document; lines: LineCounter } | { ok: false; errors: ScenarioError[] };

function parseYaml(text: string, name: string): Parsed {
	const lines = new LineCounter();
	const doc = parseDocument(text, { prettyErrors: true, lineCounter: lines });
	return doc.errors.length ? { ok: false, errors: doc.errors.map((e) => fromYamlError(e, name, text)) } : { ok: true, doc, lines };
}

/** A translation lives beside its scenario: us-israel-pact.yaml, us-israel-pact.he.yaml. */
export const translationFile = (file: string, language: TranslationLanguage) => file.replace(/\.ya?ml$/, '') + `.${language}.yaml`;

export async function loadScenarioFile(file: string, seedsDir: string = SEEDS_DIR): Promise<ScenarioResult> {
	const name = displayName(file);
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch {
		return {
			ok: false,
			errors: [{ file: name, path: '(file)', message: 'the scenario file cannot be read', hint: 'check the file name and folder' }]
		};
	}
	let seeds: Record<string, string>;
	try {
		seeds = await readSeeds(seedsDir);
	} catch {
		return {
			ok: false,
			errors: [{ file: name, path: '(seeds)', message: `the seeds folder ${seedsDir} cannot be read`, hint: 'put the article .txt files in the seeds folder' }]
		};
	}
	const main = parseYaml(text, name);
	if (!main.ok) return main;
	const raw = main.doc.toJS();
	// Each translation found beside the file joins the scenario; its errors point into its own file.
	const translated = new Map<string, { name: string; parsed: Parsed & { ok: true } }>();
	for (const language of translationLanguages) {
		const path = translationFile(file, language);
		const own = await readFile(path, 'utf8').catch(() => null);
		if (own === null) continue;
		const parsed = parseYaml(own, displayName(path));
		if (!parsed.ok) return parsed;
		if (raw && typeof raw === 'object') raw.translations = { ...raw.translations, [language]: parsed.doc.toJS() };
		translated.set(language, { name: displayName(path), parsed });
	}
	const result = validateScenario(raw, seeds, name);
	if (result.ok) return result;
	return {
		ok: false,
		errors: result.errors.map((e) => {
			const [top, language, ...rest] = parsePath(e.path);
			const own = top === 'translations' ? translated.get(String(language)) : undefined;
			if (!own) return { ...e, line: lineOf(main.doc, main.lines, e.path) };
			const path = renderPath(rest);
			return { ...e, file: own.name, path, line: lineOf(own.parsed.doc, own.parsed.lines, path) };
		})
	};
}

/** The line a checker's path points at: the value's own line, or its nearest enclosing one that exists. */
function lineOf(doc: Document, lines: LineCounter, path: string): number | undefined {
	const keys = parsePath(path);
	for (let n = keys.length; n > 0; n--) {
		const node = doc.getIn(keys.slice(0, n), true);
		if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
	}
	return undefined;
}

export function loadDefaultScenario(): Promise<ScenarioResult> {
	return loadScenarioFile(DEFAULT_SCENARIO_FILE);
}
