/** The names a server answers to: its own, at its port, and those a deployment lists. */
import { describe, expect, it } from 'vitest';
import { machineNames, TrustedOrigins } from '../../../server/origins';

const names = () => ['192.168.1.20', 'fe80::1', 'laptop', 'laptop.local'];
const at = (address: string, port = 3000) => () => ({ address, port, family: 'IPv4' });

describe('TrustedOrigins', () => {
	it('trusts nothing before the server listens', () => {
		const trusted = new TrustedOrigins(() => null, [], names);
		expect(trusted.hostAllowed('localhost:3000')).toBe(false);
	});

	it('refuses a request without a Host, and a Host with anything but a name and a port', () => {
		const trusted = new TrustedOrigins(at('0.0.0.0'), [], names);
		for (const host of [undefined, '', 'a@localhost:3000', 'localhost:3000/x', 'localhost:3000?', 'localhost:3000#', 'local host:3000', 'localhost:3000\\'])
			expect(trusted.hostAllowed(host), String(host)).toBe(false);
	});

	it('leaves the port out at 80, as browsers do', () => {
		const trusted = new TrustedOrigins(at('0.0.0.0', 80), [], names);
		expect(trusted.hostAllowed('laptop.local')).toBe(true);
		expect(trusted.originAllowed('http://laptop.local')).toBe(true);
		expect(trusted.hostAllowed('laptop.local:3000')).toBe(false);
	});

	it('lists origins as browsers send them, whatever trailing slash or case they were written with', () => {
		const trusted = new TrustedOrigins(at('127.0.0.1'), ['https://Pact.School.example/'], names);
		expect(trusted.originAllowed('https://pact.school.example')).toBe(true);
		expect(trusted.hostAllowed('pact.school.example')).toBe(true);
		expect(trusted.originAllowed('https://pact.school.example.evil.example')).toBe(false);
	});

	it('reads this machine’s addresses and host name from the system', () => {
		const found = machineNames();
		expect(found).toContain('127.0.0.1');
		expect(found.length).toBeGreaterThan(1);
	});
});
