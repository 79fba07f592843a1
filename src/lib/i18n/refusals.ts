/**
 * A refusal or notice from the server, worded in this page's language from its code and params.
 * The server's own English message is not shown: the same refusal reads differently at each seat.
 */
import type { ErrorCode, RefusalParams } from '$lib/protocol/errors';
import type { NoticeCode } from '$lib/protocol/events';
import { m } from './paraglide/messages';

type Words = (p: RefusalParams) => string;
// A name inside the sentence is not wrapped in directional isolates (U+2068…U+2069): the pages
// show no formatting characters at all, so that none typed by a player can hide among them.
const text = (p: RefusalParams, key: string) => String(p[key] ?? '');
const count = (p: RefusalParams, key: string) => Number(p[key]);

const refusals: Record<ErrorCode, Words> = {
	bad_payload: () => m.refusal_bad_payload(),
	unknown_room: (p) =>
		p.code === undefined
			? m.refusal_unknown_room()
			: p.deleted === 'by-facilitator'
				? m.refusal_room_deleted_by_facilitator()
				: p.deleted === 'expired'
					? m.refusal_room_deleted_expired({ days: count(p, 'days') })
					: p.deleted === 'yes'
						? m.refusal_unknown_room_deleted({ code: text(p, 'code') })
				: m.refusal_unknown_room_code({ code: text(p, 'code') }),
	bad_token: () => m.refusal_bad_token(),
	not_in_room: () => m.refusal_not_in_room(),
	not_seated: () => m.refusal_not_seated(),
	not_facilitator: () => m.refusal_not_facilitator(),
	already_seated: () => m.refusal_already_seated(),
	unknown_seat: () => m.refusal_unknown_seat(),
	seat_taken: (p) => (p.player === undefined ? m.refusal_seat_taken() : m.refusal_seat_taken_by({ player: text(p, 'player') })),
	name_taken: (p) => m.refusal_name_taken({ name: text(p, 'name') }),
	name_reserved: (p) => m.refusal_name_reserved({ name: text(p, 'name') }),
	room_locked: () => m.refusal_room_locked(),
	seat_empty: () => m.refusal_seat_empty(),
	bot_holds_seat: () => m.refusal_bot_holds_seat(),
	seat_not_with_bot: () => m.refusal_seat_not_with_bot(),
	still_connected: (p) =>
		p.seconds === undefined ? m.refusal_still_connected() : m.refusal_still_connected_wait({ seconds: count(p, 'seconds') }),
	wrong_phase: () => m.refusal_wrong_phase(),
	paused: () => m.refusal_paused(),
	not_paused: () => m.refusal_not_paused(),
	no_timer: () => m.refusal_no_timer(),
	timer_not_due: () => m.refusal_timer_not_due(),
	nothing_before: () => m.refusal_nothing_before(),
	unknown_clause: () => m.refusal_unknown_clause(),
	no_clause_on_floor: () => m.refusal_no_clause_on_floor(),
	clause_undecided: () => m.refusal_clause_undecided(),
	bad_order: () => m.refusal_bad_order(),
	empty_argument: () => m.refusal_empty_argument(),
	unknown_variant: () => m.refusal_unknown_variant(),
	variant_not_on_floor: () => m.refusal_variant_not_on_floor(),
	stance_missing: () => m.refusal_stance_missing(),
	card_not_in_hand: () => m.refusal_card_not_in_hand(),
	unknown_card: () => m.refusal_unknown_card(),
	card_not_on_table: () => m.refusal_card_not_on_table(),
	opening_card_used: () => m.refusal_opening_card_used(),
	post_limit: (p) => m.refusal_post_limit({ limit: count(p, 'limit'), opening: String(p.opening) }),
	unknown_post: () => m.refusal_unknown_post(),
	already_queued: () => m.refusal_already_queued(),
	not_queued: () => m.refusal_not_queued(),
	no_speaker: () => m.refusal_no_speaker(),
	amendment_pending: () => m.refusal_amendment_pending(),
	no_amendment: () => m.refusal_no_amendment(),
	amendment_limit: (p) => m.refusal_amendment_limit({ limit: count(p, 'limit') }),
	same_variant: () => m.refusal_same_variant(),
	not_your_amendment: () => m.refusal_not_your_amendment(),
	vote_open: () => m.refusal_vote_open(),
	vote_already_open: () => m.refusal_vote_already_open(),
	no_open_vote: () => m.refusal_no_open_vote(),
	nothing_to_vote: () => m.refusal_nothing_to_vote(),
	poll_closed: () => m.refusal_poll_closed(),
	poll_answered: () => m.refusal_poll_answered(),
	bad_answer: () => m.refusal_bad_answer(),
	rate_limited: () => m.refusal_rate_limited(),
	room_moved: () => m.refusal_room_moved(),
	internal: (p) => (p.unanswered === 'yes' ? m.refusal_no_answer() : m.refusal_internal())
};

/** A refusal in this page's language. */
export function refusalText(refusal: { code: ErrorCode; params?: RefusalParams }): string {
	return refusals[refusal.code](refusal.params ?? {});
}

const notices: Record<NoticeCode, () => string> = {
	seat_moved: () => m.notice_seat_moved(),
	seat_released: () => m.notice_seat_released(),
	seat_opened_elsewhere: () => m.notice_seat_opened_elsewhere(),
	room_deleted: () => m.notice_room_deleted()
};

/** A notice about this browser's seat or room, in this page's language. */
export function noticeText(notice: { code: NoticeCode }): string {
	return notices[notice.code]();
}
