/**
 * The projector's own language. The classroom's screen often runs in the teacher's browser, beside
 * the console, yet the class may need it in the other language: its choice is kept in a cookie of
 * its own, read by the server for projector pages only (the "custom-projector" strategy of
 * compiler.ts). Until the projector has one, it follows the browser's choice and languages.
 */
import { defineCustomServerStrategy, isLocale, type Locale } from './paraglide/runtime';

export const PROJECTOR_COOKIE = 'pact-room-projector-lang';
export const PROJECTOR_STRATEGY = 'custom-projector';
/** As long as the browser's own choice is kept (Paraglide's cookieMaxAge): 400 days. */
const MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

/** The projector's choice in a page request, if the request is for a projector page and has one. */
export function projectorChoice(request: Request): Locale | undefined {
	if (!new URL(request.url).pathname.startsWith('/projector/')) return undefined;
	const cookie = (request.headers.get('cookie') ?? '').split(/;\s*/).find((c) => c.startsWith(`${PROJECTOR_COOKIE}=`));
	const value = cookie?.slice(PROJECTOR_COOKIE.length + 1);
	return value && isLocale(value) ? value : undefined;
}

/** Lets the server read the projector's choice before the browser's (hooks.server.ts). */
export function defineProjectorStrategy(): void {
	defineCustomServerStrategy(PROJECTOR_STRATEGY, { getLocale: (request) => (request ? projectorChoice(request) : undefined) });
}

/** Keeps the projector's choice in this browser and shows the projector again in it. */
export function chooseForProjector(locale: Locale): void {
	document.cookie = `${PROJECTOR_COOKIE}=${locale}; path=/projector; max-age=${MAX_AGE_SECONDS}; samesite=lax`;
	location.reload();
}
