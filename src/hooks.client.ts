/**
 * Runs in the browser before any page's code.
 *
 * The page speaks the language the server wrote into <html lang> for this browser (its cookie, else
 * its languages), so the words, `lang` and `dir` always agree; switching sets the cookie and reloads.
 *
 * Zod compiles its object parsers with `new Function` where it may; the pages' Content Security
 * Policy forbids that (no 'unsafe-eval'), and even Zod's probe for it is reported as a violation. In
 * the browser it parses small payloads, where the compiled parsers gain nothing, so it is told not to
 * try. (The server keeps them.) The pages use only zod's tree-shakable API (zod/mini): a page importing
 * the full API would put the whole of zod's core into the chunk the pages share.
 */
import { z } from 'zod/mini';
import { baseLocale, isLocale, overwriteGetLocale } from '$lib/i18n/paraglide/runtime';

const documentLocale = document.documentElement.lang;
overwriteGetLocale(() => (isLocale(documentLocale) ? documentLocale : baseLocale));

z.config({ jitless: true });
