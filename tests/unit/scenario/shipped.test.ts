import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO_FILE, loadDefaultScenario } from '../../../server/scenario/load';
import type { Scenario } from '../../../src/lib/scenario/schema';
import { deckOf, sharedDeck } from '../../../src/lib/scenario/validate';
import { buildSeats } from '../../../src/lib/game/seats';
import { decide } from '../../../src/lib/game/voting';
import { readSeedsSync, SHIPPED } from './fixtures';

const seeds = readSeedsSync();
const result = await loadDefaultScenario();
const scenario = (result.ok ? result.scenario : undefined) as Scenario;

describe('the shipped scenario', () => {
	it('validates without errors', () => {
		expect(result.ok ? [] : result.errors).toEqual([]);
		expect(DEFAULT_SCENARIO_FILE).toBe(SHIPPED);
	});

	it('quotes every card word for word from its seed', () => {
		for (const card of scenario.cards) {
			expect(Object.keys(seeds), card.id).toContain(card.source);
			expect(seeds[card.source].includes(card.quote), `${card.id}: ${card.quote}`).toBe(true);
			expect(card.quote).not.toMatch(/\.\.\.|…/);
		}
	});

	it('takes no card from page furniture', () => {
		const junk = ['Skip to content', 'Florida Man', 'White Lotus', 'newsletter', 'IE 11', 'Credit:', 'LOG IN', 'SPOKESPERSON'];
		for (const card of scenario.cards) for (const word of junk) expect(card.quote, card.id).not.toContain(word);
	});

	it('draws at least four cards from every seed and at least forty in all', () => {
		expect(scenario.cards.length).toBeGreaterThanOrEqual(40);
		for (const seed of Object.keys(seeds)) {
			expect(scenario.cards.filter((card) => card.source === seed).length, seed).toBeGreaterThanOrEqual(4);
		}
	});

	it('gives every role a deck of at least five cards and a shared deck of at least eight', () => {
		for (const role of scenario.roles) expect(deckOf(scenario, role.id).length, role.id).toBeGreaterThanOrEqual(5);
		expect(sharedDeck(scenario).length).toBeGreaterThanOrEqual(8);
	});

	it('weights every role to exactly 100 and never rewards a red line', () => {
		for (const role of scenario.roles) {
			const weights = Object.values(role.objectives.weights);
			expect(weights.reduce((a, b) => a + b, 0), role.id).toBe(100);
			for (const line of role.redLines) expect(role.objectives.weights[line.variant], role.id).toBeUndefined();
		}
	});

	it('has the roles and clauses the game is designed around', () => {
		expect(scenario.roles.map((r) => r.id)).toEqual([
			'dermer',
			'idf-chief',
			'mossad-director',
			'white-house-adviser',
			'planning-directorate',
			'prime-minister',
			'jinsa-advocate',
			'former-nsa',
			'academic-expert'
		]);
		expect(scenario.roles.filter((r) => r.core).map((r) => r.id)).toEqual([
			'dermer',
			'idf-chief',
			'mossad-director',
			'white-house-adviser'
		]);
		expect(scenario.clauses.map((c) => c.id)).toEqual([
			'scope',
			'activation',
			'freedom-of-action',
			'reciprocity',
			'us-forces',
			'territory',
			'nuclear-posture',
			'assistance',
			'us-weapons',
			'saudi-track',
			'term'
		]);
		const adviser = scenario.roles.find((r) => r.id === 'white-house-adviser')!;
		expect(adviser.seats).toEqual({ min: 1, max: 3 });
		expect(adviser.side).toBe('us');
	});

	it('gives both keys of a dual-key vote someone to turn them', () => {
		expect(scenario.defaults.votingRule).toBe('dual-key');
		expect(scenario.roles.some((r) => r.core && r.side === 'israel')).toBe(true);
		expect(scenario.roles.some((r) => r.core && r.side === 'us')).toBe(true);
	});

	it('lets every role score: each weighted variant has a card for it or against its rival, or says why the articles do not', () => {
		const clauseOf = (variant: string) => variant.split('.')[0];
		const argued = new Set([
			...scenario.cards.flatMap((card) => card.supports),
			...scenario.cards.flatMap((card) =>
				card.undercuts.flatMap((u) => scenario.clauses.find((c) => c.id === clauseOf(u))!.variants.map((v) => v.id).filter((v) => v !== u))
			)
		]);
		const unargued = new Set(scenario.clauses.flatMap((c) => c.variants.filter((v) => v.unargued).map((v) => v.id)));
		for (const role of scenario.roles) {
			for (const variant of Object.keys(role.objectives.weights))
				expect(argued.has(variant) || unargued.has(variant), `${role.id} wants ${variant}`).toBe(true);
		}
	});

	it('lets only office-holders turn a key: at a full table the White House seats alone hold the US key', () => {
		const seatCounts = Object.fromEntries(scenario.roles.map((r) => [r.id, r.seats.max]));
		const seats = buildSeats(scenario, { seatCounts }).map((s) => ({ ...s, player: 'someone' }));
		expect(new Set(seats.filter((s) => s.side === 'us').map((s) => s.roleId))).toEqual(new Set(['white-house-adviser']));
		for (const role of ['jinsa-advocate', 'former-nsa', 'academic-expert']) {
			expect(scenario.roles.find((r) => r.id === role)!.side, role).toBe('expert');
		}
		// One adviser and the think tank disagree: the adviser's yes turns the US key alone.
		const one = buildSeats(scenario, { seatCounts: { 'white-house-adviser': 1, 'jinsa-advocate': 1 } }).map((s) => ({ ...s, player: 'p' }));
		const ballots = Object.fromEntries(
			one.map((s) => [s.id, { choice: s.roleId === 'jinsa-advocate' ? ('no' as const) : ('yes' as const) }])
		);
		expect(decide('dual-key', ballots, one, 'clause')).toMatchObject({ passed: true, keys: { israel: true, us: true } });
	});

	it('gives every card a source record with a date, and shows reported passages as reports', () => {
		for (const card of scenario.cards) {
			expect(scenario.sources.find((s) => s.seed === card.source)?.period, card.id).toMatch(/^[A-Z][a-z]+ \d{4}$/);
			if (card.kind === 'reported') expect(card.speaker, card.id).toBeUndefined();
		}
		expect(scenario.cards.filter((c) => c.kind === 'reported').length).toBeGreaterThanOrEqual(14);
		const periods = Object.fromEntries(scenario.sources.map((s) => [s.seed.slice(0, 3), s.period]));
		expect(periods).toEqual({ '000': 'September 2023', '001': 'September 2023', '002': 'February 2021', '003': 'September 2019' });
	});

	it('names no outlet the seed texts do not show', () => {
		for (const record of scenario.sources) if (record.outlet) expect(seeds[record.seed], record.seed).toContain(record.outlet);
		// The dating notes may say which outlet another seed credits; nothing a player sees names one.
		const names = JSON.stringify({ ...scenario, sources: scenario.sources.map(({ dating: _dating, ...rest }) => rest) });
		for (const outlet of ['Walla', 'Haaretz', 'NBC']) expect(names).not.toContain(outlet);
	});

	it('quotes Article 5 as the North Atlantic Treaty words it: "such action as it deems necessary"', () => {
		const automatic = scenario.clauses.flatMap((c) => c.variants).find((v) => v.id === 'activation.automatic')!;
		expect(automatic.text).toContain('such action as it deems necessary');
		expect(scenario.glossary.find((g) => g.term === 'Article 5')!.definition).toContain('such action as it deems necessary');
	});

	it('lets the table argue for no pact at all: cards against any treaty sit in the decks', () => {
		const against = scenario.cards.filter((c) => c.anyTreaty === 'against').map((c) => c.id);
		expect(against).toEqual(expect.arrayContaining(['eisenkot-no-need', 'lack-of-confidence', 'assist-in-any-case']));
	});

	it('leaves the seed articles exactly as shipped', () => {
		// Card quotes are checked against these bytes: an editor that straightened curly quotes or
		// changed line endings would break every card quoting the file.
		const shipped: Record<string, string> = {
			'000_6c2eec980ca2c237.txt': '16347dabcf8ab807b9ce340dccd736ab06eb8754b85b92fc1e290dc6b7fd4b72',
			'001_04d8d90dc4da8652.txt': '1c171d57da3f16d0d7cf0935f079135875bd5a4d5abb1b134b2b416c7dcb9ef7',
			'002_91887b83754e7ec5.txt': '4e5ce2e8696994f93f472c9656d2a9f234687023093c196b163a4cb1d01e0dbb',
			'003_fba1c5ccd18370ba.txt': 'f2948c2b95e007bddaaf97f455ad7218d726cb5873200720226b81125b71fa50'
		};
		const digests = Object.fromEntries(
			Object.entries(seeds).map(([name, text]) => [name, createHash('sha256').update(text, 'utf8').digest('hex')])
		);
		expect(digests).toEqual(shipped);
	});
});
