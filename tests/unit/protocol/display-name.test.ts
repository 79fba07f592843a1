/** The display name as the protocol takes it: cleaned, then refused if it would show as nothing. */
import { describe, expect, it } from 'vitest';
import { Action, DisplayName } from '../../../src/lib/protocol/actions';

describe('display names', () => {
	it.each([
		['Hangul fillers', '\u3164\u3164\u3164'],
		['a braille blank', '\u2800'],
		['Hangul choseong and jungseong fillers', '\u115F\u1160'],
		['a halfwidth Hangul filler', '\uFFA0 \uFFA0'],
		['zero-width characters', '\u200B\u200C\u200D\u2060\uFEFF'],
		['an ideographic space and a no-break space', '\u3000\u00A0'],
		['combining marks alone', '\u0301\u0337\u0322'],
		['a Mongolian vowel separator and a soft hyphen', '\u180E\u00AD']
	])('refuses a name of only %s, with a message that says why', (_label, name) => {
		const parsed = DisplayName.safeParse(name);
		expect(parsed.success).toBe(false);
		expect(parsed.error!.issues.map((i) => i.message).join('; ')).toMatch(/enter a display name/);
	});

	it('keeps names with letters in any script, marks and emoji', () => {
		for (const name of ['Avi', 'שלום', '김민준', 'Zoë', 'Z\u0337a\u0335l\u0338g\u0336o', '\u{1F469}\u200D\u{1F469}', '\u115F\u1161\u11A8'])
			expect(DisplayName.safeParse(name).success, name).toBe(true);
	});

	it('drops halves of surrogate pairs standing alone from names and arguments, which JSON would send as six bytes each', () => {
		expect(DisplayName.parse('Avi\uD800')).toBe('Avi');
		const post = Action.parse({ type: 'postArgument', stance: 'for', text: `${'\uDC00'.repeat(400)}ok \u{1F600}` });
		expect(post).toMatchObject({ text: 'ok \u{1F600}' });
	});
});
