/**
 * Crashes: the server process is SIGKILLed at random moments of a game — often with a burst of
 * actions in flight — and started again on the same database; the clients come back with their
 * tokens and send once more, with the same action id, whatever went unanswered (as the browser
 * does). Afterwards the stored log must hold every acknowledged action exactly once, under the
 * sequence number its acknowledgement gave, with no gap, nothing doubled and nothing invented,
 * and replaying the log must give exactly the view the server shows.
 *
 * A running timer keeps its absolute deadline across a kill, and the restarted server runs it
 * out: at the deadline if it is up by then, or at once on start-up if the deadline passed while
 * it was down.
 */
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../server/store/sqlite-store';
import { createGame, replay } from '../../src/lib/game/engine';
import type { Actor } from '../../src/lib/game/types';
import { facilitatorView, type FacilitatorView } from '../../src/lib/game/view';
import { Action } from '../../src/lib/protocol/actions';
import { closeAll, connect, req, viewWhere, type TestClient } from '../helpers/clients';
import { killAllKillable, spawnKillable, type KillableServer } from '../helpers/killable-server';
import { shippedScenario } from '../helpers/server';
import { ramDatabase, removeDatabase, untimed } from '../helpers/table';

const SEATS = ['dermer', 'idf-chief', 'mossad-director', 'white-house-adviser-1'] as const;
type Who = 'host' | (typeof SEATS)[number];

const databases: string[] = [];
afterEach(async () => {
	closeAll();
	await killAllKillable();
});
afterAll(() => {
	for (const database of databases) removeDatabase(database);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A small seeded generator, so a failing run can be replayed from the seed in its message. */
function mulberry32(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function readLog(database: string, code: string) {
	const store = openSqliteStore(database);
	try {
		return store.log(code);
	} finally {
		store.close();
	}
}

/** One table played by a facilitator and four seats, across any number of server processes. */
class CrashTable {
	server!: KillableServer;
	code = '';
	facilitatorToken = '';
	readonly seatTokens: Partial<Record<Who, string>> = {};
	readonly clients: Partial<Record<Who, TestClient>> = {};
	/** Every action sent, by its id. */
	readonly sent = new Map<string, { who: Who; action: Action }>();
	/** Every acknowledgement that said ok. */
	readonly acked: { actionId: string; who: Who; type: string; seq: number }[] = [];
	/** Sent but never answered: the connection died first. */
	unanswered: string[] = [];
	private ids = 0;

	constructor(
		readonly database: string,
		readonly tag: string,
		/** Where the server commits, and how often it syncs: every way must keep every acknowledged action. */
		readonly writer: 'thread' | 'inline' = 'inline',
		readonly syncEveryMs = 100
	) {}

	async boot() {
		this.server = await spawnKillable(this.database, { PACT_ROOM_WRITER: this.writer, PACT_ROOM_SYNC_MS: String(this.syncEveryMs) });
	}

	/** Sends an action with a fresh id (or a retry with an old one); resolves with the answer, or 'lost'. */
	send(who: Who, action: Action, retryOf?: string): Promise<{ ok: boolean; seq?: number; seatToken?: string; code?: string } | 'lost'> {
		const socket = this.clients[who]!;
		const actionId = retryOf ?? `${this.tag}-${who}-${++this.ids}`;
		if (!retryOf) this.sent.set(actionId, { who, action });
		if (!socket.connected) return Promise.resolve('lost');
		return new Promise((resolve) => {
			const dropped = () => {
				this.unanswered.push(actionId);
				resolve('lost');
			};
			socket.once('disconnect', dropped);
			(socket as unknown as Socket).emit('action', { ...action, actionId }, (res: { ok: boolean; seq?: number }) => {
				socket.off('disconnect', dropped);
				if (res.ok) this.acked.push({ actionId, who, type: action.type, seq: res.seq! });
				resolve(res);
			});
		});
	}

	/** An action that must be accepted (setup steps, with nothing else going on). */
	async must(who: Who, action: Action) {
		const res = await this.send(who, action);
		if (res === 'lost' || !res.ok) throw new Error(`${who} ${action.type}: ${JSON.stringify(res)}`);
		return res;
	}

	async enter(who: Who) {
		closeAllOf(this.clients[who]);
		const client = await connect(this.server.url);
		const tokens = who === 'host' ? { facilitatorToken: this.facilitatorToken } : this.seatTokens[who] ? { seatToken: this.seatTokens[who] } : {};
		const res = await req(client, 'enterRoom', { code: this.code, ...tokens });
		if (!res.ok) throw new Error(`${who} could not enter: ${res.code}`);
		expect(res.view.as).toBe(who === 'host' ? 'facilitator' : this.seatTokens[who] ? 'seat' : 'spectator');
		this.clients[who] = client;
	}

	/** The room as the server has it now. */
	async view(): Promise<FacilitatorView> {
		const res = await req(this.clients.host!, 'enterRoom', { code: this.code, facilitatorToken: this.facilitatorToken });
		if (!res.ok) throw new Error(`view refused: ${res.code}`);
		return res.view;
	}

	async open(options: object) {
		await this.boot();
		const host = await connect(this.server.url);
		const created = await req(host, 'createGame', options);
		if (!created.ok) throw new Error(created.code);
		this.code = created.code;
		this.facilitatorToken = created.facilitatorToken;
		this.clients.host = host;
		await this.enter('host');
		for (const seat of SEATS) {
			await this.enter(seat);
			const taken = await this.must(seat, { type: 'takeSeat', seat, name: `Player ${seat}` });
			this.seatTokens[seat] = taken.seatToken;
		}
	}

	/** SIGKILL, start again on the same file, every client back in with its token. */
	async crashAndRestart(downFor = 0) {
		await this.server.kill('SIGKILL');
		await sleep(downFor);
		await this.boot();
		for (const who of ['host', ...SEATS] as Who[]) await this.enter(who);
	}

	/** Sends again, once, with the same id, what went unanswered — as the browser does after reconnecting. */
	async retryUnanswered() {
		const again = this.unanswered.splice(0);
		const results: Awaited<ReturnType<CrashTable['send']>>[] = [];
		for (const id of again) {
			const { who, action } = this.sent.get(id)!;
			results.push(await this.send(who, action, id));
		}
		return { retried: again.length, results };
	}
}

function closeAllOf(client: TestClient | undefined) {
	client?.disconnect();
}

describe('the server killed mid-game', () => {
	it.each([
		['thread', 100],
		['inline', 100],
		['inline', 0]
	] as const)('keeps every acknowledged action exactly once, in order, across SIGKILLs with actions in flight (committing %s, syncing every %i ms)', async (writer, syncEveryMs) => {
		const seed = Date.now() % 2 ** 31;
		const rng = mulberry32(seed);
		const pick = <T>(items: readonly T[]) => items[Math.floor(rng() * items.length)];
		const scenario = await shippedScenario();
		const database = ramDatabase();
		databases.push(database);
		const t = new CrashTable(database, 'c', writer, syncEveryMs);
		await t.open({ timers: untimed, votingRule: 'majority' });
		await t.must('host', { type: 'start' });
		await t.must('host', { type: 'advance' });
		await t.must('host', { type: 'advance' });

		const texts = ['We need this.', 'Too risky: \u202ereversed\u202c words', 'Iran is the threat 🇮🇱', 'Line one\nline two', 'Allies mean any armed attack.'];
		/** What the table does next, given where it stands: several actions at once, from several people. */
		const burst = (view: FacilitatorView, big: boolean): [Who, Action][] => {
			const out: [Who, Action][] = [];
			const open = view.votes.find((v) => v.status === 'open');
			const rounds = big ? 3 : 1;
			if (open) {
				for (let r = 0; r < rounds; r++)
					for (const seat of SEATS)
						if (rng() < 0.7) out.push([seat, { type: 'castVote', choice: pick(['yes', 'no', 'abstain'] as const), ...(rng() < 0.5 ? { reason: pick(['Good for both sides.', 'Red line.', 'Cost.']) } : {}) }]);
				if (rng() < 0.35) out.push(['host', { type: 'closeVote' }]);
				return out;
			}
			if (view.phase === 'ratification') return [['host', { type: 'openVote' }]];
			// Gone back before the clauses: a word or two, then on again.
			if (!view.floor) {
				for (const seat of SEATS) if (view.phase === 'opening' && rng() < 0.5) out.push([seat, { type: 'postArgument', text: pick(texts) }]);
				out.push(['host', { type: 'advance' }]);
				return out;
			}
			const floor = view.floor;
			const clause = view.clauses.find((c) => c.id === floor.clauseId)!;
			for (let r = 0; r < rounds; r++)
				for (const seat of SEATS) if (rng() < 0.4) out.push([seat, { type: 'postArgument', variant: floor.variantId, stance: pick(['for', 'against'] as const), text: pick(texts) }]);
			if (rng() < 0.25) out.push([pick(SEATS), { type: 'raiseHand' }]);
			if (!view.amendments.some((a) => a.status === 'pending') && rng() < 0.3) {
				const other = clause.variants.filter((v) => v.id !== floor.variantId);
				out.push([pick(SEATS), { type: 'proposeAmendment', variant: pick(other).id }]);
			}
			if (floor.clauseId in view.adopted) out.push(['host', rng() < 0.8 ? { type: 'advance' } : { type: 'back' }]);
			else out.push(['host', rng() < 0.85 ? { type: 'openVote' } : { type: 'skipClause' }]);
			return out;
		};

		const STEPS = 36;
		const kills = new Set<number>();
		while (kills.size < 4) kills.add(2 + Math.floor(rng() * (STEPS - 4)));
		let inFlightAtKills = 0;
		let recovered = 0;
		for (let step = 0; step < STEPS; step++) {
			const view = await t.view();
			if (view.phase === 'debrief') break;
			const actions = burst(view, kills.has(step));
			if (!kills.has(step)) {
				await Promise.all(actions.map(([who, action]) => t.send(who, action)));
				continue;
			}
			// Fire the whole burst without waiting, then kill: some answers arrive first, some never do.
			const answers = actions.map(([who, action]) => t.send(who, action));
			inFlightAtKills += answers.length;
			if (rng() < 0.5) await Promise.race([...answers, sleep(50)]);
			else await sleep(Math.floor(rng() * 4));
			const restartedAt = Date.now();
			await t.crashAndRestart();
			await Promise.all(answers);
			const { results } = await t.retryUnanswered();
			// A retry answered with a sequence number stored before the crash: applied once, acknowledged late.
			const log = readLog(database, t.code);
			for (const r of results) if (r !== 'lost' && r.ok && log[r.seq! - 1].at < restartedAt) recovered++;
		}

		// One more kill with nothing in flight: the restarted server shows exactly what it showed.
		const before = await t.view();
		await t.crashAndRestart();
		const after = await t.view();
		expect(after).toEqual(before);

		const log = readLog(database, t.code);
		const context = `seed ${seed}`;
		// Sequence numbers 1..n, no gap, no repeat.
		expect(log.map((e) => e.seq), context).toEqual(log.map((_, i) => i + 1));
		// Every acknowledged action is there, once, under the number its acknowledgement gave.
		for (const a of t.acked) {
			const entry = log[a.seq - 1];
			expect(entry, `${context}: ${a.actionId} acknowledged as ${a.seq}`).toBeDefined();
			expect(entry.actionId, context).toBe(a.actionId);
			expect(entry.action.type, context).toBe(a.type);
			const actor: Actor = a.who === 'host' ? { kind: 'facilitator' } : a.type === 'takeSeat' ? { kind: 'guest' } : { kind: 'seat', seat: a.who };
			expect(entry.actor, context).toEqual(actor);
		}
		const ackedSeqs = new Map<number, string>();
		for (const a of t.acked) {
			if (ackedSeqs.has(a.seq)) expect(ackedSeqs.get(a.seq), `${context}: seq ${a.seq} acknowledged for two ids`).toBe(a.actionId);
			ackedSeqs.set(a.seq, a.actionId);
		}
		// Nothing invented, nothing doubled: each stored action is one that was sent, stored once.
		const ids = log.map((e) => e.actionId);
		expect(new Set(ids).size, context).toBe(log.length);
		for (const entry of log) {
			const sent = t.sent.get(entry.actionId!);
			expect(sent, `${context}: stored action ${entry.seq} was never sent`).toBeDefined();
			expect(entry.action, context).toEqual(Action.parse(sent!.action));
		}
		// The log replays to exactly what the server shows.
		const store = openSqliteStore(database);
		const config = store.getRoom(t.code)!.config;
		store.close();
		const replayed = replay(createGame(t.code, config, scenario), log, scenario);
		expect(facilitatorView(replayed, scenario), context).toEqual(after);
		expect(after.seq).toBe(log.length);

		// The game went somewhere: votes were held and decided, and the kills caught actions in flight.
		expect(after.votes.filter((v) => v.status === 'closed').length, context).toBeGreaterThan(1);
		expect(t.acked.filter((a) => a.type === 'castVote').length, context).toBeGreaterThan(10);
		expect(inFlightAtKills, context).toBeGreaterThan(8);
		console.log(
			`crash: seed ${seed}, ${t.sent.size} actions sent, ${t.acked.length} acknowledged, ${log.length} stored, ${inFlightAtKills} in flight at 4 kills, ${recovered} acknowledged only on retry`
		);
	});

	it('keeps a running timer’s deadline across a kill, and runs it out when due — also when the deadline passed while down', async () => {
		const database = ramDatabase();
		databases.push(database);
		const timed = { timers: { ...untimed, briefing: 60, vote: 10 } };
		// Room C sits in its briefing (60 s); rooms A and B reach a 10-second vote, a little apart.
		const c = new CrashTable(database, 'tc');
		await c.open(timed);
		const a = new CrashTable(database, 'ta');
		const b = new CrashTable(database, 'tb');
		const server = c.server;
		// All three rooms on the one server process: A and B are opened through it.
		for (const t of [a, b]) {
			t.server = server;
			const host = await connect(server.url);
			const created = await req(host, 'createGame', timed);
			t.code = created.code;
			t.facilitatorToken = created.facilitatorToken;
			t.clients.host = host;
			await t.enter('host');
			for (const seat of SEATS) {
				await t.enter(seat);
				t.seatTokens[seat] = (await t.must(seat, { type: 'takeSeat', seat, name: `Player ${seat}` })).seatToken;
			}
		}
		await c.must('host', { type: 'start' });
		const briefing = (await c.view()).timer!;
		expect(briefing).toMatchObject({ step: 'briefing', remaining: null });
		for (const type of ['start', 'advance', 'advance', 'openVote'] as const) await a.must('host', { type });
		await a.must('dermer', { type: 'castVote', choice: 'yes' });
		const voteA = (await a.view()).timer!;
		expect(voteA).toMatchObject({ step: 'vote', remaining: null });

		// Kill at once; every deadline is the same absolute instant after the restart.
		const all = [a, b, c];
		await server.kill('SIGKILL');
		const next = await spawnKillable(database);
		for (const t of all) {
			t.server = next;
			for (const who of ['host', ...SEATS] as Who[]) await t.enter(who);
		}
		expect((await c.view()).timer).toEqual(briefing);
		const afterRestart = await a.view();
		expect(afterRestart.timer).toEqual(voteA);
		expect(afterRestart.votes[0]).toMatchObject({ status: 'open', ballotsIn: 1 });

		// B's vote opens on the restarted server, two seconds or more after A's: its deadline falls between
		// A's running out and the next kill.
		await sleep(Math.max(0, voteA.endsAt - 8000 - Date.now()));
		for (const type of ['start', 'advance', 'advance', 'openVote'] as const) await b.must('host', { type });
		const voteB = (await b.view()).timer!;
		expect(voteB.endsAt).toBeGreaterThan(voteA.endsAt);

		// A's vote runs out on the restarted server, at its deadline: silent seats abstain.
		const closed = await viewWhere(a.clients.host!, (v) => v.votes[0]?.status === 'closed', voteA.endsAt - Date.now() + 3000);
		expect(closed.timer).toBeNull();
		expect(closed.votes[0].result).toMatchObject({ yes: 1, no: 0, abstain: 3, absent: 3 });
		const expiryA = readLog(database, a.code).at(-1)!;
		expect(expiryA).toMatchObject({ actor: { kind: 'system' }, action: { type: 'expireTimer' } });
		expect(expiryA.at).toBeGreaterThanOrEqual(voteA.endsAt);
		expect(expiryA.at - voteA.endsAt).toBeLessThan(1500);

		// Now kill before B's deadline and stay down past it: the next start-up runs it out at once,
		// before any browser is back.
		expect(Date.now()).toBeLessThan(voteB.endsAt);
		await next.kill('SIGKILL');
		await sleep(Math.max(0, voteB.endsAt - Date.now()) + 300);
		closeAll();
		const third = await spawnKillable(database);
		let expiryB = readLog(database, b.code).at(-1)!;
		for (let i = 0; i < 40 && expiryB.action.type !== 'expireTimer'; i++) {
			await sleep(50);
			expiryB = readLog(database, b.code).at(-1)!;
		}
		expect(expiryB).toMatchObject({ actor: { kind: 'system' }, action: { type: 'expireTimer' } });
		expect(expiryB.at).toBeGreaterThan(voteB.endsAt);
		b.server = third;
		await b.enter('host');
		const viewB = await b.view();
		expect(viewB.votes[0]).toMatchObject({ status: 'closed', result: { abstain: 4, absent: 4 } });
		expect(viewB.timer).toBeNull();
		// The briefing of room C is still running, to the same deadline.
		c.server = third;
		await c.enter('host');
		expect((await c.view()).timer).toEqual(briefing);
	});
});
