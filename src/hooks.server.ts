/**
 * Every page's security headers (server/headers.ts), and the pages' errors in the server's
 * structured log: a page that does not exist is one line, a fault is one entry with its stack.
 */
import type { Handle, HandleServerError } from '@sveltejs/kit';
import { readSettings } from '../server/config';
import { EVERY_PAGE, EVERY_RESPONSE, frameAncestors } from '../server/headers';
import { createLogger } from '../server/log';

const { frameAncestors: projectorFramers } = readSettings();
const logger = createLogger();

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

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	// The path without its query; a page's keys are in its fragment, which never reaches the server.
	const entry = { status, method: event.request.method, path: event.url.pathname };
	// A missing page or a malformed address is the client's: worth a line, not a stack.
	if (status < 500) logger.info(entry, status === 404 ? 'page not found' : message);
	else logger.error({ ...entry, err: error }, 'page error');
};
