/**
 * Room codes and class ids. Apart from the other payloads, in zod's tree-shakable API (zod/mini),
 * so that the home page and the console check a typed code without loading the rest of the
 * protocol or zod's full API into the browser.
 */
import { z } from 'zod/mini';

/** Room codes: six characters from an alphabet with no look-alikes (no 0/O, 1/I/L). */
export const ROOM_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ROOM_CODE_LENGTH = 6;
/**
 * How many characters a room code may be typed with: pasted from a message it may carry spaces or
 * dashes (" K7Q-M2P "), which are dropped, as is the case of its letters.
 */
export const ROOM_CODE_TYPED_LENGTH = 16;
export const RoomCode = z.pipe(
	z.pipe(
		z.string(),
		z.transform((s: string) => s.replace(/[\s\p{Pd}]/gu, '').toUpperCase())
	),
	z.string().check(
		z.length(ROOM_CODE_LENGTH, `a room code has ${ROOM_CODE_LENGTH} characters`),
		z.regex(new RegExp(`^[${ROOM_CODE_ALPHABET}]+$`), 'a room code uses letters and the digits 2–9')
	)
);

export const CLASS_ID_LENGTH = 10;
export const ClassId = z
	.string()
	.check(
		z.length(CLASS_ID_LENGTH, `a class id has ${CLASS_ID_LENGTH} characters`),
		z.regex(new RegExp(`^[${ROOM_CODE_ALPHABET}]+$`), 'a class id uses capital letters and the digits 2–9')
	);
