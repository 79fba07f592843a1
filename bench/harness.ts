/**
 * The client harness: many Socket.IO clients in one process, apart from the servers, driving the
 * same load against either target — the game or the raw baseline. M rooms of 6 seats; each seat
 * votes r times a second. For every vote it measures the time from sending it until every seat of
 * its room has seen it (a view, or a patch to one, with at least the vote's sequence number for
 * the game; the echoed vote for the baseline).
 *
 * Driven over IPC by bench/load.ts: `setup` connects and seats the clients, `run` drives a load
 * and returns the figures, `teardown` disconnects everyone.
 */
import * as hdr from 'hdr-histogram-js';
import { io, type Socket } from 'socket.io-client';
import { serve } from './lib/child';
import { createRooms, inBatches, openFirstVote, SEATS, takeSeat } from './lib/tables';

type Target = 'game' | 'raw';

interface Pending {
	seq: number;
	sentAt: number;
	/** Seats of the room that have not seen it yet. */
	waiting: number;
}

interface Seat {
	socket: Socket;
	room: RoomLoad;
	/** The highest sequence number this seat has seen. */
	seen: number;
	choice: 'yes' | 'no';
}

interface RoomLoad {
	code: string;
	seats: Seat[];
	pending: Pending[];
}


let target: Target = 'game';
let rooms: RoomLoad[] = [];
let measuring = false;
const newHistogram = () => hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 });
/** Send to every seat having seen it, in microseconds. */
let histogram = newHistogram();
/** Send to acknowledgement: the sender's own wait, which includes the commit to disk for the game. */
let ackHistogram = newHistogram();
const counts = { sent: 0, acked: 0, refused: 0, deliveries: 0, completed: 0 };
const refusals = new Map<string, number>();

const now = () => performance.now();

function connect(url: string, auth: Record<string, string> = {}): Promise<Socket> {
	const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth });
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

function complete(p: Pending) {
	if (!measuring) return;
	counts.completed += 1;
	histogram.recordValue(Math.max(1, Math.round((now() - p.sentAt) * 1000)));
}

async function setupGame(url: string, count: number) {
	const host = await connect(url);
	const made = await createRooms(host, count, { tally: 'live', ballots: 'named' });
	host.disconnect();
	await inBatches(made, 10, async ({ code, facilitatorToken }) => {
		const room: RoomLoad = { code, seats: [], pending: [] };
		for (const seatId of SEATS) {
			const socket = await connect(url);
			const seat: Seat = { socket, room, seen: 0, choice: 'yes' };
			socket.on('view', (view: { seq: number }) => seen(seat, view.seq));
			socket.on('patch', (patch: { seq: number }) => seen(seat, patch.seq));
			await takeSeat(socket, code, seatId);
			room.seats.push(seat);
		}
		// The facilitator opens the first clause's vote and leaves; the seats then vote and change their votes.
		await openFirstVote(await connect(url), code, facilitatorToken);
		rooms.push(room);
	});
}

async function setupRaw(url: string, count: number) {
	await inBatches(
		Array.from({ length: count }, (_, i) => `room-${i}`),
		10,
		async (code) => {
			const room: RoomLoad = { code, seats: [], pending: [] };
			for (let i = 0; i < SEATS.length; i++) {
				const socket = await connect(url, { room: code });
				const seat: Seat = { socket, room, seen: 0, choice: 'yes' };
				socket.on('vote', (vote: { seq: number }) => seen(seat, vote.seq));
				room.seats.push(seat);
			}
			rooms.push(room);
		}
	);
}


function vote(seat: Seat) {
	seat.choice = seat.choice === 'yes' ? 'no' : 'yes';
	const sentAt = now();
	if (measuring) counts.sent += 1;
	const payload = target === 'game' ? { type: 'castVote', choice: seat.choice } : { choice: seat.choice };
	seat.socket.emit(target === 'game' ? 'action' : 'vote', payload, (res: { ok: boolean; seq?: number; code?: string; update?: { patch?: { seq: number }; view?: { seq: number } } }) => {
		if (!res.ok) {
			if (measuring) {
				counts.refused += 1;
				refusals.set(res.code ?? '?', (refusals.get(res.code ?? '?') ?? 0) + 1);
			}
			return;
		}
		if (measuring) {
			counts.acked += 1;
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

async function run(rate: number, warmupMs: number, durationMs: number) {
	const period = 1000 / rate;
	const timers: NodeJS.Timeout[] = [];
	for (const room of rooms)
		for (const seat of room.seats) {
			// Each seat starts at a random moment within one period, so the load is spread, not in bursts.
			timers.push(setTimeout(() => {
				vote(seat);
				timers.push(setInterval(() => vote(seat), period));
			}, Math.random() * period));
		}
	await sleep(warmupMs);
	histogram = newHistogram();
	ackHistogram = newHistogram();
	Object.assign(counts, { sent: 0, acked: 0, refused: 0, deliveries: 0, completed: 0 });
	refusals.clear();
	measuring = true;
	process.send!({ type: 'measuring' });
	const cpuBefore = process.cpuUsage();
	const started = now();
	await sleep(durationMs);
	const seconds = (now() - started) / 1000;
	const cpu = process.cpuUsage(cpuBefore);
	measuring = false;
	timers.forEach((t) => clearInterval(t));
	const result = {
		type: 'result',
		target,
		rooms: rooms.length,
		clients: rooms.length * SEATS.length,
		rate,
		seconds,
		votesPerSecond: counts.acked / seconds,
		deliveriesPerSecond: counts.deliveries / seconds,
		sent: counts.sent,
		refused: counts.refused,
		refusals: Object.fromEntries(refusals),
		completed: counts.completed,
		p50: histogram.getValueAtPercentile(50) / 1000,
		p95: histogram.getValueAtPercentile(95) / 1000,
		p99: histogram.getValueAtPercentile(99) / 1000,
		max: histogram.maxValue / 1000,
		ack: { p50: ackHistogram.getValueAtPercentile(50) / 1000, p99: ackHistogram.getValueAtPercentile(99) / 1000 },
		harnessCpu: (cpu.user + cpu.system) / 1e6 / seconds
	};
	// Let the last votes drain before the next load step starts.
	await sleep(1000);
	for (const room of rooms) room.pending = [];
	return result;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

serve(async (message) => {
	switch (message.cmd) {
		case 'setup': {
			target = message.target as Target;
			rooms = [];
			if (target === 'game') await setupGame(message.url as string, message.rooms as number);
			else await setupRaw(message.url as string, message.rooms as number);
			return { type: 'setupDone', clients: rooms.length * SEATS.length };
		}
		case 'run':
			return run(message.rate as number, message.warmupMs as number, message.durationMs as number);
		case 'teardown':
			for (const room of rooms) for (const seat of room.seats) seat.socket.disconnect();
			rooms = [];
			await sleep(500);
			return { type: 'tornDown' };
	}
});
process.send!({ type: 'ready' });
