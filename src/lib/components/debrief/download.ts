/** Saves text as a file from the browser, without a round trip to the server. */
export function download(fileName: string, text: string, type: 'text/csv' | 'application/json') {
	// A byte-order mark lets spreadsheet programs read the CSV as UTF-8 (names, quotes, dashes).
	const body = type === 'text/csv' ? `\uFEFF${text}` : text;
	const url = URL.createObjectURL(new Blob([body], { type: `${type};charset=utf-8` }));
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	a.hidden = true;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
