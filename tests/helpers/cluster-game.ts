/**
 * Playing through a test cluster (cluster.ts): asking any server as the home page does, tables
 * of browsers that roam between servers as pages do, and reading the shared database as an
 * inspector would — who holds a room's lease, which action ids its log keeps.
 */
import pg from 'pg';
import { io } from 'socket.io-client';
import type { FacilitatorView } from '../../src/lib/game/view';
import type { Action } from '../../src/lib/protocol/actions';
import type { TestCluster } from './cluster';
import { RoamingClient } from './roaming-client';

/** The seats the tests' tables fill: two on each key's side. */
export const SEATS = ['dermer', 'idf-chief', 'mossad-director', 'white-house-adviser-1'];

/** A ballot a server acknowledged: its action id, when, whose, and which way. */
export interface Acknowledged {
	id: string;
	at: number;
	seat: string;
	choice: 'yes' | 'no';
}

export class ClusterGame {
	readonly db: pg.Pool;

	constructor(readonly cluster: TestCluster) {
		this.db = new pg.Pool({ connectionString: cluster.databaseUrl, max: 2 });
		// A database restart drops the pool's idle connections; the next query opens another.
		this.db.on('error', () => {});
	}

	/** Asks any server, as the home page does, on a connection of no room. */
	async ask(event: string, payload: unknown): Promise<Record<string, unknown> & { ok: boolean }> {
		const socket = io(this.cluster.url, { transports: ['websocket'], forceNew: true, reconnection: false });
		try {
			return await socket.timeout(5000).emitWithAck(event, payload);
		} finally {
			socket.disconnect();
		}
	}

	/** The server holding the room's lease, and the lease's epoch. */
	async ownerOf(code: string): Promise<{ owner: string; epoch: string }> {
		return (await this.db.query<{ owner: string; epoch: string }>('select owner, epoch from room_leases where room = $1', [code])).rows[0];
	}

	/**
	 * The server serving the room now: the holder of its lease while the lease has not run out,
	 * waited for while the room is between servers (its lease let go, not yet taken).
	 */
	async servedBy(code: string): Promise<string> {
		for (let tries = 0; ; tries++) {
			const { rows } = await this.db.query<{ owner: string }>('select owner from room_leases where room = $1 and expires_at > now()', [code]);
			if (rows.length > 0) return rows[0].owner;
			if (tries > 200) throw new Error(`room ${code} is served by no server`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}

	/** How many times each client action id is kept for the room: in its log, or in the bare set a snapshot left. */
	async storedActionIds(code: string): Promise<Map<string, number>> {
		const { rows } = await this.db.query<{ action_id: string }>(
			'select action_id from actions where room = $1 and action_id is not null union all select action_id from unlinked_action_ids where room = $1',
			[code]
		);
		const counts = new Map<string, number>();
		for (const { action_id } of rows) counts.set(action_id, (counts.get(action_id) ?? 0) + 1);
		return counts;
	}

	/** A table with its facilitator and a player in each of SEATS, every browser through the proxy. */
	async openTable(code: string, facilitatorToken: string) {
		const host = await RoamingClient.open(this.cluster.url, code, { facilitatorToken });
		const players: Record<string, RoamingClient> = {};
		for (const seat of SEATS) {
			const player = await RoamingClient.open(this.cluster.url, code);
			await must(player, { type: 'takeSeat', seat, name: `Player ${seat}` });
			players[seat] = player;
		}
		return { host, players };
	}

	/**
	 * Four players and, in the second White House seat, a scripted role, with a vote open on a
	 * ten-minute timer: the table the kill and hand-back tests vote at.
	 */
	async openTimedVote() {
		const created = await this.ask('createGame', {
			votingRule: 'majority',
			seatCounts: { 'white-house-adviser': 2 },
			bots: true,
			timers: { briefing: null, opening: null, debate: null, vote: 600 }
		});
		const code = created.code as string;
		const { host, players } = await this.openTable(code, created.facilitatorToken as string);
		for (const type of ['start', 'advance', 'advance', 'openVote'] as const) await must(host, { type });
		const deadline = (host.view as FacilitatorView).timer!.endsAt;
		return { code, host, players, everyone: [host, ...Object.values(players)], deadline };
	}

	/**
	 * Every player changes their vote again and again until stopped, pausing `pauseMs` between
	 * ballots; each acknowledged ballot is noted, and a refused one stops the burst with its reason.
	 */
	votingBurst(players: Record<string, RoamingClient>, acknowledged: Acknowledged[], pauseMs = 20) {
		let voting = true;
		const bursts = SEATS.map(async (seat, i) => {
			for (let n = 0; voting; n++) {
				const choice = (n + i) % 2 ? 'yes' : 'no';
				const res = await must(players[seat], { type: 'castVote', choice });
				acknowledged.push({ id: res.actionId as string, at: Date.now(), seat, choice });
				// A few ballots a second from each seat: a burst, without taking every core of the machine.
				await new Promise((resolve) => setTimeout(resolve, pauseMs));
			}
		});
		return async () => {
			voting = false;
			await Promise.all(bursts);
		};
	}

	close() {
		return this.db.end();
	}
}

/** An action that must be accepted, resent as a page would until a server that holds the room answers. */
export async function must(client: RoamingClient, action: Action) {
	const res = await client.act(action);
	if (!res.ok) throw new Error(`${action.type} refused: ${res.code} ${res.message}`);
	return res;
}
