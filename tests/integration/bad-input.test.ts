/**
 * Hostile and mistaken input: each is answered with a clear refusal, the process stays up and
 * nothing stored changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { openSqliteStore } from '../../server/store/sqlite-store';
import { closeAll, connect, req, type TestClient } from '../helpers/clients';
import { startServer, type RunningServer } from '../helpers/server';

let running: RunningServer;
let code: string;
let facilitatorToken: string;
let host: TestClient;
let seated: TestClient;
let seatToken: string;

function storedActions() {
	const store = openSqliteStore(running.database);
	try {
		return store.log(code).length;
	} finally {
		store.close();
	}
}

beforeAll(async () => {
	running = await startServer();
	host = await connect(running.url);
	({ code, facilitatorToken } = await req(host, 'createGame', {}));
	await req(host, 'enterRoom', { code, facilitatorToken });
	seated = await connect(running.url);
	await req(seated, 'enterRoom', { code });
	({ seatToken } = await req(seated, 'action', { type: 'takeSeat', seat: 'dermer', name: 'Avi' }));
});

afterAll(async () => {
	closeAll();
	await running.server.close();
});

describe('bad input', () => {
	it('refuses payloads that fail their schema, saying which field is wrong', async () => {
		const before = storedActions();
		const client = await connect(running.url);
		const cases: [string, unknown, RegExp][] = [
			['createGame', { votingRule: 'plurality' }, /votingRule/],
			['createGame', 'not an object', /object/i],
			['createGame', { seatCounts: { 'white-house-adviser': 7 } }, /seatCounts/],
			['createGame', { seatCounts: { 'no-such-role': 1 } }, /no-such-role/],
			['enterRoom', { code: 'abc' }, /code/],
			['enterRoom', null, /object/i],
			['enterRoom', { code, seatToken: 'short' }, /seatToken/],
			['action', { type: 'castVote', choice: 'maybe' }, /choice/],
			['action', { type: 'launchMissiles' }, /type/],
			['action', [1, 2, 3], /object/i],
			['action', undefined, /object/i],
			['action', new Uint8Array(2000), /binary data is not accepted.*JSON object/i],
			['enterRoom', new ArrayBuffer(8), /binary data is not accepted.*enterRoom/i]
		];
		for (const [event, payload, mention] of cases) {
			const res = await req(client, event, payload);
			expect(res, `${event} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, code: 'bad_payload' });
			expect(res.message).toMatch(mention);
		}
		expect(storedActions()).toBe(before);
	});

	it('never lets a payload name the actor: a vote cast "as" another seat is refused', async () => {
		for (const type of ['start', 'advance', 'advance', 'openVote'] as const) await req(host, 'action', { type });
		const before = storedActions();
		const res = await req(seated, 'action', { type: 'castVote', choice: 'yes', seat: 'idf-chief' });
		expect(res).toMatchObject({ ok: false, code: 'bad_payload' });
		expect(res.message).toMatch(/seat/);
		expect(storedActions()).toBe(before);
		await req(host, 'action', { type: 'closeVote' });
	});

	it('refuses wrong room codes and forged or stale tokens', async () => {
		const client = await connect(running.url);
		expect(await req(client, 'enterRoom', { code: 'ZZZZZZ' })).toMatchObject({ ok: false, code: 'unknown_room' });
		const forged = 'A'.repeat(32);
		const seat = await req(client, 'enterRoom', { code, seatToken: forged });
		expect(seat).toMatchObject({ ok: false, code: 'bad_token' });
		expect(seat.message).toMatch(/seat/i);
		expect(await req(client, 'enterRoom', { code, facilitatorToken: forged })).toMatchObject({ ok: false, code: 'bad_token' });

		// A token from another room is stale here.
		const other = await req(client, 'createGame', {});
		expect(await req(client, 'enterRoom', { code: other.code, seatToken })).toMatchObject({ ok: false, code: 'bad_token' });
		expect(await req(client, 'enterRoom', { code, facilitatorToken: other.facilitatorToken })).toMatchObject({
			ok: false,
			code: 'bad_token'
		});
	});

	it('refuses actions from the wrong person or at the wrong time', async () => {
		const before = storedActions();
		const outsider = await connect(running.url);
		expect(await req(outsider, 'action', { type: 'castVote', choice: 'yes' })).toMatchObject({ code: 'not_in_room' });
		await req(outsider, 'enterRoom', { code });
		expect(await req(outsider, 'action', { type: 'castVote', choice: 'yes' })).toMatchObject({ code: 'not_seated' });
		expect(await req(seated, 'action', { type: 'openVote' })).toMatchObject({ code: 'not_facilitator' });
		expect(await req(seated, 'action', { type: 'castVote', choice: 'yes' })).toMatchObject({ code: 'no_open_vote' });
		expect(await req(seated, 'action', { type: 'takeSeat', seat: 'idf-chief', name: 'Again' })).toMatchObject({
			code: 'already_seated'
		});
		expect(await req(host, 'action', { type: 'openVote', clause: 'scope' })).toMatchObject({ code: 'bad_payload' });
		expect(await req(host, 'action', { type: 'reorderClauses', order: ['no-such-clause'] })).toMatchObject({ code: 'bad_order' });
		expect(await req(seated, 'action', { type: 'expireTimer' })).toMatchObject({ code: 'bad_payload' });
		expect(storedActions()).toBe(before);
	});

	it('survives a request with no acknowledgement callback and an oversized message', async () => {
		const before = storedActions();
		const rude = (await connect(running.url)) as unknown as Socket;
		rude.emit('action', { type: 'castVote', choice: 'yes' });
		rude.emit('enterRoom', { code });
		const dropped = new Promise<string>((resolve) => rude.once('disconnect', (reason) => resolve(reason)));
		rude.emit('action', { type: 'takeSeat', seat: 'idf-chief', name: 'x'.repeat(64 * 1024) });
		// Socket.IO closes a connection whose message exceeds maxHttpBufferSize.
		expect(await dropped).toMatch(/transport close|server disconnect/);

		const fine = await connect(running.url);
		expect(await req(fine, 'enterRoom', { code })).toMatchObject({ ok: true });
		expect(storedActions()).toBe(before);
	});
});
