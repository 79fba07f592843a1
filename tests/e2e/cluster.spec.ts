/**
 * A game in Chromium through HAProxy, on three servers sharing PostgreSQL (cluster mode): the game
 * is created on whichever server the home page reaches, and every page of the room — the
 * players', the projector — is sent by HAProxy to the one server that holds the room. Mid-vote
 * that server is killed (SIGKILL): the pages reconnect to another, which takes the room, and a
 * vote cast in that moment counts once. Skipped, saying why, without PostgreSQL or HAProxy.
 */
import pg from 'pg';
import { expect, test } from './fixtures';
import { everyClauseByHand, Facilitator, newPage } from './facilitator';
import { clusterMissing, startCluster, type TestCluster } from '../helpers/cluster';
import { removeTempDatabases } from '../helpers/temp-database';

let cluster: TestCluster | undefined;

test.beforeAll(async () => {
	test.setTimeout(90_000);
	if (!clusterMissing) cluster = await startCluster({ pages: true });
});
test.afterAll(async () => {
	await cluster?.stop();
	removeTempDatabases();
});

/** Every room's lease: which server holds it. */
async function leases(): Promise<Map<string, string>> {
	const db = new pg.Client({ connectionString: cluster!.databaseUrl });
	await db.connect();
	try {
		return new Map((await db.query<{ room: string; owner: string }>('select room, owner from room_leases')).rows.map((r) => [r.room, r.owner]));
	} finally {
		await db.end();
	}
}

/** The server holding the room's lease. */
async function ownerOf(code: string): Promise<string> {
	const db = new pg.Client({ connectionString: cluster!.databaseUrl });
	await db.connect();
	try {
		return (await db.query<{ owner: string }>('select owner from room_leases where room = $1', [code])).rows[0].owner;
	} finally {
		await db.end();
	}
}

test('two players and a projector play through HAProxy, and a vote cast as the room’s server dies counts once', async ({ browser }) => {
	test.skip(clusterMissing !== null, clusterMissing ?? '');
	test.setTimeout(120_000);
	const url = cluster!.url;
	// Created as the home page creates it; the facilitator's connection names the room.
	let host = await Facilitator.create(url);
	const code = host.code;

	const projector = await newPage(browser);
	await projector.goto(`${url}/projector/${code}`);
	await expect(projector.getByTestId('room-code')).toHaveText(code);

	const maya = await newPage(browser);
	await maya.goto(`${url}/play/${code}`);
	await maya.getByLabel('Your display name').fill('Maya');
	await maya.getByRole('button', { name: 'Take the seat of Ron Dermer' }).click();
	await expect(maya.getByRole('heading', { level: 1, name: 'Ron Dermer' })).toBeVisible();

	const sam = await newPage(browser);
	await sam.goto(`${url}/play/${code}`);
	await sam.getByLabel('Your display name').fill('Sam');
	await sam.getByRole('button', { name: 'Take the seat of White House adviser' }).click();
	await expect(sam.getByRole('heading', { level: 1, name: 'White House adviser' })).toBeVisible();
	await expect(projector.getByRole('heading', { name: 'Seats: 2 of 4 taken' })).toBeVisible();

	for (const type of ['start', 'advance', 'advance', 'openVote'] as const) await host.act({ type });
	await expect(maya.getByText('Clause vote')).toBeVisible();
	await maya.getByRole('button', { name: 'Yes', exact: true }).click();
	await expect(projector.getByTestId('tally-spoken')).toHaveText('1 yes, 0 no, 0 abstain; 1 of 2 ballots in.');

	// The room's server dies; Sam votes in that moment. Every page comes back on another server.
	const ownerName = await ownerOf(code);
	host.close();
	await cluster!.nodes.find((n) => n.name === ownerName)!.process.kill('SIGKILL');
	await expect(sam.getByText('Connection lost — reconnecting…')).toBeVisible();
	await sam.getByRole('button', { name: 'Yes', exact: true }).click();
	await expect(sam.getByRole('button', { name: 'Yes', exact: true })).toHaveAttribute('aria-pressed', 'true', { timeout: 20_000 });
	for (const page of [maya, sam, projector])
		await expect(page.getByTestId('tally-spoken')).toHaveText('2 yes, 0 no, 0 abstain; 2 of 2 ballots in.', { timeout: 20_000 });
	expect(await ownerOf(code)).not.toBe(ownerName);

	// The facilitator's page comes back too, and closes the vote.
	host = await Facilitator.enter(url, code, host.facilitatorToken);
	await host.act({ type: 'closeVote' });
	for (const page of [maya, sam, projector]) await expect(page.getByTestId('vote-result')).toContainText('Adopted');
	host.close();
});

test('two classes spread over the three servers, each teacher’s console running every table of theirs live', async ({ browser }) => {
	test.skip(clusterMissing !== null, clusterMissing ?? '');
	test.setTimeout(120_000);
	const TABLES = 3;
	const before = await leases();
	const consoles = [];
	for (let n = 0; n < 2; n++) {
		const page = await newPage(browser, { width: 1280, height: 800 });
		await page.goto(cluster!.url);
		await everyClauseByHand(page);
		await page.getByLabel('Number of tables').fill(String(TABLES));
		await page.getByRole('button', { name: `Create ${TABLES} tables` }).click();
		await expect(page.getByRole('heading', { level: 1, name: `Your ${TABLES} tables` })).toBeVisible();
		consoles.push(page);
	}
	// Each console's page opened every one of its tables, each through HAProxy on the server holding it.
	const tables = async () => [...(await leases())].filter(([room]) => !before.has(room));
	await expect.poll(async () => (await tables()).length, { timeout: 20_000 }).toBe(2 * TABLES);
	await expect.poll(async () => new Set((await tables()).map(([, owner]) => owner)).size, { timeout: 20_000 }).toBeGreaterThan(1);

	// Every table, whichever server holds it, takes its step from the console and shows it there.
	for (const page of consoles)
		for (let t = 1; t <= TABLES; t++) {
			await page.getByRole('button', { name: `Start the game at table ${t}`, exact: true }).click();
			await expect(page.getByRole('button', { name: `Next step at table ${t}`, exact: true })).toBeVisible();
		}
	for (const page of consoles) await page.close();
});
