/**
 * Where the home page's join form goes when the page's script has not started yet (a slow phone,
 * a click during loading): a plain GET with the code, answered with a redirect to the table.
 */
import { redirect } from '@sveltejs/kit';
import { ROOM_CODE_TYPED_LENGTH, RoomCode } from '$lib/protocol/events';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const typed = url.searchParams.get('code') ?? '';
	const code = RoomCode.safeParse(typed);
	// A malformed code goes back to the home page with what was typed, where the form explains it.
	redirect(303, code.success ? `/play/${code.data}` : `/?code=${encodeURIComponent(typed.slice(0, ROOM_CODE_TYPED_LENGTH))}`);
};
