/**
 * The actions a client may ask the game to take, one zod schema each. The engine applies the
 * parsed value; the actor is never part of an action — the server takes it from the socket.
 *
 * Written with zod's tree-shakable functional API (zod/mini): the player's page checks its forms
 * with these same schemas, and the full API would make up a quarter of what the phone downloads.
 */
import { z } from 'zod/mini';
import { looksBlank } from '../game/names';

/**
 * Removes control and formatting characters (bidi overrides, zero-width joiners) and halves of
 * surrogate pairs standing alone (which JSON would send as six bytes each), and trims.
 */
const clean = (s: string) => s.replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, ' ').replace(/\s+/g, ' ').trim();

/** What a player calls themselves at the table. Rendered as text everywhere. */
export const DisplayName = z.pipe(
	z.pipe(z.string().check(z.maxLength(400, 'keep the display name to 40 characters')), z.transform(clean)),
	z.string().check(
		z.minLength(1, 'enter a display name'),
		z.maxLength(40, 'keep the display name to 40 characters'),
		z.refine((name) => !looksBlank(name), 'enter a display name that shows: at least one letter, digit or sign')
	)
);

export const ARGUMENT_MAX = 500;
export const REASON_MAX = 140;

const ArgumentText = z.pipe(
	z.pipe(
		z.string().check(z.maxLength(ARGUMENT_MAX * 2, `keep an argument to ${ARGUMENT_MAX} characters`)),
		z.transform((s: string) => s.replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, (c) => (c === '\n' ? c : '')).trim())
	),
	z.string().check(z.maxLength(ARGUMENT_MAX, `keep an argument to ${ARGUMENT_MAX} characters`))
);

const ReasonText = z.pipe(
	z.pipe(z.string().check(z.maxLength(REASON_MAX * 2, `keep a reason to ${REASON_MAX} characters`)), z.transform(clean)),
	z.string().check(z.maxLength(REASON_MAX, `keep a reason to ${REASON_MAX} characters`))
);

/**
 * A scripted role's words in the scenario's other languages, beside its English ones (a page
 * shows the reader's). Only a scripted role sends them: a player's words are shown as written.
 */
const inLanguages = <T extends z.ZodMiniType>(text: T) => z.optional(z.strictObject({ he: z.optional(text) }));

const id = z.string().check(z.minLength(1), z.maxLength(64));
const whole = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));

export const Choice = z.enum(['yes', 'no', 'abstain']);
export type Choice = z.infer<typeof Choice>;
export const Stance = z.enum(['for', 'against']);
export type Stance = z.infer<typeof Stance>;

const bare = <T extends string>(type: T) => z.strictObject({ type: z.literal(type) });

// Seats
export const TakeSeat = z.strictObject({ type: z.literal('takeSeat'), seat: id, name: DisplayName });
export const PostArgument = z.strictObject({
	type: z.literal('postArgument'),
	/** The variant argued for or against; optional in opening statements. */
	variant: z.optional(id),
	/** Instead of a variant: signing any treaty at all, which a player may argue for or against too. */
	on: z.optional(z.literal('signing')),
	stance: z.optional(Stance),
	card: z.optional(id),
	text: z.optional(ArgumentText),
	in: inLanguages(ArgumentText)
});
export const ProposeAmendment = z.strictObject({ type: z.literal('proposeAmendment'), variant: id });
export const CastVote = z.strictObject({
	type: z.literal('castVote'),
	choice: Choice,
	reason: z.optional(ReasonText),
	card: z.optional(id),
	in: inLanguages(ReasonText)
});
export const AnswerPoll = z.strictObject({ type: z.literal('answerPoll'), answer: whole(0, 10) });

// Facilitator
export const ReorderClauses = z.strictObject({ type: z.literal('reorderClauses'), order: z.array(id).check(z.maxLength(30)) });
export const SetAgenda = z.strictObject({ type: z.literal('setAgenda'), clauses: z.array(id).check(z.maxLength(30)) });
export const ExtendTimer = z.strictObject({ type: z.literal('extendTimer'), seconds: whole(10, 1800) });
export const InjectCard = z.strictObject({ type: z.literal('injectCard'), card: id });
export const HidePost = z.strictObject({ type: z.literal('hidePost'), post: whole(1, Number.MAX_SAFE_INTEGER) });
export const GiveFloor = z.strictObject({ type: z.literal('giveFloor'), seat: id });
export const ReleaseSeat = z.strictObject({ type: z.literal('releaseSeat'), seat: id });
export const HandToBot = z.strictObject({ type: z.literal('handToBot'), seat: id });

export const Action = z.discriminatedUnion('type', [
	TakeSeat,
	PostArgument,
	ProposeAmendment,
	bare('withdrawAmendment'),
	CastVote,
	AnswerPoll,
	bare('raiseHand'),
	bare('lowerHand'),
	bare('start'),
	bare('advance'),
	bare('back'),
	bare('skipClause'),
	ReorderClauses,
	SetAgenda,
	bare('pause'),
	bare('resume'),
	ExtendTimer,
	bare('holdCountdown'),
	bare('openVote'),
	bare('closeVote'),
	InjectCard,
	HidePost,
	GiveFloor,
	bare('endFloor'),
	ReleaseSeat,
	HandToBot,
	bare('takeBackSeat'),
	bare('lockRoom'),
	bare('unlockRoom'),
	bare('end')
]);
export type Action = z.infer<typeof Action>;
export type ActionType = Action['type'];
