/**
 * The actions a client may ask the game to take, one zod schema each. The engine applies the
 * parsed value; the actor is never part of an action — the server takes it from the socket.
 *
 * What people type in them is checked by the plain rules in ./rules/text, which the pages also
 * run on their forms without zod. Written with zod's tree-shakable functional API (zod/mini).
 */
import { z } from 'zod/mini';
import { ruleCheck, tooLong, tooShort } from './rule-check';
import {
	ARGUMENT_MAX,
	ARGUMENT_TOO_LONG,
	argumentTooLong,
	cleanArgument,
	cleanLine,
	DISPLAY_NAME_MAX,
	NAME_REFUSALS,
	nameProblems,
	REASON_MAX,
	REASON_TOO_LONG,
	reasonTooLong
} from './rules/text';

export { ARGUMENT_MAX, REASON_MAX } from './rules/text';

/** What a player calls themselves at the table, cleaned (see cleanLine). Rendered as text everywhere. */
export const DisplayName = z.pipe(
	z.string().check(
		ruleCheck(nameProblems, {
			missing: tooShort(1, NAME_REFUSALS.missing),
			too_long: tooLong(DISPLAY_NAME_MAX, NAME_REFUSALS.too_long),
			blank: { code: 'custom', message: NAME_REFUSALS.blank }
		})
	),
	z.transform(cleanLine)
);

/** A text refused when `tooLongRule` says so, kept as `clean` leaves it. */
const text = (tooLongRule: (typed: string) => boolean, max: number, words: string, clean: (typed: string) => string) =>
	z.pipe(
		z.string().check(ruleCheck((typed): 'too_long'[] => (tooLongRule(typed) ? ['too_long'] : []), { too_long: tooLong(max, words) })),
		z.transform(clean)
	);

const ArgumentText = text(argumentTooLong, ARGUMENT_MAX, ARGUMENT_TOO_LONG, cleanArgument);
const ReasonText = text(reasonTooLong, REASON_MAX, REASON_TOO_LONG, cleanLine);

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
