/**
 * Every way the server can refuse something, as a stable code the client can branch on.
 * The message that travels with a code is written for the player who acted; it never
 * names anything another seat keeps secret.
 */
export const errorCodes = [
	// the payload itself
	'bad_payload',
	// who is asking
	'unknown_room',
	'bad_token',
	'not_in_room',
	'not_seated',
	'not_facilitator',
	'already_seated',
	// seats
	'unknown_seat',
	'seat_taken',
	// phases and votes
	'wrong_phase',
	'unknown_clause',
	'vote_already_open',
	'no_open_vote',
	// the server's own trouble
	'internal'
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface Refusal {
	ok: false;
	code: ErrorCode;
	message: string;
}

export function refuse(code: ErrorCode, message: string): Refusal {
	return { ok: false, code, message };
}
