/**
 * What people type at the table — display names, arguments, ballot reasons — and what the server
 * keeps of it. Plain functions, no zod: the protocol's schemas (../actions.ts) are built from them,
 * and the pages check a form with them before sending it without downloading a schema library.
 */
import { looksBlank } from '../../game/names';

/**
 * Control and formatting characters (bidi overrides, zero-width joiners) and halves of surrogate
 * pairs standing alone (which JSON would send as six bytes each).
 */
const UNSHOWN = /[\p{Cc}\p{Cf}\p{Cs}]/gu;

/** A one-line text as kept: those characters become spaces, runs of spaces one, the ends trimmed. */
export const cleanLine = (typed: string) => typed.replace(UNSHOWN, ' ').replace(/\s+/g, ' ').trim();

/** An argument as kept: those characters dropped but its line breaks, the ends trimmed. */
export const cleanArgument = (typed: string) => typed.replace(UNSHOWN, (c) => (c === '\n' ? c : '')).trim();

export const DISPLAY_NAME_MAX = 40;
export const ARGUMENT_MAX = 500;
export const REASON_MAX = 140;

/** The server's words for what it refuses in a display name (a page words them in its own language). */
export const NAME_REFUSALS = {
	missing: 'enter a display name',
	too_long: `keep the display name to ${DISPLAY_NAME_MAX} characters`,
	blank: 'enter a display name that shows: at least one letter, digit or sign'
} as const;
export type NameProblem = keyof typeof NAME_REFUSALS;

/**
 * What the server refuses in a display name as typed, in the order it says so; none when the name
 * will do. Counted once control and formatting characters are gone, so they cannot pad or hide a
 * name; text far past the limit is refused before it is cleaned.
 */
export function nameProblems(typed: string): NameProblem[] {
	if (typed.length > DISPLAY_NAME_MAX * 10) return ['too_long'];
	const name = cleanLine(typed);
	const problems: NameProblem[] = [];
	if (name.length < 1) problems.push('missing');
	if (name.length > DISPLAY_NAME_MAX) problems.push('too_long');
	if (looksBlank(name)) problems.push('blank');
	return problems;
}

export const ARGUMENT_TOO_LONG = `keep an argument to ${ARGUMENT_MAX} characters`;
export const REASON_TOO_LONG = `keep a reason to ${REASON_MAX} characters`;

/** Whether an argument as typed is longer than the server keeps, counted as it counts (text over twice the limit before cleaning). */
export const argumentTooLong = (typed: string) => typed.length > ARGUMENT_MAX * 2 || cleanArgument(typed).length > ARGUMENT_MAX;

/** Whether a ballot's reason as typed is longer than the server keeps, counted as it counts. */
export const reasonTooLong = (typed: string) => typed.length > REASON_MAX * 2 || cleanLine(typed).length > REASON_MAX;
