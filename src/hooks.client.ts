/**
 * Runs in the browser before any page's code.
 *
 * The page speaks the language the server wrote into <html lang> for this browser (its cookie, else
 * its languages), so the words, `lang` and `dir` always agree; switching sets the cookie and reloads.
 *
 * The pages load no zod: they check a form with the protocol's plain rules (lib/protocol/rules),
 * which the server's schemas are built from. (Zod would also probe for `new Function`, which the
 * pages' Content Security Policy forbids and reports.)
 */
import { baseLocale, isLocale, overwriteGetLocale } from '$lib/i18n/paraglide/runtime';

const documentLocale = document.documentElement.lang;
overwriteGetLocale(() => (isLocale(documentLocale) ? documentLocale : baseLocale));
