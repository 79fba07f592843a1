/**
 * Secrets the server hands out: room codes, seat tokens and facilitator tokens. Tokens are kept
 * only as hashes, compared in constant time, and never logged.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { CLASS_ID_LENGTH, ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from '../src/lib/protocol/events';

/** 24 random bytes: 192 bits, written as 32 URL-safe characters. */
export function newToken(): string {
	return randomBytes(24).toString('base64url');
}

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
	const x = Buffer.from(a, 'hex');
	const y = Buffer.from(b, 'hex');
	return x.length === y.length && timingSafeEqual(x, y);
}

function randomCode(length: number): string {
	let code = '';
	for (let i = 0; i < length; i++) code += ROOM_CODE_ALPHABET[randomInt(ROOM_CODE_ALPHABET.length)];
	return code;
}

/** Six characters from a 31-letter alphabet: about 887 million codes, drawn with crypto randomness. */
export const newRoomCode = () => randomCode(ROOM_CODE_LENGTH);

/** A class id is longer than a room code: it is only ever followed as a link, never typed. */
export const newClassId = () => randomCode(CLASS_ID_LENGTH);
