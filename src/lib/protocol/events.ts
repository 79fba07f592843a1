/**
 * The one contract between browser and server: every Socket.IO event each side may emit, the
 * zod schema of every client payload, and the acknowledgement each request receives.
 */
import { z } from 'zod';
import { BallotSecrecy, TallyVisibility, translationLanguages, VotingRule } from '../scenario/schema';
import type { AnyView } from '../game/view';
import { DisplayName, type Action } from './actions';
import type { Refusal, RefusalParams } from './errors';
import type { ViewPatch, ViewUpdate } from './view-patch';
import { Token } from './token';
import { ClassId, RoomCode } from './codes';
import type { Reference } from '../scenario/reference';

export { Action } from './actions';

export { CLASS_ID_LENGTH, ClassId, ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH, ROOM_CODE_TYPED_LENGTH, RoomCode } from './codes';
export { Token } from './token';

/** Seconds for a timed step, or null to leave that step to the facilitator. */
const Seconds = z.number().int().min(10).max(3600).nullable();

export const CreateGame = z.strictObject({
	/** How many tables (rooms) to create at once, for a class run from one console. */
	tables: z.number().int().min(1).max(12).optional(),
	votingRule: VotingRule.optional(),
	tally: TallyVisibility.optional(),
	ballots: BallotSecrecy.optional(),
	/** Seats per role id, e.g. { "white-house-adviser": 2 }; roles left out keep their default. */
	seatCounts: z
		.record(z.string().max(64), z.number().int().min(0).max(3))
		.refine((r) => Object.keys(r).length <= 20, 'name at most 20 roles')
		.optional(),
	timers: z
		.strictObject({ briefing: Seconds.optional(), opening: Seconds.optional(), debate: Seconds.optional(), vote: Seconds.optional() })
		.optional(),
	/** Give the seats still empty at the start to scripted roles. */
	bots: z.boolean().optional(),
	/** The clauses to debate, in order (a lesson plan's); every clause when absent. */
	agenda: z.array(z.string().max(64)).min(1).max(30).optional(),
	/** A hands-free pace: seconds of last call once everyone has voted, and of the countdown after a result (null: off). */
	pace: z
		.strictObject({ lastCallSeconds: z.number().int().min(3).max(120).nullable(), resultSeconds: z.number().int().min(3).max(120).nullable() })
		.optional(),
	/** Solo practice: this person takes this seat, scripted roles take every other, the game runs itself. */
	solo: z.strictObject({ seat: z.string().min(1).max(64), name: DisplayName }).optional()
});
export type CreateGame = z.infer<typeof CreateGame>;

export const EnterRoom = z.strictObject({
	code: RoomCode,
	/** A seat token kept by this browser from an earlier visit. */
	seatToken: z.optional(Token),
	/** The facilitator's token, from the facilitator link. */
	facilitatorToken: z.optional(Token),
	/**
	 * The last event sequence number this browser saw. Every view is a whole snapshot, so the
	 * answer always carries everything missed; the number lets the client tell a fresh view apart.
	 */
	lastSeq: z.number().int().min(0).optional()
});
export type EnterRoom = z.infer<typeof EnterRoom>;

/** A client's own id for an action (e.g. a random UUID), sent beside it so a retry applies once. */
export const ActionId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'an action id is 8 to 64 letters, digits, - or _');

export const EnterClass = z.strictObject({ classId: ClassId, facilitatorToken: Token });
/** The reference texts in the page's language (English when absent, or when the scenario has no translation into it). */
export const AskReference = z.strictObject({ language: z.enum(['en', ...translationLanguages]).optional() });
export type AskReference = z.infer<typeof AskReference>;
export type EnterClass = z.infer<typeof EnterClass>;

export const ReissueSeat = z.strictObject({ seat: z.string().min(1).max(64) });

export const DeleteClass = z.strictObject({ classId: ClassId, facilitatorToken: Token });
export type DeleteClass = z.infer<typeof DeleteClass>;

/** The request for the join addresses carries nothing. */
export const AskJoinAddresses = z.strictObject({});

export type Ack<T extends object = object> = ({ ok: true } & T) | Refusal;

/**
 * Where students open the game, as origins (`http://192.168.1.20:3000`): the server's public
 * address when one is set (PUBLIC_URL), else its addresses on the local network — none when it is
 * reachable from this computer only.
 */
export interface JoinAddresses {
	public: string | null;
	lan: string[];
}

export interface ClientToServerEvents {
	/** Creates one table, or several for a class; answers with the console's class id and the key. */
	createGame: (
		payload: CreateGame,
		ack: (res: Ack<{ classId: string; codes: string[]; code: string; facilitatorToken: string; seatToken?: string }>) => void
	) => void;
	/** Opens a class console: answers with its room codes (each then entered with the same key). */
	enterClass: (payload: EnterClass, ack: (res: Ack<{ codes: string[]; retentionDays: number | null }>) => void) => void;
	/** Facilitator only: deletes every table of the class and everything kept about it, at once; answers with the codes deleted. */
	deleteClass: (payload: DeleteClass, ack: (res: Ack<{ codes: string[] }>) => void) => void;
	/** Facilitator only: a fresh link for a seat, to move it to another device; the old link stops working. */
	reissueSeat: (payload: z.infer<typeof ReissueSeat>, ack: (res: Ack<{ seatToken: string }>) => void) => void;
	enterRoom: (payload: EnterRoom, ack: (res: Ack<{ view: AnyView; serverTime: number }>) => void) => void;
	/** The scenario's source records, timeline, glossary, the passages they rest on and the table's words, in a language: public, the same for everyone. */
	reference: (payload: AskReference, ack: (res: Ack<{ reference: Reference }>) => void) => void;
	/** The addresses to give students (for the projector's link and QR code), whatever address this page was opened at. */
	joinAddresses: (payload: Record<string, never>, ack: (res: Ack<JoinAddresses>) => void) => void;
	/** Every game action goes through this one event, so each passes the same checks and queue. */
	action: (payload: Action & { actionId?: string }, ack: (res: Ack<{ seq: number; seatToken?: string; update?: ViewUpdate }>) => void) => void;
}

/** Why the server tells a browser, unasked, that its seat or room has changed hands. */
export type NoticeCode = 'seat_moved' | 'seat_released' | 'seat_opened_elsewhere' | 'room_deleted';

export interface ServerToClientEvents {
	/**
	 * The receiver's own view of the table, sent after every accepted action, with the server's
	 * clock so timers count down right on a device whose clock is off.
	 */
	view: (view: AnyView, serverTime: number) => void;
	/** What changed since the view this browser holds (see view-patch.ts). */
	patch: (patch: ViewPatch, serverTime: number) => void;
	/** Which seats have a connected browser right now. */
	presence: (seats: string[]) => void;
	/** Something this browser should know about its own standing, e.g. its seat moved elsewhere. */
	notice: (notice: { code: NoticeCode; message: string; params?: RefusalParams }) => void;
}

/** Formats a zod failure (from either of zod's APIs) as one sentence a person can act on. */
export function describeIssues(error: z.core.$ZodError): string {
	return error.issues
		.slice(0, 3)
		.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
		.join('; ');
}
