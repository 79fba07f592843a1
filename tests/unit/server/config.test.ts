/** Settings from the environment: defaults for a fresh machine, and errors that say what to write instead. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEASE_MS, DEFAULT_PG_SYNC_COMMIT, DEFAULT_SYNC_EVERY_MS, readSettings } from '../../../server/config';

describe('readSettings', () => {
	it('syncs the log every 100 ms unless told otherwise, and before every acknowledgement with 0', () => {
		expect(readSettings({}).syncEveryMs).toBe(DEFAULT_SYNC_EVERY_MS);
		expect(DEFAULT_SYNC_EVERY_MS).toBe(100);
		expect(readSettings({ PACT_ROOM_SYNC_MS: '0' }).syncEveryMs).toBe(0);
		expect(readSettings({ PACT_ROOM_SYNC_MS: '250' }).syncEveryMs).toBe(250);
	});

	it.each(['-5', '1.5', 'fast', '', '60000'])('refuses PACT_ROOM_SYNC_MS=%j, saying what it takes', (text) => {
		expect(() => readSettings({ PACT_ROOM_SYNC_MS: text })).toThrow(/PACT_ROOM_SYNC_MS is a whole number of milliseconds from 0 .* to 10000; not/);
	});

	it('refuses an unknown writer and a bad port', () => {
		expect(() => readSettings({ PACT_ROOM_WRITER: 'disk' })).toThrow('PACT_ROOM_WRITER is auto, thread or inline; not "disk"');
		expect(() => readSettings({ PORT: 'eighty' })).toThrow(/PORT must be a port number/);
	});

	it('trusts no proxy by default; TRUST_PROXY takes a number of hops or a list of proxy addresses and ranges', () => {
		expect(readSettings({}).trustProxy('127.0.0.1', 0)).toBe(false);
		const twoHops = readSettings({ TRUST_PROXY: '2' }).trustProxy;
		expect([twoHops('198.51.100.1', 0), twoHops('198.51.100.1', 1), twoHops('198.51.100.1', 2)]).toEqual([true, true, false]);
		const listed = readSettings({ TRUST_PROXY: '10.0.0.0/8, 192.0.2.7' }).trustProxy;
		expect([listed('10.1.2.3', 0), listed('192.0.2.7', 1), listed('192.0.2.8', 0)]).toEqual([true, true, false]);
		expect(() => readSettings({ TRUST_PROXY: 'proxy.example' })).toThrow(/TRUST_PROXY is a number of proxy hops or a comma-separated list/);
	});
});

describe('origins in settings', () => {
	it('reads ALLOWED_ORIGINS and FRAME_ANCESTORS as origins, written as browsers send them', () => {
		const settings = readSettings({ ALLOWED_ORIGINS: ' https://Pact.School.example/ ,http://10.0.0.5:8080', FRAME_ANCESTORS: 'https://slides.school.example' });
		expect(settings.allowedOrigins).toEqual(['https://pact.school.example', 'http://10.0.0.5:8080']);
		expect(settings.frameAncestors).toEqual(['https://slides.school.example']);
		expect(readSettings({})).toMatchObject({ allowedOrigins: [], frameAncestors: [] });
	});

	// Each would reach a response header or never match an Origin: refused at start, saying why.
	it.each(['pact.school.example', 'https://pact.school.example/room', "https://a.example; script-src 'unsafe-inline'", 'https://a.example?x', 'ftp://a.example', '*', "'self'"])(
		'refuses %j as an origin',
		(entry) => {
			expect(() => readSettings({ ALLOWED_ORIGINS: entry })).toThrow(/ALLOWED_ORIGINS lists origins such as https:\/\/pact.school.example .* not "/);
			expect(() => readSettings({ FRAME_ANCESTORS: entry })).toThrow(/FRAME_ANCESTORS lists origins/);
		}
	);
});

describe('PUBLIC_URL', () => {
	it('is unset by default, and when set is one origin, written as browsers send it', () => {
		expect(readSettings({}).publicUrl).toBeNull();
		expect(readSettings({ PUBLIC_URL: ' https://Pact.School.example/ ' }).publicUrl).toBe('https://pact.school.example');
		expect(readSettings({ PUBLIC_URL: 'http://192.168.1.20:3000' }).publicUrl).toBe('http://192.168.1.20:3000');
	});

	it.each(['192.168.1.20:3000', 'https://pact.school.example/room', 'https://a.example, https://b.example', 'ftp://a.example', '*'])('refuses %j, saying what it takes', (text) => {
		expect(() => readSettings({ PUBLIC_URL: text })).toThrow(/PUBLIC_URL is the one address students open, such as http:\/\/192\.168\.1\.20:3000 .* not "/);
	});

	it('runs on the SQLite file unless DATABASE_URL is set; in cluster mode names the server and its leases', () => {
		expect(readSettings({}).cluster).toBeNull();
		expect(readSettings({ DATABASE_URL: '  ' }).cluster).toBeNull();
		const cluster = readSettings({ DATABASE_URL: 'postgresql://pact@db.example/pact_room', PACT_ROOM_NODE_ID: 'game-2', PORT: '3002' }).cluster;
		expect(cluster).toEqual({ databaseUrl: 'postgresql://pact@db.example/pact_room', node: 'game-2', leaseMs: DEFAULT_LEASE_MS, syncCommit: DEFAULT_PG_SYNC_COMMIT === 'on' });
		// Unnamed, a server is its host name and port.
		expect(readSettings({ DATABASE_URL: 'postgres://db/pact', PORT: '3005' }).cluster?.node).toMatch(/:3005$/);
		expect(readSettings({ DATABASE_URL: 'postgres://db/pact', PACT_ROOM_LEASE_MS: '2000' }).cluster?.leaseMs).toBe(2000);
		expect(readSettings({ DATABASE_URL: 'postgres://db/pact', PACT_ROOM_PG_SYNC_COMMIT: 'off' }).cluster?.syncCommit).toBe(false);
		expect(readSettings({ DATABASE_URL: 'postgres://db/pact', PACT_ROOM_PG_SYNC_COMMIT: 'on' }).cluster?.syncCommit).toBe(true);
	});

	it('refuses a DATABASE_URL that is not PostgreSQL, a node id that is no name, and a lease out of range', () => {
		expect(() => readSettings({ DATABASE_URL: 'mysql://db/pact' })).toThrow(/DATABASE_URL is a PostgreSQL connection string/);
		expect(() => readSettings({ DATABASE_URL: 'postgres://db/pact', PACT_ROOM_NODE_ID: 'two words' })).toThrow(/PACT_ROOM_NODE_ID is a name/);
		for (const lease of ['100', 'soon', '9999999'])
			expect(() => readSettings({ DATABASE_URL: 'postgres://db/pact', PACT_ROOM_LEASE_MS: lease })).toThrow(/PACT_ROOM_LEASE_MS is a whole number of milliseconds from 500 to 600000/);
		expect(() => readSettings({ DATABASE_URL: 'postgres://db/pact', PACT_ROOM_PG_SYNC_COMMIT: 'no' })).toThrow(/PACT_ROOM_PG_SYNC_COMMIT is on or off/);
	});
});
