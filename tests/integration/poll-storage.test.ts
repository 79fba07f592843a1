/**
 * Opinion-poll answers in storage: an answer is counted and forgotten. Once the server has
 * acknowledged it, no stored row, no page of the database file or its write-ahead log and no log
 * line ties it to a seat; the counts survive a restart, a retry is answered once, and a file from
 * an older version, which logged each answer beside its seat, is counted and cleared at start-up.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/log';
import { closeAll } from '../helpers/clients';
import { startServer, tempDatabase, type RunningServer } from '../helpers/server';
import { rawBytes } from '../helpers/temp-database';
import { everyRow } from '../helpers/stored-rows';
import { ask, Table, untimed } from '../helpers/table';
import type { GameState } from '../../src/lib/game/types';
import type { Action } from '../../src/lib/protocol/actions';

const SEATS = ['dermer', 'idf-chief', 'mossad-director', 'white-house-adviser-1'] as const;
/** A different answer for each seat, so an answer found beside a seat would name it. */
const ANSWERS = { dermer: 0, 'idf-chief': 1, 'mossad-director': 3, 'white-house-adviser-1': 4 } as const;

let running: RunningServer | undefined;
afterEach(async () => {
	closeAll();
	await running?.server.close();
	running = undefined;
});

/** Every stored row of every table, and the room's snapshot, read as an inspector would. */
function inspect(database: string, code: string) {
	const rows = everyRow(database);
	const db = new Database(database, { readonly: true });
	try {
		const answers = db
			.prepare<[string], { actor: string }>(`select actor from actions where room = ? and json_extract(action, '$.type') = 'answerPoll'`)
			.all(code);
		const snapshot = db.prepare<[string], { seq: number; state: string }>('select seq, state from snapshots where room = ?').get(code);
		return { rows, answers, state: snapshot && (JSON.parse(snapshot.state) as GameState), snapshotSeq: snapshot?.seq };
	} finally {
		db.close();
	}
}

describe('an opinion-poll answer, once counted', () => {
	it('leaves no seat beside it in any row, page or log line; the count survives a restart and a retry', async () => {
		const database = tempDatabase();
		let logged = '';
		const sink = new Writable({ write: (chunk, _e, done) => void ((logged += chunk), done()) });
		running = await startServer(database, { logger: createLogger('debug', sink) });
		const table = await Table.open(running.url, { timers: untimed }, SEATS);
		await table.run('start');
		const ids = new Map<string, string>();
		// Two answers at once, the rest one after another, as a class answers.
		const answer = (seat: (typeof SEATS)[number]) => {
			const actionId = randomBytes(16).toString('hex');
			ids.set(actionId, seat);
			return table.act(table.players[seat], { type: 'answerPoll', answer: ANSWERS[seat], actionId } as Action);
		};
		await Promise.all([answer('dermer'), answer('idf-chief')]);
		await answer('mossad-director');
		await answer('white-house-adviser-1');

		const { rows, answers, state, snapshotSeq } = inspect(database, table.code);
		expect(answers).toEqual([]);
		expect(snapshotSeq).toBe(table.seq);
		expect(state!.poll).toEqual({ counts: { before: [1, 1, 0, 1, 1], after: [0, 0, 0, 0, 0] }, answered: { before: [...SEATS], after: [] } });
		// A row that names an answer, by its action id, names no seat.
		const aboutAnswers = rows.filter(({ row }) => [...ids.keys()].some((id) => JSON.stringify(row).includes(id)));
		expect(aboutAnswers.map((r) => r.table)).toEqual(Array(4).fill('unlinked_action_ids'));
		for (const { row } of aboutAnswers) for (const seat of SEATS) expect(JSON.stringify(row)).not.toContain(seat);
		// No page of the file or its write-ahead log still holds an answer as it was sent.
		const bytes = rawBytes(database);
		expect(bytes).not.toContain('"answerPoll"');
		for (const id of ids.keys())
			for (let at = bytes.indexOf(id); at >= 0; at = bytes.indexOf(id, at + 1))
				for (const seat of SEATS) expect(bytes.slice(Math.max(0, at - 300), at + 300)).not.toContain(seat);
		// The debug log says an answer came in, never whose, where in the log, or what.
		const lines = logged.trim().split('\n').map((line) => JSON.parse(line));
		const logLines = lines.filter((e) => e.action === 'answerPoll');
		expect(logLines).toHaveLength(4);
		for (const line of logLines) expect(Object.keys(line).filter((k) => ['seat', 'seq', 'actor', 'answer'].includes(k))).toEqual([]);

		// A lost acknowledgement's retry is answered once; a second answer is refused, saying why.
		const [retriedId, retriedSeat] = [...ids][2];
		const retry = await ask(table.players[retriedSeat as (typeof SEATS)[number]], 'action', { type: 'answerPoll', answer: 2, actionId: retriedId });
		expect(retry).toMatchObject({ ok: true });
		expect(await table.refused(table.players.dermer, { type: 'answerPoll', answer: 4 })).toMatchObject({ code: 'poll_answered' });
		expect(inspect(database, table.code).state!.poll.counts.before).toEqual([1, 1, 0, 1, 1]);

		// Restarted on the same file: each seat still knows it answered, and the counts are unchanged.
		await running.server.close();
		closeAll();
		running = await startServer(database);
		const again = await Table.reopen(running.url, table);
		await again.run('end');
		expect((await again.seatView('dermer')).you.poll).toEqual({ before: true, after: false });
		expect((await again.facilitatorView()).debrief!.poll.before).toEqual([1, 1, 0, 1, 1]);
	});

	it('counts the answers an older version logged beside their seats, found when the file is migrated, and deletes those rows at start-up', async () => {
		const database = tempDatabase();
		running = await startServer(database);
		const table = await Table.open(running.url, { timers: untimed }, SEATS);
		await table.run('start');
		await running.server.close();
		closeAll();
		// The file as schema step 5 left it, with the answers as an older version logged them: one
		// row per answer, its seat as the actor.
		const db = new Database(database);
		db.exec(`
			drop table rooms_with_logged_poll_answers;
			drop table unlinked_action_ids;
			create table sealed_ballot_ids (room text not null references rooms(code), action_id text not null, primary key (room, action_id)) without rowid;
			pragma user_version = 5;`);
		const insert = db.prepare('insert into actions (room, seq, actor, action, at, action_id) values (?, ?, ?, ?, ?, ?)');
		SEATS.forEach((seat, i) =>
			insert.run(table.code, table.seq + 1 + i, JSON.stringify({ kind: 'seat', seat }), JSON.stringify({ type: 'answerPoll', answer: ANSWERS[seat] }), Date.now(), `old-${i}`)
		);
		db.close();

		running = await startServer(database);
		await expect.poll(() => inspect(database, table.code).answers, { timeout: 5000 }).toEqual([]);
		const { state, rows } = inspect(database, table.code);
		expect(state!.poll.counts.before).toEqual([1, 1, 0, 1, 1]);
		expect(rows.filter((r) => r.table === 'unlinked_action_ids').map((r) => r.row.type)).toEqual(Array(4).fill('answerPoll'));
		// Counted once: nothing is left for the next start to look for.
		expect(rows.filter((r) => r.table === 'rooms_with_logged_poll_answers')).toEqual([]);
		expect(rawBytes(database)).not.toContain('"answerPoll"');
		// The room plays on from its snapshot.
		const again = await Table.reopen(running.url, table);
		await again.run('advance');
		expect((await again.seatView('mossad-director')).you.poll).toEqual({ before: true, after: false });
	});
});
