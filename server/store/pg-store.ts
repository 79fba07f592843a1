/**
 * The PostgreSQL store, for cluster mode (DATABASE_URL): several game servers share one database,
 * each serving the rooms whose leases it holds (pg-leases.ts). The same promises as the SQLite
 * store: a change resolves once committed, in groups (pg-writer.ts); a room's actions appended
 * together are stored all or none; a sealed vote's snapshot replaces its ballots' rows in the same
 * transaction; deleting rooms deletes everything about them. Loaded only when DATABASE_URL is set.
 *
 * Client: node-postgres (`pg`), the most used and longest kept PostgreSQL client for Node, whose
 * pool rate-limiter-flexible's PostgreSQL store also takes, so limits shared across servers can
 * use the same connections.
 */
import pg from 'pg';
import { createHmac, randomBytes } from 'node:crypto';
import { RateLimiterMemory, RateLimiterPostgres } from 'rate-limiter-flexible';
import type { Action } from '../../src/lib/game/types';
import type { SharedLimiters } from '../limits';
import type { AppliedAction, Store, Unlinked } from './store';
import { migratePg } from './pg-schema';
import { PgLeases } from './pg-leases';
import { PgWriter } from './pg-writer';

export interface PgStoreOptions {
	/** This server's name among the servers sharing the database; unique to it. */
	node: string;
	/** How long a room's lease lasts unless renewed, in milliseconds. */
	leaseMs: number;
	/** Whether a group of changes is synced to disk before it resolves (PostgreSQL's `synchronous_commit`); on unless told. */
	syncCommit?: boolean;
	/** Told of trouble with the database that no request is waiting on (a lease renewal, an idle connection dropped). */
	onError?: (err: unknown, context: string) => void;
}

/** Column types read as numbers: bigint (20) times in milliseconds, far below 2^53. */
const types = {
	getTypeParser: ((oid: number, format?: string) => (oid === 20 ? Number : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser
};

export type PgStore = Store & { leases: PgLeases };

export async function openPgStore(url: string, options: PgStoreOptions): Promise<PgStore> {
	const report = options.onError ?? (() => {});
	const pool = new pg.Pool({
		connectionString: url,
		max: 6,
		types,
		// A server paused (or cut off) in the middle of a write would hold its room's lease row locked,
		// and no other server could take the room over: PostgreSQL ends such a transaction, and so
		// frees the lock, well within the lease.
		idle_in_transaction_session_timeout: Math.max(500, Math.floor(options.leaseMs / 3))
	});
	// An idle connection dropped (the database restarted) must not end the process: the next query opens another.
	pool.on('error', (err) => report(err, 'a database connection was lost'));
	try {
		await migratePg(pool);
	} catch (err) {
		await pool.end();
		throw err;
	}
	const sharedLimiters = await limitersIn(pool);
	const leases = new PgLeases(pool, options.node, options.leaseMs);
	leases.onError = (err) => report(err, 'room leases could not be renewed');
	const writer = new PgWriter(pool, leases, options.syncCommit ?? true);
	const rows = async <R extends pg.QueryResultRow>(sql: string, values: unknown[] = []) => (await pool.query<R>(sql, values)).rows;

	return {
		leases,
		sharedLimiters,
		createClass: (record, rooms) => writer.write({ op: 'createClass', record, rooms }),
		async getClass(id) {
			const [row] = await rows<{ id: string; facilitator_token_hash: string; created_at: number }>('select * from classes where id = $1', [id]);
			return row && { id: row.id, facilitatorTokenHash: row.facilitator_token_hash, createdAt: row.created_at };
		},
		async roomsOfClass(id) {
			return (await rows<{ code: string }>('select code from rooms where class_id = $1 order by created_order', [id])).map((r) => r.code);
		},
		async getRoom(code) {
			const [row] = await rows<{ code: string; class_id: string | null; config: string; facilitator_token_hash: string; created_at: number }>(
				'select code, class_id, config, facilitator_token_hash, created_at from rooms where code = $1',
				[code]
			);
			return row && { code: row.code, classId: row.class_id, config: JSON.parse(row.config), facilitatorTokenHash: row.facilitator_token_hash, createdAt: row.created_at };
		},
		append: (code, appends) => writer.write({ op: 'append', code, appends }),
		setSeatToken: (code, change) => writer.write({ op: 'setSeatToken', code, change }),
		keepSnapshot: (code, snapshot) => writer.write({ op: 'keepSnapshot', code, snapshot }),
		async snapshot(code) {
			const [row] = await rows<{ seq: number; state: string }>('select seq, state from snapshots where room = $1', [code]);
			return row && { seq: row.seq, state: JSON.parse(row.state) };
		},
		// Poll answers logged beside their seats are an older SQLite file's; this database never held any.
		roomsWithLoggedPollAnswers: () => [],
		async log(code, after = 0) {
			const found = await rows<{ seq: number; actor: string; action: string; at: number; action_id: string | null }>(
				'select seq, actor, action, at, action_id from actions where room = $1 and seq > $2 order by seq',
				[code, after]
			);
			return found.map((r) => ({
				seq: r.seq,
				actor: JSON.parse(r.actor),
				action: JSON.parse(r.action),
				at: r.at,
				...(r.action_id === null ? {} : { actionId: r.action_id })
			}));
		},
		async actionIds(code) {
			const logged = await rows<{ action_id: string; seq: number; actor: string; action: string }>(
				'select action_id, seq, actor, action from actions where room = $1 and action_id is not null',
				[code]
			);
			const ids = new Map<string, AppliedAction>(
				logged.map((r) => {
					const action = JSON.parse(r.action) as Action;
					return [r.action_id, { seq: r.seq, actor: JSON.parse(r.actor), type: action.type, ...(action.type === 'takeSeat' ? { seat: action.seat } : {}) }];
				})
			);
			const [snapshot] = await rows<{ seq: number }>('select seq from snapshots where room = $1', [code]);
			for (const r of await rows<{ action_id: string; type: Unlinked }>('select action_id, type from unlinked_action_ids where room = $1', [code]))
				ids.set(r.action_id, { seq: snapshot?.seq ?? 0, type: r.type });
			return ids;
		},
		async roomsActiveSince(at) {
			return (await rows<{ room: string }>('select distinct room from actions where at >= $1', [at])).map((r) => r.room);
		},
		async roomsIdleSince(at) {
			// Not a room another server serves now: that server deletes it itself, and tells its browsers why.
			return (
				await rows<{ code: string }>(
					`select code from rooms where coalesce((select at from actions where room = rooms.code order by seq desc limit 1), created_at) < $1
					 and not exists (select 1 from room_leases l where l.room = rooms.code and l.owner <> $2 and l.expires_at > now())`,
					[at, options.node]
				)
			).map((r) => r.code);
		},
		deleteRooms: (codes) => writer.write({ op: 'deleteRooms', codes }),
		async seatTokens(code) {
			const found = await rows<{ seat: string; token_hash: string; action_id: string | null }>(
				'select seat, token_hash, action_id from seat_tokens where room = $1',
				[code]
			);
			return found.map((r) => ({ seat: r.seat, hash: r.token_hash, ...(r.action_id === null ? {} : { actionId: r.action_id }) }));
		},
		async close() {
			await writer.close();
			await leases.close().catch((err) => report(err, 'room leases could not be released'));
			await pool.end();
		}
	};
}

/**
 * Rate-limit counters in the database, shared by every server (rate-limiter-flexible's PostgreSQL
 * store on the same pool). A client's address is kept there only as an HMAC under a secret the
 * servers share, made once by the first of them; while the database does not answer, each server
 * counts on its own in memory.
 */
async function limitersIn(pool: pg.Pool): Promise<SharedLimiters> {
	await pool.query('insert into cluster_secret (secret) values ($1) on conflict (id) do nothing', [randomBytes(32).toString('hex')]);
	const { rows } = await pool.query<{ secret: string }>('select secret from cluster_secret');
	const secret = rows[0].secret;
	const keyOf = (key: string) => createHmac('sha256', secret).update(key).digest('base64url');
	return (name, points, duration) => {
		const limiter = new RateLimiterPostgres({
			storeClient: pool,
			storeType: 'pool',
			tableName: 'rate_limits',
			tableCreated: true,
			clearExpiredByTimeout: true,
			keyPrefix: name,
			points,
			duration,
			insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration })
		});
		return { consume: (key) => limiter.consume(keyOf(key)), delete: (key) => limiter.delete(keyOf(key)) };
	};
}
