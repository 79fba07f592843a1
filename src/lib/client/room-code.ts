/**
 * The room code a page takes from its address. An address may hold anything, and the code is
 * shown on the page and in its title, so control and formatting characters (a bidi override
 * would reverse the title) are dropped; a real code has none.
 */
export function codeFromAddress(raw: string): string {
	return raw.replace(/[\p{Cc}\p{Cf}]/gu, '').toUpperCase();
}
