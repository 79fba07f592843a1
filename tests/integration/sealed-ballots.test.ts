/**
 * Secret ballots in storage: once a secret vote closes, nothing stored ties a seat to a ballot —
 * not the action log, not the snapshot the room now loads from, not the bytes left in the
 * database file or its write-ahead log. The room still plays on, its debrief still counts
 * changes of mind, a late retry of a sealed ballot is still answered, and a restarted server
 * shows exactly what the first one did.
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
import type { Action } from '../../src/lib/protocol/actions';
import { castsOf } from '../../src/lib/game/ballot-history';

const SEATS = ['dermer', 'idf-chief', 'mossad-director', 'white-house-adviser-1'] as const;

let running: RunningServer | undefined;
afterEach(async () => {
	closeAll();
	await running?.server.close();
	running = undefined;
});

/** The stored rows that matter, read through a separate connection as an inspector would. */
function inspect(database: string, code: string) {
	const db = new Database(database, { readonly: true });
	try {
		const ballots = db
			.prepare<[string], { actor: string }>(`select actor from actions where room = ? and json_extract(action, '$.type') = 'castVote'`)
			.all(code);
		const snapshot = db.prepare<[string], { seq: number; state: string }>('select seq, state from snapshots where room = ?').get(code);
		return { ballots, snapshot };
	} finally {
		db.close();
	}
}


/** A ballot sent with a client action id, as the browser sends it. */
const ballot = (choice: 'yes' | 'no' | 'abstain', actionId: string) => ({ type: 'castVote', choice, actionId }) as Action;

/** Plays to the first clause vote and has each seat vote; Dermer changes his mind once. */
async function firstVote(table: Table) {
	for (const type of ['start', 'advance', 'advance', 'openVote'] as const) await table.run(type);
	const choices = { dermer: 'yes', 'idf-chief': 'no', 'mossad-director': 'yes', 'white-house-adviser-1': 'abstain' } as const;
	for (const seat of SEATS) await table.act(table.players[seat], ballot(choices[seat], `first-${seat}`));
	await table.act(table.players.dermer, ballot('no', 'first-dermer-again'));
}

describe('a secret vote, once closed', () => {
	it('leaves no seat id beside any ballot in storage, and the room still loads and plays on', async () => {
		const database = tempDatabase();
		running = await startServer(database);
		const table = await Table.open(running.url, { timers: untimed, ballots: 'secret', tally: 'live' }, SEATS);
		await firstVote(table);

		// While the vote is open the ballots are in the log, as they must be to survive a crash.
		expect(inspect(database, table.code).ballots).toHaveLength(5);

		await table.run('closeVote');
		const before = await table.facilitatorView();
		const { ballots, snapshot } = inspect(database, table.code);
		expect(ballots).toEqual([]);
		expect(snapshot?.seq).toBe(table.seq);
		const votes = JSON.parse(snapshot!.state).votes;
		const stored = JSON.stringify(votes);
		for (const seat of SEATS) expect(stored).not.toContain(`"${seat}"`);
		expect(Object.keys(votes[0].ballots)).toHaveLength(4);
		// One voter, under one pseudonym, cast two ballots: the change of mind survives sealing.
		const casts = castsOf(votes[0].history).map((c) => c.seat);
		expect(new Set(casts).size).toBe(4);
		expect(casts).toHaveLength(5);
		// No page of the file or its write-ahead log still holds a ballot as it was logged.
		expect(rawBytes(database)).not.toContain('"castVote"');

		// The ack of a ballot was lost and the browser retries after the close: answered with the
		// seal's number, not refused as a ballot for a closed vote.
		const retry = await ask(table.players['idf-chief'], 'action', { type: 'castVote', choice: 'no', actionId: 'first-idf-chief' });
		expect(retry).toEqual({ ok: true, seq: snapshot!.seq });

		// Restarted on the same file, the room shows what it showed before.
		await running.server.close();
		closeAll();
		running = await startServer(database);
		const again = await Table.reopen(running.url, table);
		const after = await again.probe();
		expect(after.votes).toEqual(before.votes);
		expect(after.adopted).toEqual(before.adopted);
		expect(after.votes[0].counts).toEqual({ yes: 1, no: 2, abstain: 1 });
		const retried = await ask(again.players['idf-chief'], 'action', { type: 'castVote', choice: 'no', actionId: 'first-idf-chief' });
		expect(retried).toEqual({ ok: true, seq: snapshot!.seq });

		// Scope failed, so it comes back on its next option. That vote is logged with seats while
		// open, and sealed in its turn when it closes.
		expect((await again.probe()).adopted).toEqual({});
		await again.run('openVote');
		for (const seat of SEATS) await again.act(again.players[seat], { type: 'castVote', choice: 'yes' });
		expect(inspect(database, table.code).ballots).toHaveLength(4);
		await again.run('closeVote');
		expect(inspect(database, table.code).ballots).toEqual([]);
		const sealed = JSON.parse(inspect(database, table.code).snapshot!.state).votes;
		expect(sealed).toHaveLength(2);
		// A fresh pseudonym in every vote: the two votes cannot be linked voter by voter.
		const first = new Set(Object.keys(sealed[0].ballots));
		expect(Object.keys(sealed[1].ballots).some((name) => first.has(name))).toBe(false);
	});

	it('keeps nothing that lines its ballots up with their voters: no stored row, no page of the file, no debug log line', async () => {
		const database = tempDatabase();
		let logged = '';
		const sink = new Writable({ write: (chunk, _e, done) => void ((logged += chunk), done()) });
		running = await startServer(database, { logger: createLogger('debug', sink) });
		const table = await Table.open(running.url, { timers: untimed, ballots: 'secret', tally: 'live' }, SEATS);
		for (const type of ['start', 'advance', 'advance', 'openVote'] as const) await table.run(type);
		// Random ids, as the game's pages send; two ballots at once, the rest one after another, one change of mind.
		const ids = new Map<string, string>();
		const cast = (seat: (typeof SEATS)[number], choice: 'yes' | 'no' | 'abstain') => {
			const id = randomBytes(16).toString('hex');
			ids.set(id, seat);
			return table.act(table.players[seat], ballot(choice, id));
		};
		await Promise.all([cast('dermer', 'yes'), cast('idf-chief', 'no')]);
		await cast('mossad-director', 'yes');
		await cast('white-house-adviser-1', 'abstain');
		await cast('idf-chief', 'yes');
		await table.run('closeVote');

		const rows = everyRow(database);
		const snapshot = rows.find((r) => r.table === 'snapshots' && r.row.room === table.code)!.row;
		const sealedSeqs = new Set(castsOf(JSON.parse(snapshot.state as string).votes[0].history).map((c) => c.seq));
		expect(sealedSeqs.size).toBe(5);
		// Every row of every table: one that names a sealed ballot, by its id or its place in the log, names no seat.
		let rowsAboutBallots = 0;
		for (const { table: name, row } of rows) {
			const text = JSON.stringify(row);
			const aboutBallot = [...ids.keys()].some((id) => text.includes(id)) || (name === 'actions' && sealedSeqs.has(row.seq as number));
			if (!aboutBallot) continue;
			rowsAboutBallots++;
			for (const seat of SEATS) expect(text, `${name} row ${text}`).not.toContain(seat);
		}
		// The kept ids are there, to answer late retries, and nothing else is.
		expect(rowsAboutBallots).toBe(5);
		// Nor anywhere in the file's pages or its write-ahead log, freed pages included.
		const bytes = rawBytes(database);
		for (const id of ids.keys())
			for (let at = bytes.indexOf(id); at >= 0; at = bytes.indexOf(id, at + 1))
				for (const seat of SEATS) expect(bytes.slice(Math.max(0, at - 300), at + 300)).not.toContain(seat);

		// The debug log says a ballot came in, never whose or where in the log.
		const entries = logged.trim().split('\n').map((line) => JSON.parse(line));
		const ballots = entries.filter((e) => e.action === 'castVote');
		expect(ballots).toHaveLength(5);
		for (const entry of ballots) expect(Object.keys(entry).filter((k) => ['seat', 'seq', 'actor'].includes(k))).toEqual([]);
		for (const id of ids.keys()) expect(logged).not.toContain(id);
	});

	it('leaves named ballots in the log, where the debrief shows them by seat anyway', async () => {
		const database = tempDatabase();
		running = await startServer(database);
		const table = await Table.open(running.url, { timers: untimed, ballots: 'named', tally: 'live' }, SEATS);
		await firstVote(table);
		await table.run('closeVote');
		const { ballots, snapshot } = inspect(database, table.code);
		expect(ballots).toHaveLength(5);
		expect(snapshot).toBeUndefined();
	});
});
