/**
 * The baseline: a bare broadcast, the least a Socket.IO server can do for a vote — send it to
 * everyone in the room, its sender too. No acknowledgement, no counter, nothing checked, stored or
 * personalised, and no instrumentation in this process: what it costs is the transport's own cost,
 * the floor the game's figures are compared with. Its CPU and memory are read from /proc by the
 * parent (bench/lib/proc.ts); the one thing it answers besides is a request to collect garbage
 * before its memory is read, between measurements.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { serveGc } from '../lib/server-stats';

const http = createServer();
const io = new Server(http, { transports: ['websocket'], maxHttpBufferSize: 16_000 });

io.on('connection', (socket) => {
	const room = String(socket.handshake.auth.room ?? '');
	socket.join(room);
	socket.on('vote', (vote: unknown) => io.to(room).emit('vote', vote));
});

// Exits on SIGTERM like the game server, so a CPU profile (BENCH_CPU_PROFILE) is written.
process.on('SIGTERM', () => process.exit(0));
http.listen(0, '127.0.0.1', () => process.send!({ type: 'ready', port: (http.address() as AddressInfo).port }));
serveGc();
