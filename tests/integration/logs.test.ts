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

describe('logs', () => {
	it('name the room on each entry and keep secrets out, even at debug level', async () => {
		let text = '';
		const sink = new Writable({
			write(chunk, _encoding, done) {
				text += chunk.toString();
				done();
			}
		});
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

		const entries = text.trim().split('\n').map((line) => JSON.parse(line));
		expect(entries.length).toBeGreaterThan(8);
		const actions = entries.filter((e) => e.msg === 'action');
		expect(actions.every((e) => e.room === code)).toBe(true);
		expect(actions.map((e) => e.action)).toEqual(expect.arrayContaining(['takeSeat', 'castVote', 'closeVote']));
		for (const secret of [seatToken, facilitatorToken, 'Secret Name', 'A private argument', 'My secret reason', '"choice"'])
			expect(text).not.toContain(secret);
	});
});
