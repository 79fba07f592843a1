/**
 * The recovery harness: clients that behave as the game's pages do after a drop — reconnect with
 * the browser's own settings, enter again with their seat token and the last sequence number they
 * saw, and send once more, with the same action id, any vote that went unanswered.
 *
 * Driven over IPC by bench/recovery.ts: `setup` seats the clients, `vote` has them vote once a
 * second, `killed` says the server was killed (new votes stop; the clients are reconnecting by
 * then), and the harness answers `resynced` with each client's time to catch up and every vote
 * that was acknowledged.
 */
import { io, type Socket } from 'socket.io-client';
import { CONNECTION_OPTIONS } from '../src/lib/client/connection';
import { serve } from './lib/child';
import { ask, createRooms, inBatches, openFirstVote, SEATS, takeSeat } from './lib/tables';


interface Client {
	socket: Socket;
	room: RoomState;
	seat: string;
	seatToken: string;
	/** The highest sequence number seen (views, patches, answers). */
	seen: number;
	/** Votes sent and not yet answered, by action id. */
	unanswered: Map<string, { type: 'castVote'; choice: string }>;
	/** Whether it has entered the room again since its connection dropped. */
	reentered: boolean;
	/** When it had caught up after the kill (ms since the epoch), once it has. */
	resyncedAt: number | null;
	choice: 'yes' | 'no';
}

interface RoomState {
	code: string;
	/** The highest sequence number acknowledged to anyone in the room before the kill. */
	ackedSeq: number;
}

let clients: Client[] = [];
let killedAt: number | null = null;
let ids = 0;
const acked: string[] = [];


function connect(url: string): Promise<Socket> {
	const socket = io(url, { ...CONNECTION_OPTIONS, forceNew: true });
	return new Promise((resolve, reject) => {
		socket.once('connect', () => resolve(socket));
		socket.once('connect_error', reject);
	});
}

function see(client: Client, seq: number) {
	client.seen = Math.max(client.seen, seq);
	if (killedAt !== null && client.reentered && client.resyncedAt === null && client.seen >= client.room.ackedSeq && client.unanswered.size === 0)
		client.resyncedAt = Date.now();
}

/** Sends a vote (or resends one) and keeps it until answered. */
function send(client: Client, actionId: string, action: { type: 'castVote'; choice: string }) {
	client.unanswered.set(actionId, action);
	client.socket.emit('action', { ...action, actionId }, (res: { ok: boolean; seq?: number; update?: { patch?: { seq: number }; view?: { seq: number } } }) => {
		client.unanswered.delete(actionId);
		if (!res.ok) return;
		acked.push(actionId);
		if (killedAt === null) client.room.ackedSeq = Math.max(client.room.ackedSeq, res.seq!);
		// The sender's own update comes inside the acknowledgement.
		see(client, res.update?.patch?.seq ?? res.update?.view?.seq ?? res.seq!);
	});
}

/** What the page does on every (re)connect: enter with the token and last sequence seen, then resend what went unanswered. */
async function reenter(client: Client) {
	const entered = await ask(client.socket, 'enterRoom', { code: client.room.code, seatToken: client.seatToken, lastSeq: client.seen });
	if (!entered.ok) throw new Error(`re-entry refused: ${entered.message}`);
	client.reentered = true;
	for (const [actionId, action] of client.unanswered) send(client, actionId, action);
	see(client, entered.view.seq);
}

async function setup(url: string, rooms: number) {
	const host = await connect(url);
	const made = await createRooms(host, rooms);
	host.disconnect();
	await inBatches(made, 10, async ({ code, facilitatorToken }) => {
		const room: RoomState = { code, ackedSeq: 0 };
		for (const seat of SEATS) {
			const socket = await connect(url);
			const taken = await takeSeat(socket, code, seat);
			const client: Client = { socket, room, seat, seatToken: taken.seatToken, seen: taken.seq, unanswered: new Map(), reentered: true, resyncedAt: null, choice: 'yes' };
			socket.on('view', (view: { seq: number }) => see(client, view.seq));
			socket.on('patch', (patch: { seq: number }) => see(client, patch.seq));
			socket.on('disconnect', () => (client.reentered = false));
			// Every reconnection after the first connect enters the room again.
			socket.io.on('reconnect', () => reenter(client).catch(() => socket.disconnect().connect()));
			clients.push(client);
		}
		await openFirstVote(await connect(url), code, facilitatorToken);
	});
}

let voting: NodeJS.Timeout[] = [];
function vote() {
	for (const client of clients)
		voting.push(
			setTimeout(() => {
				const tick = () => {
					if (killedAt !== null) return;
					client.choice = client.choice === 'yes' ? 'no' : 'yes';
					send(client, `recovery-${++ids}-${client.seat}`, { type: 'castVote', choice: client.choice });
				};
				tick();
				voting.push(setInterval(tick, 1000));
			}, Math.random() * 1000)
		);
}

async function untilResynced(timeoutMs: number) {
	const deadline = Date.now() + timeoutMs;
	while (clients.some((c) => c.resyncedAt === null) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

serve(async (message) => {
	switch (message.cmd) {
		case 'setup':
			await setup(message.url as string, message.rooms as number);
			return { type: 'setupDone', clients: clients.length };
		case 'vote':
			vote();
			return { type: 'voting' };
		case 'killed': {
			killedAt = message.at as number;
			voting.forEach((t) => clearInterval(t));
			voting = [];
			await untilResynced(message.timeoutMs as number);
			const resyncedAt = clients.map((c) => c.resyncedAt);
			for (const c of clients) c.socket.disconnect();
			return { type: 'resynced', resyncedAt, acked };
		}
	}
});
process.send!({ type: 'ready' });
