/**
 * Room leases in PostgreSQL: one server serves a room at a time. Taking a lease raises its epoch;
 * every write this server makes to a room checks, in the write's own transaction, that the room's
 * lease still carries this server's name and epoch and has not run out (pg-writer.ts), so a former
 * owner that was paused or cut off past its lease can never write again — it is fenced out by the
 * epoch even if its clock or timers say otherwise. Every time is the database's own (`now()`), so
 * the servers' clocks need not agree.
 *
 * Held leases are renewed together every third of the lease's length; one found lost (it ran out,
 * or another server took it) is reported, and the room let go. One gone with its room was deleted
 * by another server (a class deleted from a console there): that is reported as such, so the
 * room's browsers here are told. Leases are released when a room leaves memory and when the
 * server shuts down, so another server may take them at once.
 *
 * A server that cannot take a lease because another holds it marks the room wanted: the proxy
 * sends the room's browsers to it now. The holder learns it at its next renewal and hands the room
 * over: its browsers reconnect, through the proxy, to the server that wants it. A room is handed
 * over only once it has been held for a lease's length, so that browsers a misconfigured proxy
 * splits between two servers move it to and fro no faster than that.
 *
 * Rooms go home. A lease remembers the room's home: the server that took it when it was free,
 * which is where the proxy sends the room's browsers. A server that takes a room over after its
 * home died (or shut down) stands in for it, and keeps the home; once the home is back — seen
 * alive in `cluster_nodes` for a lease's length, by which time the proxy has taken it back into
 * its ring — the stand-in hands the room back at its next renewal. A lease also remembers whether
 * its room was live when let go (not left idle): every renewal, a server settled for a lease's
 * length looks for live rooms nobody holds and takes its own home's at once, and another's whose
 * home is gone once the lease has been out for a lease's length more (the browsers of the room,
 * reconnecting through the proxy, take it first where they arrive). So a room with only scripted
 * roles and a running timer goes on though nobody opens it.
 */
import type pg from 'pg';
import type { Release, RoomLeases } from './store';

export class PgLeases implements RoomLeases {
	/** Room code → the epoch of the lease this server holds. */
	private held = new Map<string, number>();
	/** Room code → when this server took its lease (its own clock: only how long it has held it matters). */
	private heldSince = new Map<string, number>();
	private renewal: NodeJS.Timeout;
	/** Whether this server has noted itself alive since it started. */
	private seen = false;
	/** Whether it has been alive for a lease's length without a break: the proxy sends it browsers by then. */
	private settled = false;
	onLost: (code: string) => void = () => {};
	onWanted: (code: string) => void = () => {};
	onHomeBack: (code: string) => void = () => {};
	onUnserved: (code: string) => void = () => {};
	onDeleted: (code: string) => void = () => {};
	/** Told of a renewal that failed (the database unreachable): the leases run out unless the next succeeds. */
	onError: (err: unknown) => void = () => {};

	constructor(
		private pool: pg.Pool,
		readonly node: string,
		readonly leaseMs: number
	) {
		this.renewal = setInterval(() => void this.tick().catch((err) => this.onError(err)), Math.max(50, Math.floor(leaseMs / 3)));
		this.renewal.unref();
	}

	/** The epoch of this server's lease on the room, if it holds one. */
	epochOf(code: string): number | undefined {
		return this.held.get(code);
	}

	async claim(code: string, ask = true): Promise<boolean> {
		// A free, run-out or own lease is taken with a higher epoch; one another server holds is left
		// alone. A room with no home (new, or let go to be served elsewhere) makes this server its home.
		const { rows } = await this.pool.query<{ epoch: string }>(
			`insert into room_leases as l (room, owner, epoch, expires_at, home) values ($1, $2, 1, now() + make_interval(secs => $3::double precision / 1000), $2)
			 on conflict (room) do update set owner = excluded.owner, epoch = l.epoch + 1, expires_at = excluded.expires_at, wanted_by = null,
			   home = coalesce(l.home, excluded.owner), live = true
			 where l.owner = excluded.owner or l.expires_at <= now()
			 returning epoch`,
			[code, this.node, this.leaseMs]
		);
		if (rows.length === 0) {
			if (ask) await this.pool.query('update room_leases set wanted_by = $2 where room = $1 and owner <> $2', [code, this.node]);
			return false;
		}
		this.held.set(code, Number(rows[0].epoch));
		this.heldSince.set(code, performance.now());
		return true;
	}

	async release(code: string, why: Release = 'idle'): Promise<void> {
		const epoch = this.held.get(code);
		if (epoch === undefined) return;
		this.held.delete(code);
		this.heldSince.delete(code);
		await this.pool.query(
			`update room_leases set expires_at = now(), wanted_by = null, live = $4 <> 'idle', home = case when $4 = 'home' then home end
			 where room = $1 and owner = $2 and epoch = $3`,
			[code, this.node, epoch, why]
		);
	}

	/** Forgets the leases of deleted rooms (their rows went with them). */
	forget(codes: string[]) {
		for (const code of codes) {
			this.held.delete(code);
			this.heldSince.delete(code);
		}
	}

	/** One renewal: this server seen alive, its leases renewed, live rooms nobody serves looked for. */
	private async tick(): Promise<void> {
		await this.beat();
		await this.renew();
		await this.findUnserved();
	}

	/**
	 * Notes this server alive. Its time up starts again on its first beat and after a gap longer
	 * than a lease (it was paused, or cut off): the proxy took it out meanwhile.
	 */
	async beat(): Promise<void> {
		const { rows } = await this.pool.query<{ settled: boolean }>(
			`insert into cluster_nodes as n (node, up_since, seen_at) values ($1, now(), now())
			 on conflict (node) do update set seen_at = now(),
			   up_since = case when not $2 or n.seen_at <= now() - make_interval(secs => $3::double precision / 1000) then now() else n.up_since end
			 returning up_since <= now() - make_interval(secs => $3::double precision / 1000) as settled`,
			[this.node, this.seen, this.leaseMs]
		);
		this.seen = true;
		this.settled = rows[0].settled;
	}

	/** Renews every lease held; reports those found lost, wanted by another server, or whose home is back. */
	async renew(): Promise<void> {
		if (this.held.size === 0) return;
		const asked = [...this.held];
		// A home is back once it has been seen alive, without a break, for a lease's length.
		const { rows } = await this.pool.query<{ room: string; wanted_by: string | null; home_back: boolean }>(
			`update room_leases l set expires_at = now() + make_interval(secs => $3::double precision / 1000)
			 from unnest($1::text[], $2::bigint[]) as h(room, epoch)
			 where l.room = h.room and l.epoch = h.epoch and l.owner = $4 and l.expires_at > now()
			 returning l.room, l.wanted_by, l.home <> $4 and exists (
			   select 1 from cluster_nodes n where n.node = l.home
			   and n.seen_at > now() - make_interval(secs => $3::double precision / 1000)
			   and n.up_since <= now() - make_interval(secs => $3::double precision / 1000)) as home_back`,
			[asked.map(([code]) => code), asked.map(([, epoch]) => epoch), this.leaseMs, this.node]
		);
		const renewed = new Set(rows.map((r) => r.room));
		for (const { room, wanted_by, home_back } of rows) {
			if (home_back) this.onHomeBack(room);
			else if (wanted_by !== null && performance.now() - (this.heldSince.get(room) ?? 0) >= this.leaseMs) this.onWanted(room);
		}
		// Released or re-taken meanwhile: not this renewal's to judge.
		const lost = asked.filter(([code, epoch]) => !renewed.has(code) && this.held.get(code) === epoch).map(([code]) => code);
		if (lost.length === 0) return;
		// A lease gone with its room: another server deleted the room (its class, from a console there).
		const deleted = new Set(await this.deletedOf(lost));
		for (const code of lost) {
			if (this.held.get(code) === undefined) continue;
			this.held.delete(code);
			this.heldSince.delete(code);
			if (deleted.has(code)) this.onDeleted(code);
			else this.onLost(code);
		}
	}

	/** The rooms among these that no longer exist (deleted), read on `db` (the pool, or a transaction's connection). */
	async deletedOf(codes: string[], db: pg.Pool | pg.PoolClient = this.pool): Promise<string[]> {
		const { rows } = await db.query<{ code: string }>('select code from rooms where code = any($1)', [codes]);
		const present = new Set(rows.map((r) => r.code));
		return codes.filter((code) => !present.has(code));
	}

	/**
	 * Live rooms no server holds that this one should take: its own home's at once, and another's
	 * whose home is not alive once the lease has been out for a lease's length more. Only once this
	 * server has been up for a lease's length, so that the proxy sends it browsers by then.
	 */
	async findUnserved(): Promise<void> {
		if (!this.settled) return;
		const { rows } = await this.pool.query<{ room: string }>(
			`select l.room from room_leases l
			 where l.live and l.expires_at <= now() and (l.home = $1 or (
			   l.expires_at <= now() - make_interval(secs => $2::double precision / 1000) and not exists (
			     select 1 from cluster_nodes n where n.node = l.home and n.seen_at > now() - make_interval(secs => $2::double precision / 1000))))`,
			[this.node, this.leaseMs]
		);
		for (const { room } of rows) if (!this.held.has(room)) this.onUnserved(room);
	}

	/** Stops renewing and lets go of every lease, for shutdown: the rooms stay live, and keep their home. */
	async close(): Promise<void> {
		clearInterval(this.renewal);
		const asked = [...this.held];
		this.held.clear();
		this.heldSince.clear();
		// Not alive any more: nothing is handed back to this server until it is up again.
		await this.pool.query('delete from cluster_nodes where node = $1', [this.node]);
		if (asked.length === 0) return;
		await this.pool.query(
			`update room_leases l set expires_at = now(), wanted_by = null from unnest($1::text[], $2::bigint[]) as h(room, epoch)
			 where l.room = h.room and l.epoch = h.epoch and l.owner = $3`,
			[asked.map(([code]) => code), asked.map(([, epoch]) => epoch), this.node]
		);
	}
}
