import { codeFromAddress } from '$lib/client/room-code';
import type { PageLoad } from './$types';

// The guide comes with the scenario's reference texts, and a game's own questions over the game's
// socket, both in the browser.
export const ssr = false;

/** ?code=ABC123 opens the guide for one table, with the questions drawn from its game. */
export const load: PageLoad = ({ url }) => {
	const code = url.searchParams.get('code');
	return { code: code ? codeFromAddress(code) : null };
};
