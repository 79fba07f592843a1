/**
 * The cluster layer: three game servers on one PostgreSQL behind HAProxy with the shipped
 * configuration, on one machine, driven by real socket.io clients that behave as the pages do.
 * Every room is served by one server, the one HAProxy routes its code to; classes spread over
 * the servers; a solo game is played wherever its page reaches. (A room's server killed, and
 * coming back: kills.test.ts and hand-back.test.ts.)
 */
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { clusterMissing } from '../helpers/cluster';
import { must, SEATS } from '../helpers/cluster-game';
import { RoamingClient } from '../helpers/roaming-client';
import { useCluster } from '../helpers/use-cluster';
import type { FacilitatorView, SeatView } from '../../src/lib/game/view';

const LEASE_MS = 3000;
const env = useCluster({ leaseMs: LEASE_MS });

const UNTIMED = { briefing: null, opening: null, debate: null, vote: null };

describe.skipIf(clusterMissing !== null)('three servers behind HAProxy', () => {
	it('play a whole game, every browser of the room on the one server that holds its lease', async () => {
		const { cluster, game } = env;
		const created = await game.ask('createGame', { votingRule: 'majority', timers: UNTIMED });
		expect(created).toMatchObject({ ok: true });
		const code = created.code as string;
		const { host, players } = await game.openTable(code, created.facilitatorToken as string);
		const projector = await RoamingClient.open(cluster.url, code);

		await must(host, { type: 'start' });
		await must(host, { type: 'advance' });
		await must(host, { type: 'advance' });
		await must(host, { type: 'openVote' });
		for (const seat of SEATS) await must(players[seat], { type: 'castVote', choice: seat === 'dermer' ? 'no' : 'yes' });
		await must(host, { type: 'closeVote' });
		await must(host, { type: 'advance' });
		while ((host.view as FacilitatorView).phase === 'clauses') await must(host, { type: 'skipClause' });
		await must(host, { type: 'openVote' });
		for (const seat of SEATS) await must(players[seat], { type: 'castVote', choice: 'yes' });
		await must(host, { type: 'closeVote' });

		await expect.poll(() => (projector.view as FacilitatorView | null)?.phase).toBe('debrief');
		expect((host.view as FacilitatorView).phase).toBe('debrief');
		// One server took the room once and served it throughout: nobody else ever held its lease.
		expect(await game.ownerOf(code)).toMatchObject({ epoch: '1' });
		expect(cluster.nodes.map((n) => n.name)).toContain((await game.ownerOf(code)).owner);
	});

	it('spread two classes over the servers, each console connection showing its table live', async () => {
		const { cluster, game } = env;
		const classes = await Promise.all([game.ask('createGame', { tables: 4 }), game.ask('createGame', { tables: 4 })]);
		const tables = classes.flatMap((c) => (c.codes as string[]).map((code) => ({ code, facilitatorToken: c.facilitatorToken as string })));
		// The console opens one connection per table, as its page does.
		const consoles = await Promise.all(tables.map((t) => RoamingClient.open(cluster.url, t.code, { facilitatorToken: t.facilitatorToken })));
		const owners = new Set(await Promise.all(tables.map(async (t) => (await game.ownerOf(t.code)).owner)));
		expect(owners.size).toBeGreaterThan(1);

		// A player sits down at each table; each console connection sees its own table change.
		for (const t of tables) {
			const player = await RoamingClient.open(cluster.url, t.code);
			await must(player, { type: 'takeSeat', seat: 'dermer', name: `Noa ${t.code}` });
		}
		for (const [i, t] of tables.entries())
			await expect.poll(() => (consoles[i].view as FacilitatorView).seats.find((s) => s.id === 'dermer')?.player).toBe(`Noa ${t.code}`);
	});

	it('play a solo game where its page reaches, whichever server created it', async () => {
		const { cluster, game } = env;
		// Four games, so that some are created on one server and played on another.
		for (let i = 0; i < 4; i++) {
			const created = await game.ask('createGame', { solo: { seat: 'dermer', name: 'Solo player' } });
			expect(created).toMatchObject({ ok: true });
			const startedAt = Date.now();
			const player = await RoamingClient.open(cluster.url, created.code as string, { seatToken: created.seatToken as string });
			// Handed off at once by the server that created it: no waiting for a lease to run out.
			expect(Date.now() - startedAt).toBeLessThan(LEASE_MS);
			expect((player.view as SeatView).you.seat).toBe('dermer');
			// The room is served there: the player's own page moves the game on.
			const host = await RoamingClient.open(cluster.url, created.code as string, { facilitatorToken: created.facilitatorToken as string });
			const phase = (host.view as FacilitatorView).phase;
			await must(host, { type: phase === 'lobby' ? 'start' : 'advance' });
			await expect.poll(() => (player.view as SeatView).phase).not.toBe(phase);
			player.close();
			host.close();
		}
	});

	it('delete a class whose tables are live on other servers: every browser of its tables is told, nothing of it is kept, the other class plays on', async () => {
		const { cluster, game } = env;
		const [gone, staying] = await Promise.all([game.ask('createGame', { tables: 4 }), game.ask('createGame', { tables: 2 })]);
		const open = async (cls: Record<string, unknown>) =>
			Promise.all(
				(cls.codes as string[]).map(async (code) => {
					const host = await RoamingClient.open(cluster.url, code, { facilitatorToken: cls.facilitatorToken as string });
					const player = await RoamingClient.open(cluster.url, code);
					await must(player, { type: 'takeSeat', seat: 'dermer', name: `Noa ${code}` });
					return { code, host, player, owner: (await game.ownerOf(code)).owner };
				})
			);
		const doomed = await open(gone);
		const others = await open(staying);
		// The class is deleted through the server serving the fewest of its tables: the rest are live elsewhere.
		const held = (name: string) => doomed.filter((t) => t.owner === name).length;
		const asked = cluster.nodes.reduce((a, b) => (held(b.name) < held(a.name) ? b : a));
		expect(doomed.some((t) => t.owner !== asked.name)).toBe(true);
		const facilitator = io(`http://127.0.0.1:${asked.port}`, { transports: ['websocket'], forceNew: true, reconnection: false });
		const deletedAt = Date.now();
		try {
			const answer = await facilitator.timeout(5000).emitWithAck('deleteClass', { classId: gone.classId, facilitatorToken: gone.facilitatorToken });
			expect(answer).toMatchObject({ ok: true });
		} finally {
			facilitator.disconnect();
		}

		// Every browser of every table, on every server, is told within a few seconds.
		const browsers = doomed.flatMap((t) => [t.host, t.player]);
		await expect
			.poll(() => browsers.filter((b) => b.notices.some((n) => n.code === 'room_deleted' && n.params?.deleted === 'by-facilitator')).length, { timeout: 5000 })
			.toBe(browsers.length);
		expect(Date.now() - deletedAt).toBeLessThan(5000);
		// Nothing of the class is left in the database.
		const codes = doomed.map((t) => t.code);
		for (const table of ['actions', 'seat_tokens', 'snapshots', 'unlinked_action_ids', 'room_leases'])
			expect((await game.db.query(`select 1 from ${table} where room = any($1)`, [codes])).rowCount, table).toBe(0);
		expect((await game.db.query('select 1 from rooms where code = any($1) or class_id = $2', [codes, gone.classId])).rowCount).toBe(0);
		expect((await game.db.query('select 1 from classes where id = $1', [gone.classId])).rowCount).toBe(0);
		// Its codes open nothing any more.
		for (const code of codes) expect(await game.ask('enterRoom', { code })).toMatchObject({ ok: false, code: 'unknown_room' });

		// The other class plays on, its browsers told nothing.
		for (const t of others) {
			await must(t.host, { type: 'start' });
			await expect.poll(() => (t.player.view as SeatView).phase).not.toBe('lobby');
			expect([...t.host.notices, ...t.player.notices]).toEqual([]);
		}
	});
});
