/**
 * CSV as RFC 4180 describes it: fields separated by commas, records ended by CRLF, and a field
 * that holds a comma, a double quote, a CR or an LF wrapped in double quotes with each inner
 * quote doubled. A header row comes first.
 *
 * Text that players typed may start with a character a spreadsheet reads as a formula
 * (= + - @, or a tab or CR). Such text cells get a leading apostrophe, as OWASP advises, so a
 * teacher opening the file in a spreadsheet never runs a formula a student wrote. Numbers are
 * written as numbers and never touched.
 */
export type Cell = string | number | boolean | null | undefined;

const needsQuotes = /[",\r\n]/;
const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'yes' : 'no';
	const text = formulaStart.test(value) ? `'${value}` : value;
	return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly Cell[]): string {
	return cells.map(csvCell).join(',');
}

/** A whole file: the header, then one record per row, every record ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
	for (const [i, row] of rows.entries())
		if (row.length !== header.length) throw new Error(`CSV row ${i + 1} has ${row.length} cells; the header has ${header.length}`);
	return [header, ...rows].map((r) => csvRow(r) + '\r\n').join('');
}

/** Reads CSV text back into rows of strings: used by tests, and to check a file round-trips. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else field += c;
	}
	if (field !== '' || row.length) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}
