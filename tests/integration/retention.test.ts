/**
 * Nothing a class leaves is kept longer than it needs: a room is deleted, with every name, vote
 * and answer in it, 30 days after its last action (or at once, by its facilitator), down to the
 * bytes of the file and its write-ahead log; its code is then unknown. Rooms nobody is in leave
 * memory and load again, unchanged, when someone comes back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, connect, req, type TestClient } from '../helpers/clients';
import { startServer, tempDatabase, type RunningServer } from '../helpers/server';
import { rawBytes } from '../helpers/temp-database';

const DAY = 24 * 60 * 60 * 1000;
const untimed = { briefing: null, opening: null, debate: null, vote: null };

let running: RunningServer | undefined;
afterEach(async () => {
	closeAll();
	await running?.server.close();
	running = undefined;
});


/** A class of `tables` tables, a named student seated at the first, who answers the poll. */
async function playedClass(url: string, name: string, tables = 1) {
	const host = await connect(url);
	const created = await req(host, 'createGame', { tables, timers: untimed });
	const { codes, facilitatorToken, classId } = created;
	await req(host, 'enterRoom', { code: codes[0], facilitatorToken });
	const student = await connect(url);
	await req(student, 'enterRoom', { code: codes[0] });
	const { seatToken } = await req(student, 'action', { type: 'takeSeat', seat: 'dermer', name });
	await req(host, 'action', { type: 'start' });
	expect(await req(student, 'action', { type: 'answerPoll', answer: 2 })).toMatchObject({ ok: true });
	return { host, student, codes: codes as string[], facilitatorToken: facilitatorToken as string, classId: classId as string, seatToken: seatToken as string };
}

const notices = (client: TestClient) => {
	const seen: { code: string; params?: unknown }[] = [];
	client.on('notice', (n) => seen.push(n));
	return seen;
};

describe('a room past keeping', () => {
	it('is deleted 30 days after its last action, everything in it, and its code refused; a room still in use is kept', async () => {
		const database = tempDatabase();
		running = await startServer(database);
		const old = await playedClass(running.url, 'Avigail Oldclass', 2);
		const told = notices(old.student);
		running.clock.advance(20 * DAY);
		await running.server.rooms.sweep();
		expect(await req(await connect(running.url), 'enterRoom', { code: old.codes[1] })).toMatchObject({ ok: true });
		const recent = await playedClass(running.url, 'Boaz Newclass');

		running.clock.advance(11 * DAY);
		await running.server.rooms.sweep();
		expect(running.server.rooms.get(old.codes[0])).toBeUndefined();
		for (const code of old.codes) expect(await req(await connect(running.url), 'enterRoom', { code })).toMatchObject({ code: 'unknown_room' });
		expect(await req(await connect(running.url), 'enterClass', { classId: old.classId, facilitatorToken: old.facilitatorToken })).toMatchObject({
			code: 'unknown_room'
		});
		// The browser still open on it is told, and holds nothing of it.
		await expect.poll(() => told).toEqual([{ code: 'room_deleted', message: expect.any(String), params: { deleted: 'expired', days: 30 } }]);
		expect(await req(old.student, 'action', { type: 'answerPoll', answer: 1 })).toMatchObject({ code: 'not_in_room' });

		// Played 11 days ago: kept, name and all.
		expect(await req(await connect(running.url), 'enterRoom', { code: recent.codes[0], seatToken: recent.seatToken })).toMatchObject({
			view: { as: 'seat', seats: expect.arrayContaining([expect.objectContaining({ player: 'Boaz Newclass' })]) }
		});
		await running.server.close();
		running = undefined;
		const bytes = rawBytes(database);
		expect(bytes).not.toContain('Avigail Oldclass');
		for (const code of old.codes) expect(bytes).not.toContain(code);
		expect(bytes).toContain('Boaz Newclass');
	});

	it('is kept for good when keeping is off', async () => {
		running = await startServer(undefined, { keeping: { retentionMs: null, idleMs: 10 * 60 * 1000 } });
		const { codes, seatToken } = await playedClass(running.url, 'Carmel Forever');
		running.clock.advance(400 * DAY);
		await running.server.rooms.sweep();
		expect(await req(await connect(running.url), 'enterRoom', { code: codes[0], seatToken })).toMatchObject({ view: { as: 'seat' } });
	});
});

describe('deleting a class now', () => {
	it('takes the facilitator key, deletes every table at once, tells every browser and leaves no byte of it', async () => {
		const database = tempDatabase();
		running = await startServer(database);
		const cls = await playedClass(running.url, 'Dalia Deleteme', 3);
		const other = await playedClass(running.url, 'Eli Otherclass');
		const told = notices(cls.student);
		const asker = await connect(running.url);

		expect(await req(asker, 'deleteClass', { classId: cls.classId, facilitatorToken: other.facilitatorToken })).toMatchObject({ code: 'bad_token' });
		expect(await req(asker, 'deleteClass', { classId: cls.classId })).toMatchObject({ code: 'bad_payload' });
		expect(await req(await connect(running.url), 'enterRoom', { code: cls.codes[0], seatToken: cls.seatToken })).toMatchObject({ ok: true });

		expect(await req(asker, 'deleteClass', { classId: cls.classId, facilitatorToken: cls.facilitatorToken })).toEqual({ ok: true, codes: cls.codes });
		await expect.poll(() => told.map((n) => n.code)).toContain('room_deleted');
		// The page words why from the params, in its own language.
		expect(told.find((n) => n.code === 'room_deleted')?.params).toEqual({ deleted: 'by-facilitator' });
		for (const code of cls.codes) expect(await req(await connect(running.url), 'enterRoom', { code })).toMatchObject({ code: 'unknown_room' });
		expect(await req(cls.host, 'action', { type: 'advance' })).toMatchObject({ code: 'not_in_room' });
		// Deleting again finds nothing; the other class plays on.
		expect(await req(asker, 'deleteClass', { classId: cls.classId, facilitatorToken: cls.facilitatorToken })).toMatchObject({ code: 'unknown_room' });
		expect(await req(other.host, 'action', { type: 'advance' })).toMatchObject({ ok: true });

		await running.server.close();
		running = undefined;
		const bytes = rawBytes(database);
		expect(bytes).not.toContain('Dalia Deleteme');
		expect(bytes).not.toContain(cls.classId);
		expect(bytes).toContain('Eli Otherclass');
	});
});

describe('a room nobody is in', () => {
	it('leaves memory after ten idle minutes and loads again as it was; a room with a browser in it stays', async () => {
		running = await startServer();
		const left = await playedClass(running.url, 'Frida Gone');
		const stay = await playedClass(running.url, 'Gil Here');
		const before = running.server.rooms.get(left.codes[0])!.state;
		left.host.disconnect();
		left.student.disconnect();
		await expect.poll(() => running!.server.io.sockets.adapter.rooms.get(left.codes[0])?.size ?? 0).toBe(0);

		const loaded = running.server.rooms.loaded;
		running.clock.advance(11 * 60 * 1000);
		await running.server.rooms.sweep();
		expect(running.server.rooms.loaded).toBe(loaded - 1);

		const back = await connect(running.url);
		const entered = await req(back, 'enterRoom', { code: left.codes[0], seatToken: left.seatToken });
		expect(entered).toMatchObject({ ok: true, view: { as: 'seat', seq: before.seq, phase: before.phase } });
		expect(entered.view.you.poll).toEqual({ before: true, after: false });
		expect(await req(stay.host, 'action', { type: 'advance' })).toMatchObject({ ok: true });
	});
});
