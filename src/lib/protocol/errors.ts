/**
 * Every way the server can refuse something, as a stable code the client can branch on.
 * The page words a refusal in its reader's language from the code and its params
 * (src/lib/i18n/refusals.ts); the English message that travels with them is for logs, scripts and
 * tests. Neither ever names anything another seat keeps secret.
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
	'name_taken',
	'name_reserved',
	'room_locked',
	'seat_empty',
	'bot_holds_seat',
	'seat_not_with_bot',
	'still_connected',
	// pace of play
	'wrong_phase',
	'paused',
	'not_paused',
	'no_timer',
	'timer_not_due',
	'nothing_before',
	// the agenda
	'unknown_clause',
	'no_clause_on_floor',
	'clause_undecided',
	'bad_order',
	// arguments and cards
	'empty_argument',
	'unknown_variant',
	'variant_not_on_floor',
	'stance_missing',
	'card_not_in_hand',
	'unknown_card',
	'card_not_on_table',
	'opening_card_used',
	'post_limit',
	'unknown_post',
	// the speaker queue
	'already_queued',
	'not_queued',
	'no_speaker',
	// amendments
	'amendment_pending',
	'no_amendment',
	'amendment_limit',
	'same_variant',
	'not_your_amendment',
	// votes
	'vote_open',
	'vote_already_open',
	'no_open_vote',
	'nothing_to_vote',
	// polls
	'poll_closed',
	'poll_answered',
	'bad_answer',
	// the server's own trouble
	'rate_limited',
	'room_moved',
	'internal'
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** What a page needs to word a refusal beyond its code: numbers, and names the reader already sees. */
export type RefusalParams = Record<string, string | number>;

export interface Refusal {
	ok: false;
	code: ErrorCode;
	message: string;
	params?: RefusalParams;
}

export function refuse(code: ErrorCode, message: string, params?: RefusalParams): Refusal {
	return params ? { ok: false, code, message, params } : { ok: false, code, message };
}
