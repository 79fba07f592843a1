import { describe, expect, it } from 'vitest';
import { closestName, closestPassage, describeChar, editDistance, firstDifference, widenToWords } from '../../../src/lib/scenario/closest';

describe('closest names and passages', () => {
	it('measures edit distance', () => {
		expect(editDistance('kitten', 'sitting')).toBe(3);
		expect(editDistance('', 'abc')).toBe(3);
		expect(editDistance('same', 'same')).toBe(0);
	});

	it('suggests a near name and nothing for a far one', () => {
		const seeds = ['000_6c2eec980ca2c237.txt', '001_04d8d90dc4da8652.txt'];
		expect(closestName('001_04d8d90dc4da8562.txt', seeds)).toBe('001_04d8d90dc4da8652.txt');
		expect(closestName('article.txt', seeds)).toBeUndefined();
		expect(closestName('IDF-Chief', ['idf-chief', 'dermer'])).toBe('idf-chief');
	});

	it('finds the passage a quote was meant to be, anywhere in the text', () => {
		const text = 'The first sentence. Israel’s ability to conduct preemptive operations. The last sentence.';
		const passage = closestPassage("Israel's ability to conduct preemptive operations.", text);
		expect(passage.edits).toBe(1);
		expect(text.slice(passage.start, passage.end)).toBe('Israel’s ability to conduct preemptive operations.');
	});

	it('widens a passage cut inside a word to whole words', () => {
		const text = 'one two three four';
		expect(widenToWords(text, { start: 5, end: 10, edits: 0 })).toBe('two three');
	});

	it('finds the first difference and names look-alike characters', () => {
		expect(firstDifference('abc', 'abd')).toBe(2);
		expect(firstDifference('abc', 'abc')).toBe(-1);
		expect(firstDifference('ab', 'abc')).toBe(2);
		expect(describeChar('’')).toBe('a curly apostrophe ’ (U+2019)');
		expect(describeChar('\u00a0')).toBe('a non-breaking space (U+00A0)');
		expect(describeChar('x')).toBe('"x"');
		expect(describeChar(undefined)).toBe('nothing (the text ends)');
	});
});
