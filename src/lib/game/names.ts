/**
 * What a player may be called at the table: a name that shows as something, is not the label of a
 * scripted role, and is not someone else's at the same table once case, width and look-alike
 * forms are set aside.
 */

/**
 * Characters that draw nothing on their own: spaces, control and format characters (zero-width
 * joiners, bidi marks), combining marks, and the letters fonts draw blank — the Hangul fillers and
 * the empty braille pattern.
 */
const BLANK = /[\p{White_Space}\p{Cc}\p{Cf}\p{M}\u115F\u1160\u3164\uFFA0\u2800]/gu;
/** The same, less spaces and marks: what is left out when comparing two names. */
const UNSEEN = /[\p{Cc}\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** Whether a name would show as nothing at all. */
export function looksBlank(name: string): boolean {
	return name.replace(BLANK, '') === '';
}

/** What two names are compared by: compatibility forms folded (NFKC), unseen characters dropped, spaces evened, case ignored. */
export function nameKey(name: string): string {
	return name.normalize('NFKC').replace(UNSEEN, '').replace(/\p{White_Space}+/gu, ' ').trim().toLowerCase();
}

export function sameName(a: string, b: string): boolean {
	return nameKey(a) === nameKey(b);
}

/** The name a seat shows while a scripted role plays it from the start (pages word it in their language). */
export const BOT_NAME = 'Scripted role';
