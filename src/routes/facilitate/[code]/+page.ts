// The table is live over a socket: nothing useful to render on the server.
export const ssr = false;

export function load({ params }) {
	return { code: params.code.toUpperCase() };
}
