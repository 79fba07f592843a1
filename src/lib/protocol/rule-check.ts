/**
 * A zod check made from one of the plain rules in ./rules: each problem the rule finds becomes an
 * issue with the rule's words and the code zod's own check would give it, so a schema built this
 * way refuses exactly as one written with zod's checks, and the pages can run the rule alone.
 */
import { z } from 'zod/mini';

/** An issue as a check reports it, less the value checked (added when it is found). */
type Issue = z.core.$ZodRawIssue extends infer I ? (I extends unknown ? Omit<I, 'input'> : never) : never;

export function ruleCheck<P extends string>(problems: (value: string) => readonly P[], issues: Record<P, Issue>) {
	return z.check<string>((ctx) => {
		for (const problem of problems(ctx.value)) ctx.issues.push({ ...issues[problem], input: ctx.value } as z.core.$ZodRawIssue);
	});
}

/** The issues zod's length and pattern checks report. */
export const tooShort = (minimum: number, message: string, exact?: boolean): Issue => ({
	code: 'too_small',
	origin: 'string',
	minimum,
	inclusive: true,
	...(exact ? { exact } : {}),
	message
});
export const tooLong = (maximum: number, message: string, exact?: boolean): Issue => ({
	code: 'too_big',
	origin: 'string',
	maximum,
	inclusive: true,
	...(exact ? { exact } : {}),
	message
});
export const notMatching = (pattern: RegExp, message: string): Issue => ({
	code: 'invalid_format',
	origin: 'string',
	format: 'regex',
	pattern: pattern.toString(),
	message
});
