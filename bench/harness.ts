/**
 * The client harness: many Socket.IO clients in one process, apart from the servers, driving the
 * same load against either target — the game or the raw baseline. M rooms of 6 seats; each seat
 * votes r times a second on average, each wait before its next vote drawn uniformly from half to
 * one and a half periods (players do not vote like a metronome), from a seeded generator so that
 * every target and every run gets the same schedule. For every vote it measures the time from
 * sending it until every seat of its room has seen it: a view, or a patch to one, with at least the
 * vote's sequence number for the game; the vote itself, echoed to the whole room (its sender too),
 * for the baseline, which neither numbers nor acknowledges anything.
 *
 * Driven over IPC by bench/load.ts: `setup` connects and seats the clients, `start` sets every seat
 * voting at a rate, `window` measures for a while and returns the figures (the seats vote on
 * between windows), `stop` stops the voting, `teardown` disconnects everyone.
 */
import * as hdr from 'hdr-histogram-js';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { io, type Socket } from 'socket.io-client';
import { serve } from './lib/child';
import { createRooms, inBatches, openFirstVote, SEATS, takeSeat } from './lib/tables';

type Target = 'game' | 'raw';

interface Pending {
	sentAt: number;
	/** Seats of the room that have not seen it yet. */
	waiting: number;
}

interface Seat {
	socket: Socket;
	room: RoomLoad;
	/** The highest sequence number this seat has seen (the game's). */
	seen: number;
	choice: 'yes' | 'no';
	/** When this seat votes next, drawn from its own generator. */
	timer?: NodeJS.Timeout;
}

interface RoomLoad {
	code: string;
	seats: Seat[];
	/** The game's votes in flight, by the sequence number the server gave them. */
	pending: (Pending & { seq: number })[];
}

let target: Target = 'game';
let rooms: RoomLoad[] = [];
let measuring = false;
/** The baseline's votes in flight, by the number the harness gave them (the server gives none). */
const rawPending = new Map<number, Pending>();
let rawVotes = 0;
const newHistogram = () => hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 });
/** Send to every seat having seen it, in microseconds. */
let histogram = newHistogram();
/** Send to acknowledgement (the game only): the sender's own wait, which includes the commit. */
let ackHistogram = newHistogram();
/** `taken`: votes the server took in — acknowledged by the game, echoed by the baseline. */
const counts = { sent: 0, taken: 0, refused: 0, deliveries: 0, completed: 0 };
const refusals = new Map<string, number>();

const now = () => performance.now();

/** A connection; a room's names its code in the handshake, as the pages do, for a proxy to route it to the room's server. */
function connect(url: string, auth: Record<string, string> = {}, room?: string): Promise<Socket> {
	const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth, ...(room ? { query: { room } } : {}) });
	return new Promise((resolve, reject) => {
		socket.once('connect', () => resolve(socket));
		socket.once('connect_error', reject);
	});
}

/** A seat saw everything up to `seq`: every pending vote of its room up to there has one seat fewer to wait for. */
function seen(seat: Seat, seq: number) {
	if (measuring) counts.deliveries += 1;
	if (seq <= seat.seen) return;
	const before = seat.seen;
	seat.seen = seq;
	const room = seat.room;
	for (let i = 0; i < room.pending.length; i++) {
		const p = room.pending[i];
		if (p.seq > before && p.seq <= seq && --p.waiting === 0) {
			complete(p);
			room.pending.splice(i--, 1);
		}
	}
}

/** A seat saw the baseline's echo of vote `id`; the first seat to see it shows the server took it in. */
function seenRaw(id: number) {
	if (measuring) counts.deliveries += 1;
	const p = rawPending.get(id);
	if (!p) return;
	if (measuring && p.waiting === SEATS.length) counts.taken += 1;
	if (--p.waiting === 0) {
		complete(p);
		rawPending.delete(id);
	}
}

function complete(p: Pending) {
	if (!measuring) return;
	counts.completed += 1;
	histogram.recordValue(Math.max(1, Math.round((now() - p.sentAt) * 1000)));
}

/** Rooms are kept in the order they were made, so seat n gets the same schedule on every target. */
async function setupGame(url: string, count: number) {
	const host = await connect(url);
	const made = await createRooms(host, count, { tally: 'live', ballots: 'named' });
	host.disconnect();
	rooms = new Array(made.length);
	await inBatches([...made.entries()], 10, async ([index, { code, facilitatorToken }]) => {
		const room: RoomLoad = { code, seats: [], pending: [] };
		for (const seatId of SEATS) {
			const socket = await connect(url, {}, code);
			const seat: Seat = { socket, room, seen: 0, choice: 'yes' };
			socket.on('view', (view: { seq: number }) => seen(seat, view.seq));
			socket.on('patch', (patch: { seq: number }) => seen(seat, patch.seq));
			await takeSeat(socket, code, seatId);
			room.seats.push(seat);
		}
		// The facilitator opens the first clause's vote and leaves; the seats then vote and change their votes.
		await openFirstVote(await connect(url, {}, code), code, facilitatorToken);
		rooms[index] = room;
	});
}

async function setupRaw(url: string, count: number) {
	rooms = new Array(count);
	await inBatches([...rooms.keys()], 10, async (index) => {
		const room: RoomLoad = { code: `room-${index}`, seats: [], pending: [] };
		for (let i = 0; i < SEATS.length; i++) {
			const socket = await connect(url, { room: room.code });
			const seat: Seat = { socket, room, seen: 0, choice: 'yes' };
			socket.on('vote', (vote: { id: number }) => seenRaw(vote.id));
			room.seats.push(seat);
		}
		rooms[index] = room;
	});
}

function vote(seat: Seat) {
	seat.choice = seat.choice === 'yes' ? 'no' : 'yes';
	const sentAt = now();
	if (measuring) counts.sent += 1;
	if (target === 'raw') {
		const id = ++rawVotes;
		rawPending.set(id, { sentAt, waiting: SEATS.length });
		seat.socket.emit('vote', { id, choice: seat.choice });
		return;
	}
	seat.socket.emit('action', { type: 'castVote', choice: seat.choice }, (res: { ok: boolean; seq?: number; code?: string; update?: { patch?: { seq: number }; view?: { seq: number } } }) => {
		if (!res.ok) {
			if (measuring) {
				counts.refused += 1;
				refusals.set(res.code ?? '?', (refusals.get(res.code ?? '?') ?? 0) + 1);
			}
			return;
		}
		if (measuring) {
			counts.taken += 1;
			ackHistogram.recordValue(Math.max(1, Math.round((now() - sentAt) * 1000)));
		}
		// The game sends the sender's own update inside the acknowledgement.
		const own = res.update?.patch?.seq ?? res.update?.view?.seq;
		if (own !== undefined) seen(seat, own);
		const room = seat.room;
		const waiting = room.seats.filter((s) => s.seen < res.seq!).length;
		const p = { seq: res.seq!, sentAt, waiting };
		if (waiting === 0) complete(p);
		else room.pending.push(p);
	});
}

/**
 * Sets every seat voting `rate` times a second on average: its first vote at a random moment
 * within one period, each next one after a wait drawn uniformly from [0.5, 1.5] periods. Each seat
 * draws from its own generator, split from `seed` in seat order, so a seat's schedule does not
 * depend on when the others' timers happen to fire.
 */
function startVoting(rate: number, seed: number) {
	const period = 1000 / rate;
	const generators = xoroshiro128plus(seed);
	for (const room of rooms)
		for (const seat of room.seats) {
			const rng: RandomGenerator = generators.clone();
			generators.jump();
			const next = () => {
				vote(seat);
				seat.timer = setTimeout(next, (0.5 + uniformFloat64(rng)) * period);
			};
			seat.timer = setTimeout(next, uniformFloat64(rng) * period);
		}
}

async function stopVoting() {
	for (const room of rooms) for (const seat of room.seats) clearTimeout(seat.timer);
	// Let the last votes drain before the next load starts.
	await sleep(1000);
	for (const room of rooms) room.pending = [];
	rawPending.clear();
}

/** Measures the load already running for `durationMs`. */
async function measureWindow(durationMs: number) {
	histogram = newHistogram();
	ackHistogram = newHistogram();
	Object.assign(counts, { sent: 0, taken: 0, refused: 0, deliveries: 0, completed: 0 });
	refusals.clear();
	measuring = true;
	process.send!({ type: 'measuring' });
	const cpuBefore = process.cpuUsage();
	const started = now();
	await sleep(durationMs);
	const seconds = (now() - started) / 1000;
	const cpu = process.cpuUsage(cpuBefore);
	measuring = false;
	const ms = (h: hdr.Histogram, q: number) => h.getValueAtPercentile(q) / 1000;
	return {
		type: 'result',
		rooms: rooms.length,
		clients: rooms.length * SEATS.length,
		seconds,
		votesPerSecond: counts.taken / seconds,
		deliveriesPerSecond: counts.deliveries / seconds,
		sent: counts.sent,
		refused: counts.refused,
		refusals: Object.fromEntries(refusals),
		completed: counts.completed,
		p50: ms(histogram, 50),
		p95: ms(histogram, 95),
		p99: ms(histogram, 99),
		max: histogram.maxValue / 1000,
		ack: target === 'game' ? { p50: ms(ackHistogram, 50), p99: ms(ackHistogram, 99) } : null,
		harnessCpu: (cpu.user + cpu.system) / 1e6 / seconds
	};
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

serve(async (message) => {
	switch (message.cmd) {
		case 'setup': {
			target = message.target as Target;
			if (target === 'game') await setupGame(message.url as string, message.rooms as number);
			else await setupRaw(message.url as string, message.rooms as number);
			return { type: 'setupDone', clients: rooms.length * SEATS.length };
		}
		case 'start':
			startVoting(message.rate as number, message.seed as number);
			return { type: 'started' };
		case 'window':
			return measureWindow(message.durationMs as number);
		case 'stop':
			await stopVoting();
			return { type: 'stopped' };
		case 'teardown':
			for (const room of rooms) for (const seat of room.seats) seat.socket.disconnect();
			rooms = [];
			await sleep(500);
			return { type: 'tornDown' };
	}
});
process.send!({ type: 'ready' });
