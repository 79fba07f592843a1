import { codeFromAddress } from '$lib/client/room-code';
import type { PageLoad } from './$types';

// The table is live over a socket: nothing useful to render on the server.
export const ssr = false;

export const load: PageLoad = ({ params }) => ({ code: codeFromAddress(params.code) });
