/**
 * Every page in its browser's language and direction; every page's security headers
 * (server/headers.ts); and the pages' errors in the server's structured log.
 */
import type { Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getTextDirection } from '$lib/i18n/paraglide/runtime';
import { defineProjectorStrategy } from '$lib/i18n/projector-language';
import { paraglideMiddleware } from '$lib/i18n/paraglide/server';
import { readSettings } from '../server/config';
import { EVERY_PAGE, EVERY_RESPONSE, frameAncestors } from '../server/headers';
import { createLogger } from '../server/log';
import { logPageErrors } from '../server/page-errors';

const { frameAncestors: projectorFramers } = readSettings();

// The browser's own choice (its cookie; on a projector page, the projector's own first), else its
// first language the game speaks, else English, written into <html lang dir>: a page that renders
// only in the browser starts in its direction too.
defineProjectorStrategy();
const language: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%lang%', locale).replace('%dir%', getTextDirection(locale))
		});
	});

const headers: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of Object.entries(EVERY_RESPONSE)) response.headers.set(name, value);
	if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
	for (const [name, value] of Object.entries(EVERY_PAGE)) response.headers.set(name, value);
	// frame-ancestors only works in a header (not in a <meta> policy) and differs by page, so it is
	// added here to the policy SvelteKit made.
	const ancestors = `frame-ancestors ${frameAncestors(event.route.id, projectorFramers)}`;
	const policy = response.headers.get('content-security-policy');
	response.headers.set('content-security-policy', policy ? `${policy}; ${ancestors}` : ancestors);
	return response;
};

export const handle = sequence(language, headers);

export const handleError = logPageErrors(createLogger());
