/** What a page's error leaves in the log: a missing page one line, a fault its stack. */
import { Writable } from 'node:stream';
import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../server/log';
import { logPageErrors } from '../../../server/page-errors';

function logged() {
	const lines: Record<string, unknown>[] = [];
	const sink = new Writable({
		write(chunk, _encoding, done) {
			lines.push(...chunk.toString().trim().split('\n').map((l: string) => JSON.parse(l)));
			done();
		}
	});
	return { lines, handle: logPageErrors(createLogger('info', sink)) };
}

const event = (path: string) => ({ request: new Request(`http://localhost${path}`), url: new URL(`http://localhost${path}`) }) as RequestEvent;

describe('logPageErrors', () => {
	it('logs a missing page as one info line with its path, without its query or a stack', async () => {
		const { lines, handle } = logged();
		await handle({ error: new Error('Not found: /nope'), event: event('/nope?name=Maya'), status: 404, message: 'Not Found' });
		expect(lines).toEqual([expect.objectContaining({ level: 30, msg: 'page not found', status: 404, method: 'GET', path: '/nope' })]);
		expect(JSON.stringify(lines)).not.toMatch(/Maya|stack/);
	});

	it('logs a fault as an error with its stack', async () => {
		const { lines, handle } = logged();
		await handle({ error: new Error('the store is gone'), event: event('/play/ABCDEF'), status: 500, message: 'Internal Error' });
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatchObject({ level: 50, msg: 'page error', status: 500, path: '/play/ABCDEF', err: { message: 'the store is gone' } });
		expect((lines[0].err as { stack: string }).stack).toMatch(/\n\s+at /);
	});
});
