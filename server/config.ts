/** Settings read from the environment, with the defaults a fresh machine needs. */
import { resolve } from 'node:path';

export interface Settings {
	port: number;
	host: string;
	/** The SQLite file holding every room. */
	database: string;
	/** A scenario file to play instead of the shipped one. */
	scenarioFile: string | undefined;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
	const port = Number(env.PORT ?? 3000);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
	return {
		port,
		// All interfaces by default, so phones on the classroom network can reach the laptop.
		host: env.HOST ?? '0.0.0.0',
		database: resolve(env.PACT_ROOM_DB ?? 'data/pact-room.sqlite'),
		scenarioFile: env.SCENARIO_FILE ? resolve(env.SCENARIO_FILE) : undefined
	};
}
