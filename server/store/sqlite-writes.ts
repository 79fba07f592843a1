/**
 * Every change the store makes, as statements prepared on one connection. They run many to a
 * transaction, in the writer thread (writer-thread.ts) or on the server's (inline-writer.ts).
 */
import type Database from 'better-sqlite3';
import type { Append, ClassRecord, RoomRecord, SeatTokenChange, Snapshot } from './store';

/** One change, as sent to the writer thread. */
export type Write =
	| { op: 'createClass'; record: ClassRecord; rooms: RoomRecord[] }
	| { op: 'append'; code: string; appends: Append[] }
	| { op: 'setSeatToken'; code: string; change: SeatTokenChange }
	| { op: 'keepSnapshot'; code: string; snapshot: Snapshot }
	| { op: 'deleteRooms'; codes: string[] };

export function prepareWrites(db: Database.Database) {
	const insertClass = db.prepare('insert into classes (id, facilitator_token_hash, created_at) values (?, ?, ?)');
	const insertRoom = db.prepare('insert into rooms (code, class_id, config, facilitator_token_hash, created_at) values (?, ?, ?, ?, ?)');
	const insertAction = db.prepare('insert into actions (room, seq, actor, action, at, action_id) values (?, ?, ?, ?, ?, ?)');
	const upsertToken = db.prepare(
		`insert into seat_tokens (room, seat, token_hash, action_id) values (?, ?, ?, ?)
		 on conflict (room, seat) do update set token_hash = excluded.token_hash, action_id = excluded.action_id`
	);
	const deleteToken = db.prepare('delete from seat_tokens where room = ? and seat = ?');
	const upsertSnapshot = db.prepare(
		'insert into snapshots (room, seq, state) values (?, ?, ?) on conflict (room) do update set seq = excluded.seq, state = excluded.state'
	);
	// Kept as a bare set, copied in random order: neither actor nor arrival order survives to be
	// lined up with the snapshot's anonymous ballots or poll counts. The kinds come as a JSON array.
	const keepUnlinkedActionIds = db.prepare(
		`insert into unlinked_action_ids (room, action_id, type)
		 select room, action_id, json_extract(action, '$.type') from actions
		 where room = ? and seq <= ? and json_extract(action, '$.type') in (select value from json_each(?)) and action_id is not null
		 order by random()`
	);
	const deleteUnlinked = db.prepare(
		`delete from actions where room = ? and seq <= ? and json_extract(action, '$.type') in (select value from json_each(?))`
	);

	const forgetLoggedPollAnswers = db.prepare('delete from rooms_with_logged_poll_answers where room = ?');

	// A room's rows, children first (they reference it); then its class, once it has no room left.
	const deleteRoomRows = ['actions', 'seat_tokens', 'snapshots', 'unlinked_action_ids', 'rooms_with_logged_poll_answers'].map((table) =>
		db.prepare(`delete from ${table} where room = ?`)
	);
	const selectClassOf = db.prepare<[string], { class_id: string | null }>('select class_id from rooms where code = ?');
	const deleteRoom = db.prepare('delete from rooms where code = ?');
	const deleteEmptyClass = db.prepare('delete from classes where id = ? and not exists (select 1 from rooms where class_id = ?)');

	// A sealed secret vote or a counted poll answer: the snapshot replaces their logged rows, which are deleted.
	const keepSnapshot = (code: string, snapshot: Snapshot) => {
		const kinds = JSON.stringify(snapshot.unlinks);
		upsertSnapshot.run(code, snapshot.seq, JSON.stringify(snapshot.state));
		keepUnlinkedActionIds.run(code, snapshot.seq, kinds);
		deleteUnlinked.run(code, snapshot.seq, kinds);
		if (snapshot.unlinks.includes('answerPoll')) forgetLoggedPollAnswers.run(code);
	};

	const setSeatToken = (code: string, change: SeatTokenChange) => {
		if (change.hash === null) deleteToken.run(code, change.seat);
		else upsertToken.run(code, change.seat, change.hash, change.actionId ?? null);
	};

	/** Carries out one change; the caller holds the transaction. */
	return function write(w: Write) {
		switch (w.op) {
			case 'createClass':
				insertClass.run(w.record.id, w.record.facilitatorTokenHash, w.record.createdAt);
				for (const room of w.rooms) insertRoom.run(room.code, room.classId, JSON.stringify(room.config), room.facilitatorTokenHash, room.createdAt);
				return;
			case 'append':
				for (const { entry: e, tokenChange, snapshot } of w.appends) {
					insertAction.run(w.code, e.seq, JSON.stringify(e.actor), JSON.stringify(e.action), e.at, e.actionId ?? null);
					if (tokenChange) setSeatToken(w.code, tokenChange);
					if (snapshot) keepSnapshot(w.code, snapshot);
				}
				return;
			case 'setSeatToken':
				setSeatToken(w.code, w.change);
				return;
			case 'keepSnapshot':
				keepSnapshot(w.code, w.snapshot);
				return;
			case 'deleteRooms':
				for (const code of w.codes) {
					const classId = selectClassOf.get(code)?.class_id;
					for (const statement of deleteRoomRows) statement.run(code);
					deleteRoom.run(code);
					if (classId) deleteEmptyClass.run(classId, classId);
				}
				return;
		}
	};
}

/** The answer to a batch: the ids committed, and those refused with the reason. */
export interface Done {
	committed: number[];
	failed: { id: number; message: string }[];
}

/**
 * Commits a batch of changes in one transaction: one sync to disk for all of them. If one fails,
 * none was committed, so each is committed alone and only the failing one is refused.
 */
export function batchCommitter(db: Database.Database) {
	const write = prepareWrites(db);
	const inOneTransaction = db.transaction((jobs: Write[]) => jobs.forEach(write));
	return function commit(jobs: ({ id: number } & Write)[]): Done {
		const done: Done = { committed: [], failed: [] };
		try {
			inOneTransaction(jobs);
			done.committed = jobs.map((j) => j.id);
		} catch {
			for (const job of jobs) {
				try {
					inOneTransaction([job]);
					done.committed.push(job.id);
				} catch (err) {
					done.failed.push({ id: job.id, message: err instanceof Error ? err.message : String(err) });
				}
			}
		}
		// The pages of deleted ballots, poll answers and rooms stay in the write-ahead log until it is checkpointed and truncated.
		if (jobs.some((j) => j.op === 'deleteRooms' || j.op === 'keepSnapshot' || (j.op === 'append' && j.appends.some((a) => a.snapshot)))) db.pragma('wal_checkpoint(TRUNCATE)');
		return done;
	};
}
