/**
 * A page's errors in the server's structured log (SvelteKit's handleError, src/hooks.server.ts):
 * a page that does not exist, or a malformed address, is the client's doing and one line; a fault
 * is one entry with its stack. No client address, no query: the path alone says which page.
 */
import type { HandleServerError } from '@sveltejs/kit';
import type { Logger } from './log';

export function logPageErrors(logger: Logger): HandleServerError {
	return ({ error, event, status, message }) => {
		// A page's keys are in its fragment, which never reaches the server; the query is left out.
		const entry = { status, method: event.request.method, path: event.url.pathname };
		if (status < 500) logger.info(entry, status === 404 ? 'page not found' : message);
		else logger.error({ ...entry, err: error }, 'page error');
	};
}
