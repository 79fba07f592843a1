/**
 * Seat and facilitator tokens: random, URL-safe, fixed length. Apart from the other payloads so
 * the player's page can check a seat link without loading the rest of the protocol.
 */
import { z } from 'zod/mini';

export const Token = z.string().check(z.regex(/^[A-Za-z0-9_-]{32}$/, 'that is not a token this server issues'));
