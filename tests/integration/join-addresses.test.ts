/**
 * The addresses a page is told to give students, from a real server whose network interfaces are
 * a test's: its network address while it has one (the page may have been opened at localhost),
 * PUBLIC_URL when set, none when students cannot reach it — and every address it gives is one it
 * answers to, so a student's page there may open a game connection.
 */
import { request as httpRequest } from 'node:http';
import type { NetworkInterfaceInfo } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { NetworkInterfaces } from '../../server/join-addresses';
import { closeAll, connect, req } from '../helpers/clients';
import { startServer, type RunningServer } from '../helpers/server';

let running: RunningServer;
afterEach(async () => {
	closeAll();
	await running.server.close();
});

const v4 = (address: string, internal = false) =>
	({ address, family: 'IPv4', internal, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: `${address}/24` }) as NetworkInterfaceInfo;
/** A laptop on the classroom Wi-Fi, from a documentation range so no real network is involved. */
const onWifi: NetworkInterfaces = () => ({ lo: [v4('127.0.0.1', true)], wlan0: [v4('192.0.2.20')] });
const offline: NetworkInterfaces = () => ({ lo: [v4('127.0.0.1', true)] });

const port = () => Number(new URL(running.url).port);

/** The Socket.IO handshake as a page at `origin` would send it: 200 when the server accepts it. */
function handshake(origin: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const r = httpRequest(
			{ host: '127.0.0.1', port: port(), path: '/socket.io/?EIO=4&transport=polling', headers: { connection: 'close', host: new URL(origin).host, origin } },
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode!));
			}
		);
		r.on('error', reject);
		r.end();
	});
}

describe('the join addresses a page is told', () => {
	it('are the network address, not loopback, when the machine has one — and the server answers a page there', async () => {
		running = await startServer(undefined, { networkInterfaces: onWifi }, '0.0.0.0');
		const page = await connect(running.url);
		const res = await req(page, 'joinAddresses', {});
		expect(res).toEqual({ ok: true, public: null, lan: [`http://192.0.2.20:${port()}`] });
		expect(await handshake(res.lan[0])).toBe(200);
	});

	it('are PUBLIC_URL alone when it is set — and the server answers a page there', async () => {
		running = await startServer(undefined, { networkInterfaces: onWifi, publicUrl: 'https://pact.school.example' }, '0.0.0.0');
		const res = await req(await connect(running.url), 'joinAddresses', {});
		expect(res).toEqual({ ok: true, public: 'https://pact.school.example', lan: [] });
		expect(await handshake('https://pact.school.example')).toBe(200);
	});

	it('are none when the server is on loopback only, or the machine on no network', async () => {
		running = await startServer(undefined, { networkInterfaces: onWifi }, '127.0.0.1');
		expect(await req(await connect(running.url), 'joinAddresses', {})).toEqual({ ok: true, public: null, lan: [] });
		closeAll();
		await running.server.close();
		running = await startServer(undefined, { networkInterfaces: offline }, '0.0.0.0');
		expect(await req(await connect(running.url), 'joinAddresses', {})).toEqual({ ok: true, public: null, lan: [] });
	});

	it('refuses a request that carries anything, saying so', async () => {
		running = await startServer(undefined, { networkInterfaces: onWifi }, '0.0.0.0');
		const res = await req(await connect(running.url), 'joinAddresses', { lan: ['http://evil.example'] });
		expect(res).toMatchObject({ ok: false, code: 'bad_payload' });
	});
});
