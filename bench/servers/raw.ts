/**
 * The baseline: the least a Socket.IO server can do for a vote — count it, send it to everyone in
 * the room, acknowledge it. Nothing is checked, stored or personalised, so what it costs is the
 * transport's own cost, the floor the game's figures are compared with.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { serveServerStats } from '../lib/server-stats';

const http = createServer();
const io = new Server(http, { transports: ['websocket'], maxHttpBufferSize: 16_000 });
const counters = new Map<string, number>();

io.on('connection', (socket) => {
	const room = String(socket.handshake.auth.room ?? '');
	socket.join(room);
	socket.on('vote', (vote: unknown, ack: (res: unknown) => void) => {
		const seq = (counters.get(room) ?? 0) + 1;
		counters.set(room, seq);
		io.to(room).emit('vote', { seq, vote });
		if (typeof ack === 'function') ack({ ok: true, seq });
	});
});

// Exits on SIGTERM like the game server, so a CPU profile (BENCH_CPU_PROFILE) is written.
process.on('SIGTERM', () => process.exit(0));
http.listen(0, '127.0.0.1', () => process.send!({ type: 'ready', port: (http.address() as AddressInfo).port }));
serveServerStats();
