/**
 * Seat and facilitator tokens: random, URL-safe, fixed length. Plain, no zod: the schema
 * (../token.ts) is built from it, and the player's page checks a seat link with it.
 */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}$/;
export const NOT_A_TOKEN = 'that is not a token this server issues';

export const isToken = (s: string) => TOKEN_SHAPE.test(s);
