/** Every page's security headers (server/headers.ts), and the pages' errors in the server's structured log. */
import type { Handle } from '@sveltejs/kit';
import { readSettings } from '../server/config';
import { EVERY_PAGE, EVERY_RESPONSE, frameAncestors } from '../server/headers';
import { createLogger } from '../server/log';
import { logPageErrors } from '../server/page-errors';

const { frameAncestors: projectorFramers } = readSettings();

export const handle: Handle = async ({ event, resolve }) => {
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

export const handleError = logPageErrors(createLogger());
