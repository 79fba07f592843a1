/** Logs are structured, name the room, and never hold a token, a name, an argument or a ballot. */
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/log';
import { closeAll, connect, req } from '../helpers/clients';
import { startServer, type RunningServer } from '../helpers/server';

let running: RunningServer;
afterEach(async () => {
	closeAll();
	await running.server.close();
});

/** A sink that collects what a logger writes. */
function collect(): { sink: Writable; text: () => string } {
	let text = '';
	const sink = new Writable({
		write(chunk, _encoding, done) {
			text += chunk.toString();
			done();
		}
	});
	return { sink, text: () => text };
}

describe('logs', () => {
	it('name the room on each entry and keep secrets out, even at debug level', async () => {
		const { sink, text: written } = collect();
		running = await startServer(undefined, { logger: createLogger('debug', sink) });
		const host = await connect(running.url);
		const { code, facilitatorToken } = await req(host, 'createGame', { ballots: 'secret', timers: { briefing: null, opening: null, debate: null, vote: null } });
		await req(host, 'enterRoom', { code, facilitatorToken });
		const player = await connect(running.url);
		await req(player, 'enterRoom', { code });
		const { seatToken } = await req(player, 'action', { type: 'takeSeat', seat: 'dermer', name: 'Secret Name' });
		for (const type of ['start', 'advance', 'advance', 'openVote'] as const) await req(host, 'action', { type });
		await req(player, 'action', { type: 'postArgument', stance: 'for', text: 'A private argument' });
		await req(player, 'action', { type: 'castVote', choice: 'no', reason: 'My secret reason' });
		await req(host, 'action', { type: 'closeVote' });

		const text = written();
		const entries = text.trim().split('\n').map((line) => JSON.parse(line));
		expect(entries.length).toBeGreaterThan(8);
		const actions = entries.filter((e) => e.msg === 'action');
		expect(actions.every((e) => e.room === code)).toBe(true);
		expect(actions.map((e) => e.action)).toEqual(expect.arrayContaining(['takeSeat', 'castVote', 'closeVote']));
		for (const secret of [seatToken, facilitatorToken, 'Secret Name', 'A private argument', 'My secret reason', '"choice"'])
			expect(text).not.toContain(secret);
	});

	it('hold no client address at info level, for games, classes, solo play and refusals alike', async () => {
		const { sink, text } = collect();
		running = await startServer(undefined, { logger: createLogger('info', sink) });
		const host = await connect(running.url);
		const { code } = await req(host, 'createGame', { tables: 2 });
		await req(host, 'createGame', { solo: { seat: 'dermer', name: 'Alone' } });
		await req(host, 'enterRoom', { code: 'ZZZZZZ' });
		await req(host, 'enterRoom', { code });
		const entries = text().trim().split('\n').map((line) => JSON.parse(line));
		expect(entries.map((e) => e.msg)).toEqual(expect.arrayContaining(['class created', 'solo game created']));
		expect(text()).not.toContain('127.0.0.1');
		expect(entries.some((e) => 'address' in e)).toBe(false);
	});
});
