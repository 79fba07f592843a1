/**
 * The scenario in Hebrew: the shipped translation is complete and keeps what a translation must
 * keep; a broken one is refused with the place in its own file; pages read the scenario's words
 * in their language while card quotes stay the articles' English.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, translationFile } from '../../../server/scenario/load';
import { localizeView } from '../../../src/lib/client/localize';
import { facilitatorView, seatView } from '../../../src/lib/game/view';
import { referenceOf } from '../../../src/lib/scenario/reference';
import { inLanguage, textsOf, type TranslatedCard } from '../../../src/lib/scenario/texts';
import { formatScenarioErrors, validateScenario } from '../../../src/lib/scenario/validate';
import type { Action } from '../../../src/lib/protocol/actions';
import type { Actor } from '../../../src/lib/game/types';
import { facilitator, guest, newGame, play, seat } from '../../helpers/game';
import { decideForSeat } from '../../../src/lib/game/bots/seat-bot';
import { voiceOf, voicesOf } from '../../../src/lib/game/bots/explain';
import { shippedScenario } from '../../helpers/server';
import { overwriteGetLocale } from '../../../src/lib/i18n/paraglide/runtime';
import { readSeedsSync, SEEDS_DIR, SHIPPED, shippedRaw } from './fixtures';

const hebrew = /[\u05D0-\u05EA]/;
const shippedHebrew = () => parse(readFileSync(translationFile(SHIPPED, 'he'), 'utf8'));

/** Validates the shipped scenario with its Hebrew translation changed by `mutate`; returns the errors. */
function errorsAfter(mutate: (he: any) => void) {
	const raw = shippedRaw();
	raw.translations = { he: shippedHebrew() };
	mutate(raw.translations.he);
	const result = validateScenario(raw, readSeedsSync(), 'pact.yaml');
	if (result.ok) throw new Error('expected the broken translation to fail');
	return result.errors;
}

describe('the shipped Hebrew translation', () => {
	it('is complete: every text the English has, in Hebrew, loaded with the scenario', async () => {
		const scenario = await shippedScenario();
		const he = scenario.translations.he!;
		expect(Object.keys(he.roles).sort()).toEqual(scenario.roles.map((r) => r.id).sort());
		expect(Object.keys(he.cards)).toHaveLength(scenario.cards.length);
		const strings: string[] = [];
		const collect = (v: unknown): void => {
			if (typeof v === 'string') strings.push(v);
			else if (v && typeof v === 'object') Object.values(v).forEach(collect);
		};
		collect(he);
		expect(strings.length).toBeGreaterThan(500);
		expect(strings.filter((s) => !hebrew.test(s) && /[A-Za-z]/.test(s))).toEqual([]);
	});

	it('keeps a person’s name in its usual Hebrew spelling, and every card quote in the article’s English', async () => {
		const scenario = await shippedScenario();
		const he = inLanguage(scenario, 'he');
		expect(he.roles.find((r) => r.id === 'dermer')!.name).toBe('רון דרמר');
		for (const [i, card] of (he.cards as TranslatedCard[]).entries()) {
			expect(card.quote).toBe(scenario.cards[i].quote);
			expect(card.translation).toMatch(hebrew);
		}
		const gilboa = he.cards.find((c) => c.speaker && c.speaker.includes('גלבוע'));
		expect(gilboa).toBeDefined();
	});

	it('lets a glossary term be found by its English name too', async () => {
		const he = inLanguage(await shippedScenario(), 'he');
		expect(he.glossary.some((g) => g.forms.includes('dual-key') && hebrew.test(g.term))).toBe(true);
	});
});

describe('a broken translation', () => {
	it('names a missing text, and a misspelt role id with the one meant', () => {
		const errors = errorsAfter((he) => {
			he.roles['dermerr'] = he.roles.dermer;
			delete he.roles.dermer;
		});
		const paths = errors.map((e) => e.path);
		expect(paths).toContain('translations.he.roles.dermer');
		const stray = errors.find((e) => e.path === 'translations.he.roles.dermerr')!;
		expect(stray.hint).toContain('did you mean "dermer"?');
	});

	it('refuses changed markers, changed placeholders and dropped quoted words', () => {
		const errors = errorsAfter((he) => {
			he.roles.dermer.brief = he.roles.dermer.brief.replace('[narrow-scope, routine-ops, complement]', '[narrow-scope]');
			he.roles.dermer.voice.yes[0] = he.roles.dermer.voice.yes[0].replace('{aim}', 'המטרה');
			he.timeline[0].event = 'משהו קרה.';
		});
		const byPath = Object.fromEntries(errors.map((e) => [e.path, e.message]));
		expect(byPath['translations.he.roles.dermer.brief']).toContain('markers differ');
		expect(byPath['translations.he.roles.dermer.voice.yes[0]']).toContain('placeholders differ');
		const english = shippedRaw().timeline[0].event as string;
		if (/“|"/.test(english)) expect(byPath['translations.he.timeline[0].event']).toContain('are not kept');
	});

	it('refuses a text left in English, and a list of the wrong length', () => {
		const errors = errorsAfter((he) => {
			he.clauses.scope.question = 'Which attacks and threats does the treaty cover?';
			he.poll.options.pop();
		});
		const byPath = Object.fromEntries(errors.map((e) => [e.path, e.message]));
		expect(byPath['translations.he.clauses.scope.question']).toBe('the text is not in he');
		expect(byPath['translations.he.poll.options']).toContain('must have 5 entries');
	});

	it('points into the translation file itself, at the line, when read from disk', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'pact-he-'));
		const file = join(dir, 'pact.yaml');
		writeFileSync(file, readFileSync(SHIPPED, 'utf8'));
		const he = readFileSync(translationFile(SHIPPED, 'he'), 'utf8').replace(/^ {2}dermer:$/m, '  dermerr:');
		writeFileSync(translationFile(file, 'he'), he);
		const result = await loadScenarioFile(file, SEEDS_DIR);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		const stray = result.errors.find((e) => e.path === 'roles.dermerr')!;
		expect(stray.file.endsWith('pact.he.yaml')).toBe(true);
		// The line of the entry's first text, just under its id.
		expect(stray.line).toBe(he.split('\n').indexOf('  dermerr:') + 2);
		expect(formatScenarioErrors([stray])).toContain('did you mean "dermer"?');
	});

	it('leaves a scenario without a translation English-only, its reference in English', async () => {
		const raw = shippedRaw();
		const result = validateScenario(raw, readSeedsSync(), 'pact.yaml');
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.scenario.translations).toEqual({});
		expect(referenceOf(result.scenario, 'he').language).toBe('en');
	});

	it('is what a translator starts from: the English words in the translation’s own shape', async () => {
		const scenario = await shippedScenario();
		const raw = shippedRaw();
		raw.translations = { he: textsOf(scenario) };
		const result = validateScenario(raw, readSeedsSync(), 'pact.yaml');
		// Shaped right: the only complaints are that the words are still English.
		expect(result.ok).toBe(false);
		if (!result.ok) expect(new Set(result.errors.map((e) => e.message))).toEqual(new Set(['the text is not in he']));
	});
});

describe('a page in Hebrew', () => {
	it('shows the table, the seat’s brief and red lines and its cards in Hebrew, the quotes in English beneath their translation', async () => {
		const scenario = await shippedScenario();
		const game = newGame({ scenarioId: scenario.id }, scenario);
		const seated = game.seats.map((s, i): [Actor, Action] => [guest, { type: 'takeSeat', seat: s.id, name: `Player ${i}` }]);
		const state = play(game, [...seated, [facilitator, { type: 'start' }]], scenario);
		const english = seatView(state, 'idf-chief', scenario);
		const ref = referenceOf(scenario, 'he');
		const shown = localizeView(english, ref);
		expect(shown.title).toMatch(hebrew);
		expect(shown.clauses[0].question).toMatch(hebrew);
		expect(shown.seats.find((s) => s.id === 'dermer')!.roleName).toBe('רון דרמר');
		expect(shown.you.brief).toBe(scenario.translations.he!.roles['idf-chief'].brief);
		expect(shown.you.redLines.every((l) => hebrew.test(l.why))).toBe(true);
		const [id] = english.you.hand;
		expect(shown.cards[id].quote).toBe(english.cards[id].quote);
		expect(shown.cards[id].translation).toMatch(hebrew);
		// English pages, and pages whose reference has not come, show the view as sent.
		expect(localizeView(english, referenceOf(scenario, 'en'))).toBe(english);
		expect(localizeView(english, null)).toBe(english);
		// The same parts of the view keep the same localized copy.
		expect(localizeView(english, ref).clauses).toBe(shown.clauses);
		const host = localizeView(facilitatorView(state, scenario), ref);
		expect(host.catalogue.every((c) => c.translation && hebrew.test(c.title))).toBe(true);
	});

	it('shows the scripted roles’ reasons in Hebrew, and a player’s words as the player wrote them', async () => {
		const scenario = await shippedScenario();
		const game = newGame({ scenarioId: scenario.id, votingRule: 'majority', botSeats: ['idf-chief', 'mossad-director', 'white-house-adviser-1'] }, scenario);
		let state = play(game, [[guest, { type: 'takeSeat', seat: 'dermer', name: 'Noa' }], [facilitator, { type: 'start' }], [facilitator, { type: 'advance' }], [facilitator, { type: 'advance' }], [facilitator, { type: 'openVote' }]], scenario);
		state = play(state, [[seat('dermer'), { type: 'castVote', choice: 'yes', reason: 'My own words.' }]], scenario);
		for (const bot of ['idf-chief', 'mossad-director', 'white-house-adviser-1']) {
			const view = seatView(state, bot, scenario);
			const action = decideForSeat(view, voiceOf(scenario, view.seats.find((s) => s.id === bot)!.roleId), voicesOf(scenario, view.seats.find((s) => s.id === bot)!.roleId))!;
			state = play(state, [[{ kind: 'seat', seat: bot, bot: true }, action]], scenario);
		}
		const shown = localizeView(seatView(state, 'dermer', scenario), referenceOf(scenario, 'he'));
		const ballots = shown.votes.at(-1)!.ballots!;
		expect(ballots.dermer.reason).toBe('My own words.');
		for (const bot of ['idf-chief', 'mossad-director', 'white-house-adviser-1']) expect(ballots[bot].reason).toMatch(hebrew);
		// A scripted role's seat is named in the page's words, a player's by the player's own name.
		overwriteGetLocale(() => 'he');
		const named = localizeView(seatView(state, 'dermer', scenario), referenceOf(scenario, 'he')).seats;
		overwriteGetLocale(() => 'en');
		expect(named.find((s) => s.id === 'idf-chief')!.player).toBe('תפקיד ממוחשב');
		expect(named.find((s) => s.id === 'dermer')!.player).toBe('Noa');
	});
});

