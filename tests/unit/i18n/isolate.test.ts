/**
 * Words from the scenario or a player inside a sentence of the catalogues are set apart, so that
 * in Hebrew the English clause keeps its direction and the sentence's quotes, brackets and question
 * mark stay where Hebrew puts them.
 */
import { describe, expect, it } from 'vitest';
import { mark, plain, runsOf } from '../../../src/lib/i18n/isolate';
import { m } from '../../../src/lib/i18n/paraglide/messages';

describe('a sentence with words from elsewhere', () => {
	it('is cut into its own words and the marked ones, in order', () => {
		const sentence = m.vote_question_clause({ clause: mark('Scope'), summary: mark('Only threats to a country.') }, { locale: 'he' });
		expect(runsOf(sentence)).toEqual([
			{ text: 'Scope', apart: true },
			{ text: ': לאמץ את הנוסח הזה („', apart: false },
			{ text: 'Only threats to a country.', apart: true },
			{ text: '”)?', apart: false }
		]);
		expect(plain(sentence)).toBe('Scope: לאמץ את הנוסח הזה („Only threats to a country.”)?');
	});

	it('keeps a marked run whole even when a player typed the markers into it', () => {
		expect(runsOf(`— ${mark('a\uE000b\uE001c')} —`)).toEqual([
			{ text: '— ', apart: false },
			{ text: 'abc', apart: true },
			{ text: ' —', apart: false }
		]);
	});

	it('leaves a sentence with nothing marked as one run', () => {
		expect(runsOf('שלום')).toEqual([{ text: 'שלום', apart: false }]);
	});
});
