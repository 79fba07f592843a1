/**
 * Scenarios broken on purpose, one mistake each: the checker must name the place and say
 * clearly what is wrong and how to fix it.
 */
import { describe, expect, it } from 'vitest';
import { formatScenarioErrors, validateScenario } from '../../../src/lib/scenario/validate';
import { errorsAfter, readSeedsSync, shippedRaw } from './fixtures';

const seeds = readSeedsSync();

/** Index of a card in the shipped file, so a test can name the path it expects. */
const cardIndex = (raw: any, id: string): number => raw.cards.findIndex((c: { id: string }) => c.id === id);

describe('a broken scenario', () => {
	it('names a card that supports a variant no clause has, and suggests the near one', () => {
		const errors = errorsAfter((raw) => {
			raw.cards[3].supports = ['saudi-track.pakage'];
		});
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatchObject({ file: 'pact.yaml', path: 'cards[3].supports[0]' });
		expect(errors[0].message).toContain('no clause has a variant "saudi-track.pakage"');
		expect(errors[0].hint).toContain('did you mean "saudi-track.package"?');
	});

	it('names a dangling onFloor, red line and weight', () => {
		const errors = errorsAfter((raw) => {
			raw.clauses[0].onFloor = 'activation.automatic';
			raw.roles[0].redLines[0].variant = 'scope.everything';
			raw.roles[1].objectives.weights['freedom-of-action.preemtive'] = raw.roles[1].objectives.weights['freedom-of-action.preemptive'];
			delete raw.roles[1].objectives.weights['freedom-of-action.preemptive'];
		});
		const byPath = Object.fromEntries(errors.map((e) => [e.path, e]));
		expect(byPath['clauses[0].onFloor'].message).toBe('"activation.automatic" belongs to clause "activation", not to "scope"');
		expect(byPath['roles[0].redLines[0].variant'].message).toContain('"scope.everything"');
		expect(byPath['roles[1].objectives.weights["freedom-of-action.preemtive"]'].hint).toContain('"freedom-of-action.preemptive"');
	});

	it('says how far the weights are from 100', () => {
		const errors = errorsAfter((raw) => {
			raw.roles[0].objectives.weights['scope.existential'] -= 5; // the sum is now 95
		});
		expect(errors).toEqual([
			expect.objectContaining({
				path: 'roles[0].objectives.weights',
				message: 'the weights of "dermer" sum to 95, not 100 (5 short)'
			})
		]);
		expect(errors[0].hint).toMatch(/^add 5 point/);
	});

	it('shows the closest passage when one word of a quote is changed', () => {
		let index = -1;
		const errors = errorsAfter((raw) => {
			index = cardIndex(raw, 'narrow-in-scope');
			raw.cards[index].quote = raw.cards[index].quote.replace('relatively narrow in scope', 'relatively broad in scope');
		});
		expect(errors).toHaveLength(1);
		const [error] = errors;
		expect(error.path).toBe(`cards[${index}].quote`);
		expect(error.message).toContain('not word for word in 000_6c2eec980ca2c237.txt');
		expect(error.message).toContain('the closest passage reads: «During these discussions, Dermer clarified');
		expect(error.message).toContain('relatively narrow in scope');
		// "During these discussions, Dermer clarified … would be relatively " is 130 characters long.
		const at = 'During these discussions, Dermer clarified to the chief of staff and the head of the Mossad that the proposed alliance would be relatively '.length + 1;
		expect(error.message).toContain(`first difference at character ${at} of the quote: it has "b" where the seed has "n"`);
	});

	it('tells a straight apostrophe from the seed’s curly one', () => {
		let index = -1;
		const errors = errorsAfter((raw) => {
			index = cardIndex(raw, 'routine-operations');
			raw.cards[index].quote = raw.cards[index].quote.replace('Israel’s', "Israel's");
		});
		expect(errors[0].path).toBe(`cards[${index}].quote`);
		expect(errors[0].message).toContain("it has a straight apostrophe ' (U+0027) where the seed has a curly apostrophe ’ (U+2019)");
	});

	it('suggests the right seed for a misspelt source', () => {
		const errors = errorsAfter((raw) => {
			raw.cards[0].source = '000_6c2eec980ca2c273.txt';
		});
		expect(errors).toHaveLength(1);
		expect(errors[0].path).toBe('cards[0].source');
		expect(errors[0].message).toBe('there is no seed file named "000_6c2eec980ca2c273.txt"');
		expect(errors[0].hint).toBe('did you mean "000_6c2eec980ca2c237.txt"?');
	});

	it('points to the seed that does hold the quote when the source names another', () => {
		const errors = errorsAfter((raw) => {
			raw.cards[0].source = '003_fba1c5ccd18370ba.txt';
		});
		expect(errors).toEqual([
			expect.objectContaining({
				path: 'cards[0].quote',
				message: 'the quote is in 000_6c2eec980ca2c237.txt, not in 003_fba1c5ccd18370ba.txt',
				hint: 'set source to "000_6c2eec980ca2c237.txt"'
			})
		]);
	});

	it('names both places of a duplicate id', () => {
		const errors = errorsAfter((raw) => {
			raw.cards[5].id = raw.cards[2].id;
			raw.roles[2].id = 'dermer';
		});
		expect(errors).toContainEqual(
			expect.objectContaining({ path: 'cards[5].id', message: `card id "${shippedRaw().cards[2].id}" is already used at cards[2].id` })
		);
		expect(errors).toContainEqual(
			expect.objectContaining({ path: 'roles[2].id', message: 'role id "dermer" is already used at roles[0].id' })
		);
	});

	it('rejects a variant id used by two clauses, or not prefixed by its clause', () => {
		const errors = errorsAfter((raw) => {
			raw.clauses[1].variants[0].id = 'scope.existential';
		});
		const paths = errors.map((e) => e.path);
		expect(paths).toContain('clauses[1].variants[0].id');
		expect(errors.find((e) => e.message.includes('does not start'))?.hint).toContain('"activation.existential"');
		expect(errors.some((e) => e.message === 'variant id "scope.existential" is already used at clauses[0].variants[0].id')).toBe(true);
	});

	it('rejects an ellipsis in a quote, whether three dots or one character', () => {
		for (const mark of ['...', '…']) {
			const errors = errorsAfter((raw) => {
				raw.cards[1].quote = `During these discussions, Dermer clarified${mark} existential threats`;
			});
			expect(errors).toEqual([expect.objectContaining({ path: 'cards[1].quote' })]);
			expect(errors[0].message).toContain(`ellipsis ("${mark}")`);
			expect(errors[0].hint).toContain('make two cards');
		}
	});

	it('says so when a quote picked up a blank at its end', () => {
		const errors = errorsAfter((raw) => {
			raw.cards[1].quote += ' \n';
		});
		expect(errors[0].message).toContain('starts or ends with a space or line break');
	});

	it('rejects a deck that names no role, and a red line that also earns points', () => {
		const errors = errorsAfter((raw) => {
			raw.cards[0].decks = ['idf-cheif'];
			raw.roles[0].objectives.weights['scope.existential'] = 5;
			raw.roles[0].objectives.weights['scope.any-attack'] = 10;
		});
		expect(errors).toContainEqual(
			expect.objectContaining({ path: 'cards[0].decks[0]', hint: 'did you mean "idf-chief"?' })
		);
		expect(errors).toContainEqual(
			expect.objectContaining({
				path: 'roles[0].redLines[0].variant',
				message: '"scope.any-attack" is a red line of "dermer" but also earns it 10 points'
			})
		);
	});

	it('asks a role for the pact for the line it gives when it heeds the other government, with its {aim}', () => {
		const errors = errorsAfter((raw) => {
			delete raw.roles[0].voice.heed;
			const pm = raw.roles.find((r: { id: string }) => r.id === 'prime-minister');
			pm.voice.heed = ['Washington objects, so I give way.', pm.voice.heed[1]];
		});
		expect(errors).toContainEqual(expect.objectContaining({ path: 'roles[0].voice', message: '"dermer" is for the pact but has no "heed" line' }));
		expect(errors).toContainEqual(expect.objectContaining({ message: 'a "heed" line carries {aim} once each' }));
	});

	it('checks a role’s conditions and voice: a misspelt condition, a missing aim, a stray placeholder, too few wordings', () => {
		const errors = errorsAfter((raw) => {
			const nagel = raw.roles.find((r: { id: string }) => r.id === 'former-nsa');
			nagel.objectives.conditions = ['assistance.mou-untouchd'];
			delete nagel.voice.aims['us-forces.none'];
			nagel.voice.yes = ['Fine by me.'];
			const adviser = raw.roles.find((r: { id: string }) => r.id === 'white-house-adviser');
			adviser.voice.no = adviser.voice.no.slice(0, 1);
		});
		const nagel = 'roles[7]';
		expect(errors).toContainEqual(expect.objectContaining({ path: `${nagel}.objectives.conditions[0]`, hint: 'did you mean "assistance.mou-untouched"?' }));
		expect(errors).toContainEqual(expect.objectContaining({ path: `${nagel}.voice.aims`, message: expect.stringContaining('"us-forces.none"') }));
		expect(errors).toContainEqual(expect.objectContaining({ path: `${nagel}.voice.yes[0]`, message: 'a "yes" line carries {aim} once each' }));
		expect(errors).toContainEqual(expect.objectContaining({ path: 'roles[3].voice.no', message: '1 wording(s) for 3 seats' }));
	});

	it('checks seats and the core role', () => {
		const errors = errorsAfter((raw) => {
			raw.roles[3].seats = { min: 3, max: 2 };
			for (const role of raw.roles) role.core = false;
		});
		expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(['roles', 'roles[3].seats', 'roles[3].portfolios']));
		expect(errors.find((e) => e.path === 'roles[3].portfolios')?.message).toBe('3 portfolios for at most 2 seat(s)');
	});

	it('reports shape errors with the path as written in the file', () => {
		const errors = errorsAfter((raw) => {
			raw.roles[2].side = 'israeli';
			raw.cards[17].quote = 'too short';
			delete raw.clauses[4].question;
			raw.cards[4].suports = raw.cards[4].supports;
		});
		const byPath = Object.fromEntries(errors.map((e) => [e.path, e]));
		expect(byPath['roles[2].side'].hint).toBe('use one of: "israel", "us", "expert"');
		expect(byPath['cards[17].quote'].message).toBe('a quote must hold at least a full clause of a sentence');
		expect(byPath['clauses[4].question'].message).toBe('"question" is missing');
		expect(byPath['cards[4]'].message).toBe('unknown key "suports"');
		expect(byPath['cards[4]'].hint).toContain('rename "suports" to "supports"');
	});

	it('formats each error with the file, the path, the problem and the fix', () => {
		const errors = errorsAfter((raw) => {
			raw.cards[0].source = '000_6c2eec980ca2c273.txt';
		});
		expect(formatScenarioErrors(errors)).toBe(
			'pact.yaml: cards[0].source — there is no seed file named "000_6c2eec980ca2c273.txt".\n' +
				'    Fix: did you mean "000_6c2eec980ca2c237.txt"?'
		);
	});

	it('checks sixty wrong quotes against the seeds in well under a second', () => {
		const raw = shippedRaw();
		for (const card of raw.cards) card.quote = card.quote.replace(/[a-z]/, 'Q');
		const started = performance.now();
		const result = validateScenario(raw, seeds, 'pact.yaml');
		const elapsed = performance.now() - started;
		expect(result.ok).toBe(false);
		if (!result.ok) {
			const quoteErrors = result.errors.filter((e) => /^cards\[\d+\]\.quote$/.test(e.path) && e.message.includes('word for word'));
			expect(quoteErrors).toHaveLength(raw.cards.length);
			expect(quoteErrors.every((e) => e.message.includes('1 character(s) differ'))).toBe(true);
		}
		expect(elapsed).toBeLessThan(1000);
	});
});
