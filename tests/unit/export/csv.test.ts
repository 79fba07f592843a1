import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, parseCsv, toCsv } from '../../../src/lib/export/csv';

describe('CSV per RFC 4180', () => {
	it('leaves plain fields bare and quotes fields with commas, quotes, CR or LF', () => {
		expect(csvCell('plain')).toBe('plain');
		expect(csvCell('a, b')).toBe('"a, b"');
		expect(csvCell('she said "no"')).toBe('"she said ""no"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
		expect(csvCell('carriage\rreturn')).toBe('"carriage\rreturn"');
	});

	it('writes numbers as numbers, booleans as yes/no and nothing for null', () => {
		expect(csvCell(-12.5)).toBe('-12.5');
		expect(csvCell(true)).toBe('yes');
		expect(csvCell(false)).toBe('no');
		expect(csvCell(null)).toBe('');
		expect(csvCell(undefined)).toBe('');
		expect(csvCell(Number.NaN)).toBe('');
	});

	it('defuses text a spreadsheet would run as a formula', () => {
		expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
		expect(csvCell('+1')).toBe("'+1");
		expect(csvCell('-not a number')).toBe("'-not a number");
		expect(csvCell('@cmd')).toBe("'@cmd");
	});

	it('ends every record, the last included, with CRLF', () => {
		expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
	});

	it('refuses a row whose width differs from the header', () => {
		expect(() => toCsv(['a', 'b'], [[1]])).toThrow(/row 1 has 1 cells/);
	});

	it('round-trips any text that does not look like a formula', () => {
		const text = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\r', '\n', ' ', 'é', '—') }).filter((s) => !/^[=+\-@\t\r]/.test(s));
		fc.assert(
			fc.property(fc.array(fc.tuple(text, text), { maxLength: 5 }), (rows) => {
				const parsed = parseCsv(toCsv(['first', 'second'], rows));
				expect(parsed).toEqual([['first', 'second'], ...rows]);
			})
		);
	});
});
