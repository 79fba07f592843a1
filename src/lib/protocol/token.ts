/** The schema of seat and facilitator tokens, for the server; the pages check one with ./rules/token. */
import { z } from 'zod/mini';
import { NOT_A_TOKEN, TOKEN_SHAPE } from './rules/token';

export const Token = z.string().check(z.regex(TOKEN_SHAPE, NOT_A_TOKEN));
