/** After the end-to-end run: its database, made in playwright.config.ts, is removed. */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';

export default function cleanup() {
	const database = process.env.PACT_ROOM_E2E_DB;
	if (database) rmSync(dirname(database), { recursive: true, force: true });
}
