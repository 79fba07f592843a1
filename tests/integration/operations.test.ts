/**
 * Running it as a service: a health check for the load balancer or service manager, and a
 * graceful stop on SIGTERM that stores every action it acknowledged, exits cleanly and leaves a
 * database the next start picks up.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../server/store/sqlite-store';
import { closeAll, connect, req } from '../helpers/clients';
import { killAllKillable, spawnKillable } from '../helpers/killable-server';
import { tempDatabase } from '../helpers/server';
import { removeDatabase } from '../helpers/table';

const databases: string[] = [];
afterEach(async () => {
	closeAll();
	await killAllKillable();
});
afterAll(() => databases.forEach(removeDatabase));

describe('operations', () => {
	it('answers /healthz with 200 while serving', async () => {
		const database = tempDatabase();
		databases.push(database);
		const server = await spawnKillable(database);
		const res = await fetch(`${server.url}/healthz`);
		expect(res.status).toBe(200);
		expect(await res.text()).toBe('ok');
	});

	it('stops on SIGTERM with a burst of actions in flight: exits 0, and every acknowledged action is stored', async () => {
		const database = tempDatabase();
		databases.push(database);
		const server = await spawnKillable(database);
		const host = await connect(server.url);
		const { code, facilitatorToken } = await req(host, 'createGame', { timers: { briefing: null, opening: null, debate: null, vote: null } });
		await req(host, 'enterRoom', { code, facilitatorToken });
		const player = await connect(server.url);
		await req(player, 'enterRoom', { code });
		await req(player, 'action', { type: 'takeSeat', seat: 'dermer', name: 'Ron' });
		for (const type of ['start', 'advance', 'advance'] as const) expect(await req(host, 'action', { type })).toMatchObject({ ok: true });

		// A thousand arguments sent at once, and SIGTERM while they are on their way.
		const acked: string[] = [];
		const sent = Array.from({ length: 1000 }, (_, i) => {
			const text = `Argument number ${i}`;
			return new Promise<void>((resolve) => {
				player.once('disconnect', () => resolve());
				player.emit('action', { type: 'postArgument', stance: 'for', text, actionId: `sigterm-burst-${i}` }, (res: { ok: boolean }) => {
					if (res.ok) acked.push(text);
					resolve();
				});
			});
		});
		// Once the first is stored, the rest are still arriving.
		await new Promise<void>((resolve) => host.once('patch', () => resolve()));
		await server.kill('SIGTERM');
		await Promise.all(sent);
		expect(server.child.exitCode).toBe(0);

		const store = openSqliteStore(database);
		try {
			const stored = store
				.log(code)
				.filter((e) => e.action.type === 'postArgument')
				.map((e) => (e.action as { text: string }).text);
			for (const text of acked) expect(stored).toContain(text);
			// Stored in the order sent, each once.
			expect(new Set(stored).size).toBe(stored.length);
			expect(stored).toEqual(stored.map((_, i) => `Argument number ${i}`));
		} finally {
			store.close();
		}

		// The next start carries on from there.
		closeAll();
		const again = await spawnKillable(database);
		const back = await connect(again.url);
		const entered = await req(back, 'enterRoom', { code, facilitatorToken });
		expect(entered.ok).toBe(true);
		expect(entered.view.posts.length).toBeGreaterThanOrEqual(acked.length);
	});
});
