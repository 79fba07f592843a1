/**
 * A database file from an earlier version of Pact Room opens with every room it kept: classes,
 * logs, seat tokens and the snapshots of sealed votes load, and the games go on where they
 * stopped. A file from a newer version is refused at start-up, untouched, with a message that
 * says why.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../server/store/migrations';
import { openSqliteStore } from '../../server/store/sqlite-store';
import { closeAll, connect, req } from '../helpers/clients';
import { killAllKillable, spawnKillable } from '../helpers/killable-server';
import { startServer, tempDatabase, type RunningServer } from '../helpers/server';
import { rawBytes } from '../helpers/temp-database';
import { ask, Table, untimed } from '../helpers/table';
import { UNNUMBERED_SEALED_VOTER, writeUnnumbered, type UnnumberedShape } from '../helpers/unnumbered-schema';
import type { Action } from '../../src/lib/protocol/actions';

const SEATS = ['dermer', 'idf-chief', 'mossad-director', 'white-house-adviser-1'] as const;
const latest = migrations.at(-1)!.version;

let running: RunningServer | undefined;
afterEach(async () => {
	closeAll();
	await running?.server.close();
	running = undefined;
	// A server that started on a file it should have refused is not left running.
	await killAllKillable();
});

const ballot = (choice: 'yes' | 'no' | 'abstain', actionId: string) => ({ type: 'castVote', choice, actionId }) as Action;

/** What the room shows that must survive the move to another file. */
const kept = (view: Awaited<ReturnType<Table['probe']>>) => ({
	seq: view.seq,
	phase: view.phase,
	votes: view.votes,
	adopted: view.adopted,
	players: view.seats.map((s) => [s.id, s.player])
});

/**
 * Plays a class of two tables on the current code — at the first, a first vote closed and a second
 * one open with two ballots in; at the second, one seated player — then writes the same rows into
 * an unnumbered file of the given shape and stops the server.
 */
async function playThenWriteUnnumbered(shape: UnnumberedShape, ballots: 'secret' | 'named') {
	const played = tempDatabase();
	running = await startServer(played);
	const table = await Table.open(running.url, { timers: untimed, ballots, tally: 'live', tables: 2 }, SEATS);
	const { classId, codes } = table.host.received.find((r) => r.event === 'ack:createGame')!.payload[0] as { classId: string; codes: string[] };
	const guest = await connect(running.url);
	await req(guest, 'enterRoom', { code: codes[1] });
	const { seatToken: otherToken } = await req(guest, 'action', { type: 'takeSeat', seat: 'dermer', name: 'Yael' });

	for (const type of ['start', 'advance', 'advance', 'openVote'] as const) await table.run(type);
	for (const seat of SEATS) await table.act(table.players[seat], ballot(seat === 'idf-chief' ? 'no' : 'yes', `first-${seat}`));
	const closed = await table.run('closeVote');
	await table.run('advance');
	await table.run('openVote');
	await table.act(table.players.dermer, ballot('yes', 'second-dermer'));
	const logged = await table.act(table.players['idf-chief'], ballot('yes', 'second-idf-chief'));
	const before = kept(await table.probe());
	await running.server.close();
	closeAll();
	running = undefined;

	const unnumbered = tempDatabase();
	writeUnnumbered(unnumbered, shape, played);
	return { unnumbered, table, before, classId, codes, otherToken, closedSeq: closed.seq, loggedSeq: logged.seq };
}

describe('a file written before the schema steps were numbered', () => {
	it.each([
		['as the last unnumbered version left it', 'secret'],
		['before sealed ballots', 'named'],
		['before client action ids', 'named']
	] as const)('(%s, %s ballots) opens with its rooms, logs, tokens and snapshots, and the game goes on', async (shape, ballots) => {
		const { unnumbered, table, before, classId, codes, otherToken, closedSeq, loggedSeq } = await playThenWriteUnnumbered(shape, ballots);
		const db = new Database(unnumbered);
		expect(db.pragma('user_version', { simple: true })).toBe(0);
		// The sealed vote's ballots are in the snapshot, not the log.
		if (ballots === 'secret') expect(db.prepare('select count(*) as n from snapshots').get()).toEqual({ n: 1 });
		db.close();

		running = await startServer(unnumbered);
		const again = await Table.reopen(running.url, table);
		expect(kept(await again.probe())).toEqual(before);
		// The class still holds both its tables, and the second its seated player.
		expect(await ask(again.host, 'enterClass', { classId, facilitatorToken: table.facilitatorToken })).toEqual({ ok: true, codes, retentionDays: 30 });
		const guest = await connect(running.url);
		expect(await req(guest, 'enterRoom', { code: codes[1], seatToken: otherToken })).toMatchObject({ ok: true, view: { as: 'seat', you: { seat: 'dermer' } } });

		// Where the file kept client action ids, a retried ballot is answered as it was the first time.
		if (shape !== 'before client action ids') {
			expect(await ask(again.players['idf-chief'], 'action', ballot('yes', 'second-idf-chief'))).toEqual({ ok: true, seq: loggedSeq });
		}
		if (ballots === 'secret') {
			expect(await ask(again.players['idf-chief'], 'action', ballot('no', 'first-idf-chief'))).toEqual({ ok: true, seq: closedSeq });
		}
		// The game goes on: the last two seats vote, the clause passes, and the next clause comes up.
		for (const seat of SEATS.slice(2)) await again.act(again.players[seat], ballot('yes', `second-${seat}`));
		await again.run('closeVote');
		expect((await again.probe()).votes.map((v) => v.status)).not.toContain('open');
		await again.run('advance');

		await running.server.close();
		running = undefined;
		const migrated = new Database(unnumbered, { readonly: true });
		expect(migrated.pragma('user_version', { simple: true })).toBe(latest);
		// The voters the old file kept beside its sealed ballots' ids are gone, from its rows and its pages.
		if (ballots === 'secret') {
			expect(migrated.prepare('select * from unlinked_action_ids where action_id = ?').get('first-idf-chief')).toEqual({
				room: table.code,
				action_id: 'first-idf-chief',
				type: 'castVote'
			});
		}
		migrated.close();
		if (ballots === 'secret') expect(rawBytes(unnumbered).includes(UNNUMBERED_SEALED_VOTER)).toBe(false);
	});
});

describe('a file written by a newer version', () => {
	it('is refused at start-up with a message that says so, and left as it was', async () => {
		const database = tempDatabase();
		await openSqliteStore(database).close();
		const db = new Database(database);
		db.pragma(`user_version = ${latest + 1}`);
		db.close();
		const bytes = readFileSync(database);

		await expect(spawnKillable(database)).rejects.toThrow(
			new RegExp(`Pact Room cannot start: .*written by a newer version of Pact Room \\(schema ${latest + 1}; this version knows up to ${latest}\\)`)
		);
		expect(readFileSync(database).equals(bytes)).toBe(true);
		expect(() => openSqliteStore(database)).toThrow(/newer version of Pact Room/);
	});
});
