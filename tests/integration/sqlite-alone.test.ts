/**
 * Without DATABASE_URL the server runs on the SQLite file alone: opening its store, as start-up
 * does, loads no PostgreSQL code (the client is loaded only in cluster mode).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDatabase } from '../helpers/server';

describe('the SQLite store alone', () => {
	it('loads no PostgreSQL code at start-up', () => {
		const script = `
			const { readSettings } = await import('./server/config.ts');
			const { openStore } = await import('./server/startup.ts');
			const store = await openStore(readSettings({ PACT_ROOM_DB: process.env.DB }));
			await store.close();
			const { createRequire } = await import('node:module');
			const loaded = Object.keys(createRequire(import.meta.url).cache);
			console.log(JSON.stringify({ pg: loaded.filter((f) => /[\\\\/]node_modules[\\\\/]pg[^\\\\/]*[\\\\/]/.test(f)), sqlite: loaded.some((f) => f.includes('better-sqlite3')) }));`;
		const loader = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
		const out = execFileSync(process.execPath, ['--import', loader, '--input-type=module', '-e', script], {
			cwd: join(import.meta.dirname, '../..'),
			env: { ...process.env, DB: tempDatabase(), DATABASE_URL: '' },
			encoding: 'utf8'
		});
		const { pg, sqlite } = JSON.parse(out.trim().split('\n').at(-1)!);
		// The check sees CommonJS modules such as better-sqlite3 and pg: the one is there, the other not.
		expect(sqlite).toBe(true);
		expect(pg).toEqual([]);
	});
});
