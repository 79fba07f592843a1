/**
 * Group commit to PostgreSQL: the changes made in one turn of the event loop — and, while a group
 * is committing, everything that arrives meanwhile — go into one transaction on one connection,
 * and each resolves once that transaction is committed. A group of actions alone (most groups:
 * votes, posts, moves) is one statement, and so one round trip to the database, not four. With PACT_ROOM_PG_SYNC_COMMIT=on that is
 * once synced to disk (PostgreSQL's default `synchronous_commit`); with `off` (the default), once
 * in PostgreSQL's write-ahead log, which its WAL writer syncs within three times
 * `wal_writer_delay` (0.6 s by default): a game server's crash loses nothing acknowledged, only
 * PostgreSQL's own crash may lose that much. If a group fails, none of it was committed, so each
 * change is tried again alone and only the failing one is refused, as in the SQLite store
 * (sqlite-writes.ts).
 *
 * Fencing: a change to a room (an append, a seat token, a snapshot) is made only if, in the same
 * transaction, the room's lease still carries this server's name and epoch and has not run out;
 * the lease rows are locked for the transaction, so a server taking the lease over waits for it
 * and then folds the room with these changes in. A change whose lease is gone is refused with
 * LeaseLost and nothing of it is written; with RoomDeleted if the room itself is gone (another
 * server deleted it).
 */
import type pg from 'pg';
import { LeaseLost, RoomDeleted, type SeatTokenChange, type Snapshot } from './store';
import type { Write } from './sqlite-writes';
import type { PgLeases } from './pg-leases';

type Job = { write: Write; resolve: () => void; reject: (err: Error) => void };

/** The room a change is fenced by; none for creating a class or deleting rooms, which no single room's server owns. */
function roomOf(w: Write): string | null {
	return w.op === 'append' || w.op === 'setSeatToken' || w.op === 'keepSnapshot' ? w.code : null;
}

export class PgWriter {
	private waiting: Job[] = [];
	private committing: Promise<void> | null = null;
	private scheduled = false;
	private connection: pg.PoolClient | null = null;

	constructor(
		private pool: pg.Pool,
		private leases: PgLeases,
		/** Off: a group resolves once committed, before PostgreSQL's WAL writer syncs it (within moments). */
		private syncCommit = true
	) {}

	write(change: Write): Promise<void> {
		return new Promise((resolve, reject) => {
			this.waiting.push({ write: change, resolve, reject });
			this.schedule();
		});
	}

	/** Lets every change sent so far commit. */
	async close(): Promise<void> {
		while (this.scheduled || this.committing) await (this.committing ?? new Promise((resolve) => setImmediate(resolve)));
		// Closed rather than pooled: its session's settings are the writer's own.
		this.connection?.release(true);
		this.connection = null;
	}

	private schedule() {
		if (this.scheduled || this.committing) return;
		this.scheduled = true;
		setImmediate(() => {
			this.scheduled = false;
			this.committing = this.flush().finally(() => {
				this.committing = null;
				if (this.waiting.length > 0) this.schedule();
			});
		});
	}

	private async flush(): Promise<void> {
		const jobs = this.waiting;
		this.waiting = [];
		if (jobs.length === 0) return;
		try {
			await this.commit(jobs);
		} catch {
			// One change broke the group (a repeated sequence number, say): each is committed alone.
			for (const job of jobs) {
				try {
					await this.commit([job]);
				} catch (err) {
					job.reject(err instanceof LeaseLost || err instanceof RoomDeleted ? err : new Error(`the change was not stored: ${err instanceof Error ? err.message : String(err)}`));
				}
			}
		}
	}

	/**
	 * Commits the jobs and answers them; a job whose room's lease is lost is refused and left out.
	 * Throws, having answered none, if the commit fails; with one job, throws LeaseLost (or
	 * RoomDeleted) for it.
	 */
	private async commit(jobs: Job[]): Promise<void> {
		const db = await this.connect();
		let fenced: Set<string>;
		let deleted = new Set<string>();
		try {
			fenced = jobs.every((j) => plainAppend(j.write)) ? await this.appendAlone(db, jobs) : await this.inTransaction(db, jobs);
			// A lease gone with its room: another server deleted the room.
			if (fenced.size > 0) deleted = new Set(await this.leases.deletedOf([...fenced], db));
		} catch (err) {
			if (isConnectionError(err)) this.drop(db, err);
			throw err;
		}
		// Deleted rooms' leases went with them, here or on another server.
		this.leases.forget([...deleted]);
		const refusal = (room: string) => (deleted.has(room) ? new RoomDeleted(room) : new LeaseLost(room));
		if (jobs.length === 1 && fenced.size > 0) throw refusal(roomOf(jobs[0].write)!);
		for (const { write } of jobs) if (write.op === 'deleteRooms') this.leases.forget(write.codes);
		for (const job of jobs) {
			const room = roomOf(job.write);
			if (room !== null && fenced.has(room)) job.reject(refusal(room));
			else job.resolve();
		}
	}

	/**
	 * Actions alone (the common case: votes, posts, moves), in one statement and so one round trip,
	 * committed on its own: each room's lease is checked and locked, and its actions inserted only if
	 * this server still holds it. Answers the rooms fenced out.
	 */
	private async appendAlone(db: pg.PoolClient, jobs: Job[]): Promise<Set<string>> {
		const { rooms, epochs } = this.heldAs(jobs);
		const { rows } = await db.query<{ room: string }>(
			`with held as (${HELD}), stored as (
			   insert into actions (room, seq, actor, action, type, at, action_id)
			   select * from unnest($4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::text[]) as a(room, seq, actor, action, type, at, action_id)
			   where a.room in (select room from held))
			 select room from held`,
			[rooms, epochs, this.leases.node, ...actionColumns(jobs.map((j) => j.write))]
		);
		const held = new Set(rows.map((r) => r.room));
		return new Set(rooms.filter((room) => !held.has(room)));
	}

	/** Any other group, in one transaction: the leases checked and locked first, then each change in order. Answers the rooms fenced out. */
	private async inTransaction(db: pg.PoolClient, jobs: Job[]): Promise<Set<string>> {
		try {
			await db.query('begin');
			const fenced = await this.lostLeases(db, jobs);
			const kept = jobs.filter((j) => !fenced.has(roomOf(j.write) ?? ''));
			await this.apply(db, kept.map((j) => j.write));
			await db.query('commit');
			return fenced;
		} catch (err) {
			await db.query('rollback').catch(() => this.drop(db, err));
			throw err;
		}
	}

	/** The rooms the jobs change, with the epoch of this server's lease on each (none: -1, which no lease has). */
	private heldAs(jobs: Job[]): { rooms: string[]; epochs: number[] } {
		const rooms = [...new Set(jobs.map((j) => roomOf(j.write)).filter((r): r is string => r !== null))];
		return { rooms, epochs: rooms.map((room) => this.leases.epochOf(room) ?? -1) };
	}

	/** The rooms among the jobs whose lease this server no longer holds, locking the leases it does hold until commit. */
	private async lostLeases(db: pg.PoolClient, jobs: Job[]): Promise<Set<string>> {
		const { rooms, epochs } = this.heldAs(jobs);
		if (rooms.length === 0) return new Set();
		const { rows } = await db.query<{ room: string }>(HELD, [rooms, epochs, this.leases.node]);
		const held = new Set(rows.map((r) => r.room));
		return new Set(rooms.filter((room) => !held.has(room)));
	}

	/** Carries out the changes in order; the caller holds the transaction. */
	private async apply(db: pg.PoolClient, writes: Write[]): Promise<void> {
		// Every action of the group in one statement; what goes beside them after, in order, since a
		// snapshot deletes the rows up to its sequence number.
		if (writes.some((w) => w.op === 'append'))
			await db.query(
				`insert into actions (room, seq, actor, action, type, at, action_id)
				 select * from unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[])`,
				actionColumns(writes)
			);
		for (const w of writes) {
			switch (w.op) {
				case 'createClass':
					await db.query('insert into classes (id, facilitator_token_hash, created_at) values ($1, $2, $3)', [w.record.id, w.record.facilitatorTokenHash, w.record.createdAt]);
					for (const room of w.rooms)
						await db.query('insert into rooms (code, class_id, config, facilitator_token_hash, created_at) values ($1, $2, $3, $4, $5)', [
							room.code,
							room.classId,
							JSON.stringify(room.config),
							room.facilitatorTokenHash,
							room.createdAt
						]);
					break;
				case 'append':
					for (const { tokenChange, snapshot } of w.appends) {
						if (tokenChange) await setSeatToken(db, w.code, tokenChange);
						if (snapshot) await keepSnapshot(db, w.code, snapshot);
					}
					break;
				case 'setSeatToken':
					await setSeatToken(db, w.code, w.change);
					break;
				case 'keepSnapshot':
					await keepSnapshot(db, w.code, w.snapshot);
					break;
				case 'deleteRooms':
					// The leases first: waiting for the room's server's write in flight, which locks its lease, so
					// that write's rows are deleted too; the server's next write finds the room gone.
					for (const table of ['room_leases', 'actions', 'seat_tokens', 'snapshots', 'unlinked_action_ids'])
						await db.query(`delete from ${table} where room = any($1)`, [w.codes]);
					{
						const { rows } = await db.query<{ class_id: string | null }>('delete from rooms where code = any($1) returning class_id', [w.codes]);
						// A class goes once it has no room left.
						const classes = rows.map((r) => r.class_id).filter((id) => id !== null);
						await db.query('delete from classes c where c.id = any($1) and not exists (select 1 from rooms r where r.class_id = c.id)', [classes]);
					}
					break;
			}
		}
	}

	private async connect(): Promise<pg.PoolClient> {
		if (this.connection) return this.connection;
		const db = await this.pool.connect();
		// Lost while idle (the database restarted): thrown away, and never an uncaught error that ends the process.
		db.on('error', (err) => this.drop(db, err));
		// For this connection only, which nothing but the writer uses (and which is closed, not pooled, after).
		if (!this.syncCommit) {
			try {
				await db.query('set synchronous_commit = off');
			} catch (err) {
				db.release(err instanceof Error ? err : true);
				throw err;
			}
		}
		this.connection = db;
		return db;
	}

	/** A broken connection (the database restarted) is thrown away; the next group opens another. */
	private drop(db: pg.PoolClient, err: unknown) {
		if (this.connection !== db) return;
		this.connection = null;
		db.release(err instanceof Error ? err : true);
	}
}

/** Whether a change is only actions appended, with no seat token or snapshot beside them. */
function plainAppend(w: Write): boolean {
	return w.op === 'append' && w.appends.every((a) => !a.tokenChange && !a.snapshot);
}

/**
 * This server's leases on the rooms ($1, with its epochs $2; $3 this server) that still hold, each
 * locked until commit, so that a server taking one over waits for this write and then sees it.
 */
const HELD = `select l.room from room_leases l join unnest($1::text[], $2::bigint[]) as h(room, epoch) on l.room = h.room and l.epoch = h.epoch
	where l.owner = $3 and l.expires_at > now() for share of l`;

/** The appended actions of the writes, as the columns of the actions table, for one insert from unnest. */
function actionColumns(writes: Write[]): unknown[][] {
	const entries = writes.flatMap((w) => (w.op === 'append' ? w.appends.map((a) => ({ code: w.code, e: a.entry })) : []));
	return [
		entries.map((x) => x.code),
		entries.map((x) => x.e.seq),
		entries.map((x) => JSON.stringify(x.e.actor)),
		entries.map((x) => JSON.stringify(x.e.action)),
		entries.map((x) => x.e.action.type),
		entries.map((x) => x.e.at),
		entries.map((x) => x.e.actionId ?? null)
	];
}

async function setSeatToken(db: pg.PoolClient, code: string, change: SeatTokenChange) {
	if (change.hash === null) await db.query('delete from seat_tokens where room = $1 and seat = $2', [code, change.seat]);
	else
		await db.query(
			`insert into seat_tokens (room, seat, token_hash, action_id) values ($1, $2, $3, $4)
			 on conflict (room, seat) do update set token_hash = excluded.token_hash, action_id = excluded.action_id`,
			[code, change.seat, change.hash, change.actionId ?? null]
		);
}

/**
 * A sealed secret vote or a counted poll answer: the snapshot replaces their logged rows, which
 * are deleted; their action ids are kept as a bare set, copied in random order, with no actor.
 */
async function keepSnapshot(db: pg.PoolClient, code: string, snapshot: Snapshot) {
	await db.query(
		'insert into snapshots (room, seq, state) values ($1, $2, $3) on conflict (room) do update set seq = excluded.seq, state = excluded.state',
		[code, snapshot.seq, JSON.stringify(snapshot.state)]
	);
	await db.query(
		`insert into unlinked_action_ids (room, action_id, type)
		 select room, action_id, type from actions where room = $1 and seq <= $2 and type = any($3) and action_id is not null order by random()`,
		[code, snapshot.seq, snapshot.unlinks]
	);
	await db.query('delete from actions where room = $1 and seq <= $2 and type = any($3)', [code, snapshot.seq, snapshot.unlinks]);
}

/** Errors that leave the connection unusable, as opposed to a statement PostgreSQL refused. */
function isConnectionError(err: unknown): boolean {
	const code = (err as { code?: string } | null)?.code;
	// SQLSTATE class 08 is a connection exception, 57P01–57P03 the server shutting down or starting.
	return code === undefined || code.startsWith('08') || code.startsWith('57P');
}
