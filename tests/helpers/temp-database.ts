/**
 * Fresh SQLite files for tests, each in a directory of its own, removed when the test file is done
 * (tests/setup.ts). Kept apart from the server helpers so the setup loads nothing a test may mock.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

export function tempDatabase(): string {
	const dir = mkdtempSync(join(tmpdir(), 'pact-room-'));
	made.push(dir);
	return join(dir, 'test.sqlite');
}

export function removeTempDatabases() {
	for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Every byte a database keeps on disk, main file and write-ahead log, as an inspector reads them. */
export function rawBytes(database: string): string {
	return [database, `${database}-wal`]
		.filter((file) => existsSync(file))
		.map((file) => readFileSync(file).toString('latin1'))
		.join('');
}
