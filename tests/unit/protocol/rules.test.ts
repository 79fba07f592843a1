/**
 * The plain rules for what people type, which the pages run without zod, and the server's schemas
 * built from them: both must refuse the same input in the same words.
 */
import { describe, expect, it } from 'vitest';
import { CastVote, DisplayName, PostArgument } from '../../../src/lib/protocol/actions';
import { ClassId, RoomCode } from '../../../src/lib/protocol/codes';
import { Token } from '../../../src/lib/protocol/token';
import {
	ARGUMENT_MAX,
	ARGUMENT_TOO_LONG,
	argumentTooLong,
	cleanArgument,
	cleanLine,
	NAME_REFUSALS,
	nameProblems,
	REASON_MAX,
	REASON_TOO_LONG,
	reasonTooLong
} from '../../../src/lib/protocol/rules/text';
import { CLASS_ID_REFUSALS, codeProblems, isClassId, readRoomCode, ROOM_CODE_REFUSALS } from '../../../src/lib/protocol/rules/codes';
import { isToken, NOT_A_TOKEN } from '../../../src/lib/protocol/rules/token';

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
	result.success ? [] : result.error!.issues.map((issue) => issue.message);

describe('cleaning typed text', () => {
	it('turns control and formatting characters into spaces in a line, evens its spaces and trims it', () => {
		expect(cleanLine('  Avi\u202E\u200Bvi\tB\n ')).toBe('Avi vi B');
	});

	it('drops them from an argument but keeps its line breaks', () => {
		expect(cleanArgument(' one\u202E\n\ntwo\u0000 ')).toBe('one\n\ntwo');
	});
});

describe('display names', () => {
	it.each([
		['Avi', []],
		['  Avi  ', []],
		['x'.repeat(40), []],
		['\u200B'.repeat(100) + 'Avi', []],
		['', ['missing', 'blank']],
		['   ', ['missing', 'blank']],
		['\u3164', ['blank']],
		['x'.repeat(41), ['too_long']],
		['\u3164'.repeat(41), ['too_long', 'blank']],
		['x'.repeat(401), ['too_long']]
	])('finds in %j: %j', (typed, problems) => {
		expect(nameProblems(typed)).toEqual(problems);
	});

	it.each(['', ' ', 'Avi', '\u3164', 'x'.repeat(41), '\u3164'.repeat(41), 'x'.repeat(401), '\u200B'.repeat(300) + 'Avi'])(
		'the schema refuses %j exactly as the rule does, in its words',
		(typed) => {
			expect(messages(DisplayName.safeParse(typed))).toEqual(nameProblems(typed).map((p) => NAME_REFUSALS[p]));
		}
	);
});

describe('arguments and reasons', () => {
	it('counts an argument as the server keeps it', () => {
		expect(argumentTooLong('x'.repeat(ARGUMENT_MAX))).toBe(false);
		expect(argumentTooLong('x'.repeat(ARGUMENT_MAX + 1))).toBe(true);
		expect(argumentTooLong('\u200B'.repeat(ARGUMENT_MAX) + 'ok')).toBe(false);
		expect(argumentTooLong('\u200B'.repeat(ARGUMENT_MAX * 2 + 1))).toBe(true);
	});

	it('counts a reason as the server keeps it', () => {
		expect(reasonTooLong('x'.repeat(REASON_MAX))).toBe(false);
		expect(reasonTooLong('x'.repeat(REASON_MAX + 1))).toBe(true);
		expect(reasonTooLong('\u200B'.repeat(REASON_MAX) + 'ok')).toBe(false);
		expect(reasonTooLong(' '.repeat(REASON_MAX * 2 + 1))).toBe(true);
	});

	it.each(['', 'ok', 'x'.repeat(ARGUMENT_MAX + 1), '\u200B'.repeat(ARGUMENT_MAX) + 'ok', '\u200B'.repeat(ARGUMENT_MAX * 2 + 1)])(
		'the schemas refuse %j exactly as the rules do',
		(typed) => {
			expect(messages(PostArgument.shape.text.safeParse(typed))).toEqual(argumentTooLong(typed) ? [ARGUMENT_TOO_LONG] : []);
			expect(messages(CastVote.shape.reason.safeParse(typed))).toEqual(reasonTooLong(typed) ? [REASON_TOO_LONG] : []);
		}
	);
});

describe('room codes and class ids', () => {
	it('reads a typed room code without its spaces and dashes, in capitals', () => {
		expect(readRoomCode(' k7q–m2p\t')).toBe('K7QM2P');
	});

	it.each([
		['K7QM2P', 6, []],
		['K7QM2', 6, ['too_short']],
		['K7QM2PX', 6, ['too_long']],
		['K7QM0P', 6, ['letters']],
		['K7Q_M2P', 6, ['too_long', 'letters']],
		['', 6, ['too_short', 'letters']],
		['ABCDEFGHJK', 10, []]
	])('finds in %j (of %i characters): %j', (code, length, problems) => {
		expect(codeProblems(code, length)).toEqual(problems);
	});

	it('takes a class id only as issued: ten capitals and digits from the alphabet', () => {
		expect(isClassId('ABCDEFGHJK')).toBe(true);
		expect(isClassId('abcdefghjk')).toBe(false);
		expect(isClassId('ABCDEFGH0K')).toBe(false);
		expect(isClassId('ABCDEFGHJ')).toBe(false);
	});

	it.each(['K7QM2P', ' k7q-m2p ', 'K7QM2', 'K7QM2PX', 'K7QM0P', 'K7Q_M2P', ''])('the room code schema refuses %j exactly as the rule does', (typed) => {
		const words = codeProblems(readRoomCode(typed), 6).map((p) => (p === 'letters' ? ROOM_CODE_REFUSALS.letters : ROOM_CODE_REFUSALS.length));
		expect(messages(RoomCode.safeParse(typed))).toEqual(words);
	});

	it.each(['ABCDEFGHJK', 'abcdefghjk', 'ABCDEFGHJ', ' ABCDEFGHJK', ''])('the class id schema refuses %j exactly as the rule does', (id) => {
		const words = codeProblems(id, 10).map((p) => (p === 'letters' ? CLASS_ID_REFUSALS.letters : CLASS_ID_REFUSALS.length));
		expect(messages(ClassId.safeParse(id))).toEqual(words);
	});
});

describe('tokens', () => {
	it.each([
		['A'.repeat(32), true],
		['a-_'.repeat(10) + 'zz', true],
		['A'.repeat(31), false],
		['A'.repeat(33), false],
		['A'.repeat(31) + '=', false],
		['', false]
	])('%j is a token: %s, to the rule and the schema alike', (s, ok) => {
		expect(isToken(s)).toBe(ok);
		expect(messages(Token.safeParse(s))).toEqual(ok ? [] : [NOT_A_TOKEN]);
	});
});
