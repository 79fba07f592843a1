/**
 * A whole table over real sockets for integration tests: a facilitator, a projector (spectator)
 * and seated players, each connection recording every payload it receives — pushed events and
 * the acknowledgements of its own requests — so tests can check afterwards what reached whom.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AnyView, FacilitatorView, SeatView, SpectatorView } from '../../src/lib/game/view';
import type { Action } from '../../src/lib/protocol/actions';
import type { CreateGame } from '../../src/lib/protocol/events';
import type { Refusal } from '../../src/lib/protocol/errors';
import { connect, pendingAckViews, req, viewWhere, type TestClient } from './clients';

/**
 * A database file in memory-backed storage where the machine has it (/dev/shm): the store syncs
 * every action to disk, which dominates the run time of tests that play whole games. Durability
 * on a real disk is what restart.test.ts checks.
 */
export function ramDatabase(): string {
	const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
	return join(mkdtempSync(join(base, 'pact-room-')), 'test.sqlite');
}

/** Removes a database made by ramDatabase, with its WAL files. */
export function removeDatabase(database: string) {
	rmSync(dirname(database), { recursive: true, force: true });
}

/** Every step left to the facilitator. */
export const untimed = { briefing: null, opening: null, debate: null, vote: null };

export interface Received {
	/** The event name, or `ack:<event>` for the answer to one of this client's own requests. */
	event: string;
	payload: unknown[];
	/** For a view or a patch: the whole view the client held once it was applied. */
	view?: AnyView;
}

export type Recorded = TestClient & { label: string; received: Received[] };

/** Connects a client that records every event it receives from now on. */
export async function recorded(url: string, label: string): Promise<Recorded> {
	const client = (await connect(url)) as Recorded;
	client.label = label;
	client.received = [];
	client.onAny((event: string, ...payload: unknown[]) => client.received.push({ event, payload }));
	return client;
}

/** Sends a request and records its acknowledgement among what the client received. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function ask(client: TestClient, event: string, payload?: unknown): Promise<any> {
	const res = await req(client, event, payload);
	const view = res && typeof res === 'object' ? pendingAckViews.get(res) : undefined;
	(client as unknown as Partial<Recorded>).received?.push({ event: `ack:${event}`, payload: [res], ...(view ? { view } : {}) });
	return res;
}

/** Every view a recorded client received: pushed whole, made by a patch (pushed or in an action's answer), or in an enterRoom answer. */
export function viewsReceived(client: Recorded): AnyView[] {
	return client.received.flatMap((r) => {
		if (r.event === 'view' || r.event === 'patch' || r.event === 'ack:action') return r.view ? [r.view] : [];
		const ack = r.payload[0] as { ok?: boolean; view?: AnyView } | undefined;
		if (r.event === 'ack:enterRoom' && ack?.ok && ack.view) return [ack.view];
		return [];
	});
}

export class Table {
	/** The sequence number of the last action the table accepted. */
	seq = 0;
	readonly players: Record<string, Recorded> = {};
	readonly tokens: Record<string, string> = {};

	private constructor(
		readonly url: string,
		readonly code: string,
		readonly facilitatorToken: string,
		readonly host: Recorded,
		readonly spectator: Recorded
	) {}

	/** Creates a game, enters as facilitator and as the projector, and seats a player in each of `seats`. */
	static async open(url: string, options: CreateGame, seats: readonly string[]): Promise<Table> {
		const host = await recorded(url, 'facilitator');
		const created = await ask(host, 'createGame', options);
		if (!created.ok) throw new Error(`createGame refused: ${created.code} ${created.message}`);
		const entered = await ask(host, 'enterRoom', { code: created.code, facilitatorToken: created.facilitatorToken });
		if (!entered.ok) throw new Error(`enterRoom refused: ${entered.code}`);
		const spectator = await recorded(url, 'projector');
		await ask(spectator, 'enterRoom', { code: created.code });
		const table = new Table(url, created.code, created.facilitatorToken, host, spectator);
		for (const seat of seats) await table.seat(seat);
		return table;
	}

	/** The same table seen from fresh browsers (after a restart): everyone comes back with their tokens. */
	static async reopen(url: string, table: Table): Promise<Table> {
		const host = await recorded(url, 'facilitator');
		const entered = await ask(host, 'enterRoom', { code: table.code, facilitatorToken: table.facilitatorToken });
		if (!entered.ok) throw new Error(`enterRoom refused: ${entered.code}`);
		const spectator = await recorded(url, 'projector');
		await ask(spectator, 'enterRoom', { code: table.code });
		const again = new Table(url, table.code, table.facilitatorToken, host, spectator);
		again.seq = entered.view.seq;
		for (const [seat, seatToken] of Object.entries(table.tokens)) {
			const player = await recorded(url, seat);
			const back = await ask(player, 'enterRoom', { code: table.code, seatToken });
			if (!back.ok) throw new Error(`${seat} could not come back: ${back.code}`);
			again.players[seat] = player;
			again.tokens[seat] = seatToken;
		}
		return again;
	}

	/** A new browser enters the room and takes `seat`. */
	async seat(seat: string, name = `Player ${seat}`): Promise<Recorded> {
		const player = await recorded(this.url, seat);
		const entered = await ask(player, 'enterRoom', { code: this.code });
		if (!entered.ok) throw new Error(`enterRoom refused: ${entered.code}`);
		const taken = await this.act(player, { type: 'takeSeat', seat, name });
		this.players[seat] = player;
		this.tokens[seat] = taken.seatToken!;
		return player;
	}

	get clients(): Recorded[] {
		return [this.host, this.spectator, ...Object.values(this.players)];
	}

	/** An action that must be accepted; throws with the refusal otherwise. */
	async act(client: TestClient, action: Action): Promise<{ ok: true; seq: number; seatToken?: string }> {
		const res = await ask(client, 'action', action);
		if (!res.ok) throw new Error(`${(client as Recorded).label ?? 'client'} ${action.type} refused: ${res.code} ${res.message}`);
		this.seq = Math.max(this.seq, res.seq);
		return res;
	}

	/** The facilitator's action, which must be accepted. */
	run(action: Action | Action['type']) {
		return this.act(this.host, typeof action === 'string' ? ({ type: action } as Action) : action);
	}

	/** An action that must be refused; resolves with the refusal. */
	async refused(client: TestClient, action: unknown): Promise<Refusal> {
		const res = await ask(client, 'action', action);
		if (res.ok) throw new Error(`${JSON.stringify(action)} was accepted, expected a refusal`);
		return res;
	}

	/** Waits until every client (or those given) has received the view of the last accepted action. */
	async settle(clients: TestClient[] = this.clients): Promise<void> {
		const seq = this.seq;
		await Promise.all(clients.map((c) => viewWhere(c as TestClient, (v) => v.seq >= seq)));
	}

	/** The latest view a client has received (call settle first). */
	latest(client: TestClient): AnyView {
		const view = client.views.at(-1);
		if (!view) throw new Error('no view received yet');
		return view;
	}

	/** The latest view of a seated player, after it has caught up. */
	async seatView(seat: string): Promise<SeatView> {
		const seq = this.seq;
		const view = await viewWhere(this.players[seat], (v) => v.seq >= seq);
		if (view.as !== 'seat') throw new Error(`${seat} received a ${view.as} view`);
		return view;
	}

	async facilitatorView(): Promise<FacilitatorView> {
		const seq = this.seq;
		const view = await viewWhere(this.host, (v) => v.seq >= seq);
		if (view.as !== 'facilitator') throw new Error(`the facilitator received a ${view.as} view`);
		return view;
	}

	async spectatorView(): Promise<SpectatorView> {
		const seq = this.seq;
		const view = await viewWhere(this.spectator, (v) => v.seq >= seq);
		if (view.as !== 'spectator') throw new Error(`the projector received a ${view.as} view`);
		return view;
	}

	/**
	 * The room as it stands now, read by a fresh facilitator request rather than a broadcast: use
	 * it to show that nothing changed (no broadcast to wait for). The request round-trips through
	 * the server, so anything a timer wake-up queued before it has been applied.
	 */
	async probe(): Promise<FacilitatorView> {
		// A refused action goes through the room's queue, after anything already queued.
		await ask(this.host, 'action', { type: 'hidePost', post: 1_000_000 });
		const res = await ask(this.host, 'enterRoom', { code: this.code, facilitatorToken: this.facilitatorToken });
		if (!res.ok) throw new Error(`probe refused: ${res.code}`);
		return res.view as FacilitatorView;
	}
}
