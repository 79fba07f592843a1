/**
 * In cluster mode the limits per address and per seat are counted in PostgreSQL, shared by every
 * server: a client cannot get twice its share by reaching two servers. The database keeps an HMAC
 * of each address, never the address.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, Limits } from '../../server/limits';
import { postgresMissing, startPostgres, type TestPostgres } from '../helpers/postgres';

let postgres: TestPostgres | undefined;

beforeAll(async () => {
	if (!postgresMissing) postgres = await startPostgres();
}, 60_000);
afterAll(() => postgres?.stop());
if (postgresMissing) console.warn(postgresMissing);

describe.skipIf(postgresMissing !== null)('limits shared through PostgreSQL', () => {
	it('count an address’s games and entries across servers, and keep no address in the database', async () => {
		const { openPgStore } = await import('../../server/store/pg-store');
		const url = await postgres!.freshDatabase();
		const [a, b] = await Promise.all(['server-a', 'server-b'].map((node) => openPgStore(url, { node, leaseMs: 60_000 })));
		const settings = { ...DEFAULT_LIMITS, createsPer10Minutes: 3, entriesPerMinute: 2 };
		const [atA, atB] = [new Limits(settings, a.sharedLimiters), new Limits(settings, b.sharedLimiters)];
		const address = '203.0.113.7';

		expect([await atA.create(address), await atA.create(address), await atB.create(address)]).toEqual([true, true, true]);
		// The fourth game from that address is refused wherever it lands.
		expect([await atA.create(address), await atB.create(address)]).toEqual([false, false]);
		// Another address, and another limit, count apart.
		expect(await atB.create('198.51.100.4')).toBe(true);
		expect([await atB.enter(address), await atA.enter(address), await atB.enter(address)]).toEqual([true, true, false]);

		const db = new pg.Client({ connectionString: url });
		await db.connect();
		const { rows } = await db.query('select * from rate_limits');
		await db.end();
		expect(rows.length).toBeGreaterThan(0);
		expect(JSON.stringify(rows)).not.toMatch(/203\.0\.113\.7|198\.51\.100\.4/);
		await Promise.all([a.close(), b.close()]);
	});
});
