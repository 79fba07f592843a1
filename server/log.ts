/**
 * Structured logs (pino, one JSON object a line) with the room's code on every entry about a room.
 * What is logged is chosen, never dumped: action types and seats, never payloads — so no token,
 * name, argument or ballot choice ever reaches a log — and token fields are redacted besides.
 * No client's network address is logged at info level or above: a school's logs are not a
 * record of who played from where.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream): Logger {
	const options = {
		level,
		base: { service: 'pact-room' },
		redact: { paths: ['seatToken', 'facilitatorToken', 'token', '*.seatToken', '*.facilitatorToken', '*.token'], censor: '[hidden]' }
	};
	return destination ? pino(options, destination) : pino(options);
}

export const silentLogger: Logger = pino({ level: 'silent' });
