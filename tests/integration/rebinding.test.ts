/**
 * DNS rebinding: a page at a domain an attacker controls, whose DNS now points at the classroom
 * laptop, reaches the server as a same-origin page of that domain — its Host and Origin both name
 * the attacker's domain, and a same-origin GET (the Socket.IO handshake) carries no Origin at
 * all. The server answers only to the names that mean itself, and to those a deployment lists.
 */
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import type { HttpHandler } from '../../server/app';
import { startServer, type RunningServer } from '../helpers/server';

let running: RunningServer;
afterEach(async () => {
	await running.server.close();
});

/** This machine, as the server sees it: a classroom address and a host name. */
const machineNames = () => ['192.168.1.20', 'fe80::1', 'laptop'];
/** A stand-in for the pages, so a refusal can be told from a page. */
const page: HttpHandler = (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<p>page</p>');

function port(): number {
	return Number(new URL(running.url).port);
}

/** A request sent to the server's real socket, with whatever Host and Origin a browser might send. */
function get(path: string, headers: Record<string, string>): Promise<number> {
	return new Promise((resolve, reject) => {
		const r = httpRequest({ host: '127.0.0.1', port: port(), path, headers: { connection: 'close', ...headers } }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode!));
		});
		r.on('error', reject);
		r.end();
	});
}

const HANDSHAKE = '/socket.io/?EIO=4&transport=polling';

describe('a server open to the classroom network (0.0.0.0)', () => {
	it('refuses a rebound page: its game connection, with or without an Origin, and its pages', async () => {
		running = await startServer(undefined, { machineNames, handler: page }, '0.0.0.0');
		const evil = `evil.example:${port()}`;
		expect(await get(HANDSHAKE, { host: evil, origin: `http://${evil}` })).toBe(403);
		// A same-origin GET carries no Origin: the Host alone gives the rebound page away.
		expect(await get(HANDSHAKE, { host: evil })).toBe(403);
		expect(await get('/', { host: evil })).toBe(403);
		expect(await get('/play/ABCDEF', { host: evil })).toBe(403);
		// A probe from a load balancer may name the server anyhow; it learns only "ok".
		expect(await get('/healthz', { host: evil })).toBe(200);
	});

	it('refuses a websocket opened from a rebound page', async () => {
		running = await startServer(undefined, { machineNames }, '0.0.0.0');
		const evil = `evil.example:${port()}`;
		const socket = io(running.url, { forceNew: true, reconnection: false, transports: ['websocket'], extraHeaders: { host: evil, origin: `http://${evil}` } });
		const outcome = await new Promise((resolve) => {
			socket.once('connect', () => resolve('connected'));
			socket.once('connect_error', () => resolve('refused'));
		});
		socket.close();
		expect(outcome).toBe('refused');
	});

	it('answers at its loopback names, its own addresses and host name, on the port it listens on', async () => {
		running = await startServer(undefined, { machineNames, handler: page }, '0.0.0.0');
		for (const name of ['localhost', '127.0.0.1', '[::1]', '192.168.1.20', '[fe80::1]', 'laptop', 'LAPTOP']) {
			const host = `${name}:${port()}`;
			expect(await get(HANDSHAKE, { host, origin: `http://${host}` }), host).toBe(200);
			expect(await get(HANDSHAKE, { host }), host).toBe(200);
			expect(await get('/', { host }), host).toBe(200);
		}
	});

	it('refuses its own address at another port or scheme, and names that only look like it', async () => {
		running = await startServer(undefined, { machineNames, handler: page }, '0.0.0.0');
		const own = `192.168.1.20:${port()}`;
		expect(await get(HANDSHAKE, { host: own, origin: 'http://192.168.1.20:8080' })).toBe(403);
		expect(await get(HANDSHAKE, { host: own, origin: `https://${own}` })).toBe(403);
		expect(await get(HANDSHAKE, { host: own, origin: 'null' })).toBe(403);
		for (const host of ['192.168.1.20:1', `192.168.1.20.evil.example:${port()}`, `evil@${own}`, `laptop.evil.example:${port()}`])
			expect(await get('/', { host }), host).toBe(403);
	});
});

describe('a server on loopback only', () => {
	it('answers at loopback names but not at the network addresses it does not listen on', async () => {
		running = await startServer(undefined, { machineNames, handler: page });
		expect(await get('/', { host: `localhost:${port()}` })).toBe(200);
		expect(await get(HANDSHAKE, { host: `127.0.0.1:${port()}`, origin: `http://127.0.0.1:${port()}` })).toBe(200);
		expect(await get(HANDSHAKE, { host: `192.168.1.20:${port()}`, origin: `http://192.168.1.20:${port()}` })).toBe(403);
	});
});

describe('a deployment behind its own domain (ALLOWED_ORIGINS)', () => {
	it('answers at the listed origins besides its own names, and nowhere else', async () => {
		running = await startServer(undefined, { machineNames, handler: page, allowedOrigins: ['https://pact.school.example'] }, '0.0.0.0');
		// A proxy that passes the public name on.
		expect(await get('/', { host: 'pact.school.example' })).toBe(200);
		expect(await get(HANDSHAKE, { host: 'pact.school.example', origin: 'https://pact.school.example' })).toBe(200);
		// A proxy that names the server by its own address.
		expect(await get(HANDSHAKE, { host: `127.0.0.1:${port()}`, origin: 'https://pact.school.example' })).toBe(200);
		expect(await get(HANDSHAKE, { host: `192.168.1.20:${port()}`, origin: `http://192.168.1.20:${port()}` })).toBe(200);
		expect(await get(HANDSHAKE, { host: 'pact.school.example', origin: 'http://pact.school.example' })).toBe(403);
		expect(await get('/', { host: 'other.school.example' })).toBe(403);
	});
});
