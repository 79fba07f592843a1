/**
 * The actions a client may ask the game to take, one zod schema each. The engine applies the
 * parsed value; the actor is never part of an action — the server takes it from the socket.
 */
import { z } from 'zod';

/** What a player calls themselves at the table. Rendered as text everywhere. */
export const DisplayName = z
	.string()
	.transform((s) => s.replace(/[\p{Cc}\p{Cf}]/gu, '').trim())
	.pipe(z.string().min(1, 'enter a display name').max(40, 'keep the display name to 40 characters'));

const id = z.string().min(1).max(64);

export const Choice = z.enum(['yes', 'no', 'abstain']);
export type Choice = z.infer<typeof Choice>;

export const TakeSeat = z.strictObject({ type: z.literal('takeSeat'), seat: id, name: DisplayName });
export const Start = z.strictObject({ type: z.literal('start') });
export const OpenVote = z.strictObject({ type: z.literal('openVote'), clause: id });
export const CastVote = z.strictObject({ type: z.literal('castVote'), choice: Choice });
export const CloseVote = z.strictObject({ type: z.literal('closeVote') });

export const Action = z.discriminatedUnion('type', [TakeSeat, Start, OpenVote, CastVote, CloseVote]);
export type Action = z.infer<typeof Action>;
export type ActionType = Action['type'];
