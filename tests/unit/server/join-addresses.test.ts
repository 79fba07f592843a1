/** Where students are told to join: the machine's network addresses, never loopback while one exists; PUBLIC_URL first. */
import type { AddressInfo } from 'node:net';
import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { joinAddresses, lanOrigins, readyMessage, type NetworkInterfaces } from '../../../server/join-addresses';

const iface = (address: string, internal = false): NetworkInterfaceInfo =>
	(address.includes(':')
		? { address, family: 'IPv6', internal, netmask: 'ffff:ffff:ffff:ffff::', mac: '00:00:00:00:00:00', cidr: `${address}/64`, scopeid: 0 }
		: { address, family: 'IPv4', internal, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: `${address}/24` }) as NetworkInterfaceInfo;

/** A laptop on a classroom Wi-Fi: loopback, a link-local address on a cable with no network, and the Wi-Fi's addresses. */
const laptop: NetworkInterfaces = () => ({
	lo: [iface('127.0.0.1', true), iface('::1', true)],
	eth0: [iface('169.254.10.4'), iface('fe80::1c2:3ff:fe4:5')],
	wlan0: [iface('fe80::aa:bb'), iface('fd12:3456::20'), iface('192.168.1.20')]
});
/** A laptop on no network at all. */
const offline: NetworkInterfaces = () => ({ lo: [iface('127.0.0.1', true), iface('::1', true)] });

const at = (address: string, port = 3000): AddressInfo => ({ address, port, family: address.includes(':') ? 'IPv6' : 'IPv4' });

describe('the addresses students can use', () => {
	it('are the machine’s network addresses at the port, not loopback or link-local; IPv4 only when listening on 0.0.0.0', () => {
		expect(lanOrigins(at('0.0.0.0'), laptop)).toEqual(['http://192.168.1.20:3000']);
	});

	it('include IPv6 when listening on ::, IPv4 first', () => {
		expect(lanOrigins(at('::', 8080), laptop)).toEqual(['http://192.168.1.20:8080', 'http://[fd12:3456::20]:8080']);
	});

	it('are the one address listened on when HOST names one, and none when HOST is loopback', () => {
		expect(lanOrigins(at('192.168.1.20'), laptop)).toEqual(['http://192.168.1.20:3000']);
		expect(lanOrigins(at('127.0.0.1'), laptop)).toEqual([]);
		expect(lanOrigins(at('::1'), laptop)).toEqual([]);
	});

	it('are none on a machine with no network', () => {
		expect(lanOrigins(at('0.0.0.0'), offline)).toEqual([]);
	});

	it('give way to PUBLIC_URL, which is then the only one', () => {
		expect(joinAddresses(at('0.0.0.0'), 'https://pact.school.example', laptop)).toEqual({ public: 'https://pact.school.example', lan: [] });
		expect(joinAddresses(at('0.0.0.0'), null, laptop)).toEqual({ public: null, lan: ['http://192.168.1.20:3000'] });
		// Not listening yet: nothing to tell.
		expect(joinAddresses(null, null, laptop)).toEqual({ public: null, lan: [] });
	});
});

describe('what npm start prints', () => {
	it('lists every network address, and says localhost is for this computer only', () => {
		const text = readyMessage(at('::'), null, laptop);
		expect(text).toContain('  http://192.168.1.20:3000\n  http://[fd12:3456::20]:3000');
		expect(text).toContain('http://localhost:3000 works on this computer only');
		expect(text).toContain('PUBLIC_URL');
		expect(text).not.toMatch(/169\.254|fe80|127\.0\.0\.1/);
	});

	it('names PUBLIC_URL as the address students open when it is set', () => {
		expect(readyMessage(at('0.0.0.0'), 'https://pact.school.example', laptop)).toMatch(/^Pact Room is ready\. Students open https:\/\/pact\.school\.example \(PUBLIC_URL\)/);
	});

	it('says plainly when students cannot reach the server, and why', () => {
		expect(readyMessage(at('0.0.0.0'), null, offline)).toMatch(/^Pact Room is ready at http:\/\/localhost:3000 — on this computer only: this computer has no address on a network/);
		expect(readyMessage(at('127.0.0.1', 4000), null, laptop)).toMatch(/^Pact Room is ready at http:\/\/127\.0\.0\.1:4000 — on this computer only: it listens on 127\.0\.0\.1 only \(HOST\)/);
	});
});
