/**
 * Room leases in PostgreSQL: one server serves a room at a time. Taking a lease raises its epoch;
 * every write this server makes to a room checks, in the write's own transaction, that the room's
 * lease still carries this server's name and epoch and has not run out (pg-writer.ts), so a former
 * owner that was paused or cut off past its lease can never write again — it is fenced out by the
 * epoch even if its clock or timers say otherwise. Every time is the database's own (`now()`), so
 * the servers' clocks need not agree.
 *
 * Held leases are renewed together every third of the lease's length; one found lost (it ran out,
 * or another server took it) is reported, and the room let go. Leases are released when a room
 * leaves memory and when the server shuts down, so another server may take them at once.
 *
 * A server that cannot take a lease because another holds it marks the room wanted: the proxy
 * sends the room's browsers to it now (the holder took the room while it was down, say). The
 * holder learns it at its next renewal and hands the room over: its browsers reconnect, through
 * the proxy, to the server that wants it. A room is handed over only once it has been held for a
 * lease's length, so that browsers a misconfigured proxy splits between two servers move it to
 * and fro no faster than that.
 */
import type pg from 'pg';
import type { RoomLeases } from './store';

export class PgLeases implements RoomLeases {
	/** Room code → the epoch of the lease this server holds. */
	private held = new Map<string, number>();
	/** Room code → when this server took its lease (its own clock: only how long it has held it matters). */
	private heldSince = new Map<string, number>();
	private renewal: NodeJS.Timeout;
	onLost: (code: string) => void = () => {};
	onWanted: (code: string) => void = () => {};
	/** Told of a renewal that failed (the database unreachable): the leases run out unless the next succeeds. */
	onError: (err: unknown) => void = () => {};

	constructor(
		private pool: pg.Pool,
		readonly node: string,
		readonly leaseMs: number
	) {
		this.renewal = setInterval(() => void this.renew().catch((err) => this.onError(err)), Math.max(50, Math.floor(leaseMs / 3)));
		this.renewal.unref();
	}

	/** The epoch of this server's lease on the room, if it holds one. */
	epochOf(code: string): number | undefined {
		return this.held.get(code);
	}

	async claim(code: string): Promise<boolean> {
		// A free, run-out or own lease is taken with a higher epoch; one another server holds is left alone.
		const { rows } = await this.pool.query<{ epoch: string }>(
			`insert into room_leases as l (room, owner, epoch, expires_at) values ($1, $2, 1, now() + make_interval(secs => $3::double precision / 1000))
			 on conflict (room) do update set owner = excluded.owner, epoch = l.epoch + 1, expires_at = excluded.expires_at, wanted_by = null
			 where l.owner = excluded.owner or l.expires_at <= now()
			 returning epoch`,
			[code, this.node, this.leaseMs]
		);
		if (rows.length === 0) {
			await this.pool.query('update room_leases set wanted_by = $2 where room = $1 and owner <> $2', [code, this.node]);
			return false;
		}
		this.held.set(code, Number(rows[0].epoch));
		this.heldSince.set(code, performance.now());
		return true;
	}

	async release(code: string): Promise<void> {
		const epoch = this.held.get(code);
		if (epoch === undefined) return;
		this.held.delete(code);
		this.heldSince.delete(code);
		await this.pool.query('update room_leases set expires_at = now(), wanted_by = null where room = $1 and owner = $2 and epoch = $3', [code, this.node, epoch]);
	}

	/** Forgets the leases of deleted rooms (their rows went with them). */
	forget(codes: string[]) {
		for (const code of codes) {
			this.held.delete(code);
			this.heldSince.delete(code);
		}
	}

	/** Renews every lease held; reports those found lost. */
	async renew(): Promise<void> {
		if (this.held.size === 0) return;
		const asked = [...this.held];
		const { rows } = await this.pool.query<{ room: string; wanted_by: string | null }>(
			`update room_leases l set expires_at = now() + make_interval(secs => $3::double precision / 1000)
			 from unnest($1::text[], $2::bigint[]) as h(room, epoch)
			 where l.room = h.room and l.epoch = h.epoch and l.owner = $4 and l.expires_at > now()
			 returning l.room, l.wanted_by`,
			[asked.map(([code]) => code), asked.map(([, epoch]) => epoch), this.leaseMs, this.node]
		);
		const renewed = new Set(rows.map((r) => r.room));
		for (const { room, wanted_by } of rows)
			if (wanted_by !== null && performance.now() - (this.heldSince.get(room) ?? 0) >= this.leaseMs) this.onWanted(room);
		for (const [code, epoch] of asked) {
			// Released or re-taken meanwhile: not this renewal's to judge.
			if (renewed.has(code) || this.held.get(code) !== epoch) continue;
			this.held.delete(code);
			this.heldSince.delete(code);
			this.onLost(code);
		}
	}

	/** Stops renewing and lets go of every lease, for shutdown. */
	async close(): Promise<void> {
		clearInterval(this.renewal);
		const asked = [...this.held];
		this.held.clear();
		this.heldSince.clear();
		if (asked.length === 0) return;
		await this.pool.query(
			`update room_leases l set expires_at = now(), wanted_by = null from unnest($1::text[], $2::bigint[]) as h(room, epoch)
			 where l.room = h.room and l.epoch = h.epoch and l.owner = $3`,
			[asked.map(([code]) => code), asked.map(([, epoch]) => epoch), this.node]
		);
	}
}
