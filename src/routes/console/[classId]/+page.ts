import type { PageLoad } from './$types';

// Every table is live over a socket: nothing useful to render on the server.
export const ssr = false;

export const load: PageLoad = ({ params }) => ({ classId: params.classId.toUpperCase() });
