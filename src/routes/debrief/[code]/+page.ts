import { codeFromAddress } from '$lib/client/room-code';
import type { PageLoad } from './$types';

// The debrief comes over the game's socket, as the view this browser is allowed to see.
export const ssr = false;

export const load: PageLoad = ({ params }) => ({ code: codeFromAddress(params.code) });
