/** The address a page gives students: never loopback while the server has a network address; PUBLIC_URL first. */
import { describe, expect, it } from 'vitest';
import { isLoopback, joinChoice } from '../../../src/lib/client/join-address';

const lan = ['http://192.168.1.20:3000', 'http://[fd12::20]:3000'];

describe('joinChoice', () => {
	it.each(['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000'])('opened at %s, gives the network addresses', (page) => {
		expect(joinChoice(page, { public: null, lan })).toEqual({ origins: lan, public: false, thisComputerOnly: false });
	});

	it('gives PUBLIC_URL alone, wherever the page was opened', () => {
		for (const page of ['http://localhost:3000', 'http://192.168.1.20:3000'])
			expect(joinChoice(page, { public: 'https://pact.school.example', lan: [] })).toEqual({ origins: ['https://pact.school.example'], public: true, thisComputerOnly: false });
	});

	it('keeps the page’s own address when it is not loopback, offering the others after it', () => {
		expect(joinChoice('http://[fd12::20]:3000', { public: null, lan }).origins).toEqual(['http://[fd12::20]:3000', 'http://192.168.1.20:3000']);
		expect(joinChoice('https://pact.school.example', null).origins).toEqual(['https://pact.school.example']);
	});

	it('gives loopback only when nothing else exists, and says it reaches this computer only', () => {
		expect(joinChoice('http://localhost:3000', { public: null, lan: [] })).toEqual({ origins: ['http://localhost:3000'], public: false, thisComputerOnly: true });
		// Before the server answers, too: the page does not pretend.
		expect(joinChoice('http://localhost:3000', null).thisComputerOnly).toBe(true);
	});
});

describe('isLoopback', () => {
	it('knows the names that mean this device, and nothing else', () => {
		expect(['localhost', 'LOCALHOST', 'pact.localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1'].every(isLoopback)).toBe(true);
		expect(['192.168.1.20', 'localhost.example', '[fd12::20]', 'laptop.local', '1270.0.0.1'].some(isLoopback)).toBe(false);
	});
});
