import type { PageLoad } from './$types';

// The table is live over a socket: nothing useful to render on the server.
export const ssr = false;

// The code is shown on the page and in its title: an address may hold anything, so control and
// formatting characters (a bidi override would reverse the title) are dropped; a real code has none.
export const load: PageLoad = ({ params }) => ({ code: params.code.replace(/[\p{Cc}\p{Cf}]/gu, '').toUpperCase() });
