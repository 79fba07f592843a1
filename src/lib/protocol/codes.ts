/**
 * The schemas of room codes and class ids, built from the plain rules in ./rules/codes (which the
 * pages use alone).
 */
import { z } from 'zod/mini';
import { notMatching, ruleCheck, tooLong, tooShort } from './rule-check';
import {
	CLASS_ID_LENGTH,
	CLASS_ID_REFUSALS,
	CODE_LETTERS,
	codeProblems,
	readRoomCode,
	ROOM_CODE_LENGTH,
	ROOM_CODE_REFUSALS
} from './rules/codes';

export { CLASS_ID_LENGTH, ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH, ROOM_CODE_TYPED_LENGTH } from './rules/codes';

/** A code of `length` characters, refused in the words given. */
const code = (length: number, words: { length: string; letters: string }) =>
	z.string().check(
		ruleCheck((s) => codeProblems(s, length), {
			too_short: tooShort(length, words.length, true),
			too_long: tooLong(length, words.length, true),
			letters: notMatching(CODE_LETTERS, words.letters)
		})
	);

export const RoomCode = z.pipe(z.pipe(z.string(), z.transform(readRoomCode)), code(ROOM_CODE_LENGTH, ROOM_CODE_REFUSALS));

export const ClassId = code(CLASS_ID_LENGTH, CLASS_ID_REFUSALS);
