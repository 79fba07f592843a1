/**
 * Room codes and class ids, as people type them and as the server takes them. Plain functions, no
 * zod: the schemas (../codes.ts) are built from them, and the home page and the console check a
 * typed code with them without downloading a schema library.
 */

/** Room codes: six characters from an alphabet with no look-alikes (no 0/O, 1/I/L). */
export const ROOM_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ROOM_CODE_LENGTH = 6;
/**
 * How many characters a room code may be typed with: pasted from a message it may carry spaces or
 * dashes (" K7Q-M2P "), which are dropped, as is the case of its letters.
 */
export const ROOM_CODE_TYPED_LENGTH = 16;
export const CLASS_ID_LENGTH = 10;

/** Room codes and class ids are written in the same alphabet. */
export const CODE_LETTERS = new RegExp(`^[${ROOM_CODE_ALPHABET}]+$`);

/** A room code as typed or pasted, read: spaces and dashes dropped, letters in capitals. */
export const readRoomCode = (typed: string) => typed.replace(/[\s\p{Pd}]/gu, '').toUpperCase();

export type CodeProblem = 'too_short' | 'too_long' | 'letters';

/** What is wrong with a code that should have `length` characters from the alphabet: its length first, then its letters. */
export function codeProblems(code: string, length: number): CodeProblem[] {
	const problems: CodeProblem[] = [];
	if (code.length < length) problems.push('too_short');
	if (code.length > length) problems.push('too_long');
	if (!CODE_LETTERS.test(code)) problems.push('letters');
	return problems;
}

/** The server's words for a code it refuses (a page words them in its own language). */
export const ROOM_CODE_REFUSALS = {
	length: `a room code has ${ROOM_CODE_LENGTH} characters`,
	letters: 'a room code uses letters and the digits 2–9'
};
export const CLASS_ID_REFUSALS = {
	length: `a class id has ${CLASS_ID_LENGTH} characters`,
	letters: 'a class id uses capital letters and the digits 2–9'
};

export const isClassId = (id: string) => codeProblems(id, CLASS_ID_LENGTH).length === 0;
