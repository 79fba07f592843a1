/** The room survives the server process being killed: every acknowledged action is on disk. */
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, connect, req } from '../helpers/clients';
import { tempDatabase } from '../helpers/server';
import { spawnKillable as spawnServer, type KillableServer as ServerProcess } from '../helpers/killable-server';

let proc: ServerProcess | undefined;
afterEach(async () => {
	closeAll();
	await proc?.kill();
});

describe('restarting the server', () => {
	it('finds the room, its seats and its votes intact after kill -9', async () => {
		const database = tempDatabase();
		proc = await spawnServer(database);
		const host = await connect(proc.url);
		const { code, facilitatorToken } = await req(host, 'createGame', { votingRule: 'majority' });
		await req(host, 'enterRoom', { code, facilitatorToken });
		const player = await connect(proc.url);
		await req(player, 'enterRoom', { code });
		const { seatToken } = await req(player, 'action', { type: 'takeSeat', seat: 'mossad-director', name: 'Noa' });
		for (const type of ['start', 'advance', 'advance', 'openVote'] as const) await req(host, 'action', { type });
		expect(await req(player, 'action', { type: 'castVote', choice: 'yes' })).toMatchObject({ ok: true });

		await proc.kill('SIGKILL');
		closeAll();
		proc = await spawnServer(database);

		const back = await connect(proc.url);
		const entered = await req(back, 'enterRoom', { code, seatToken });
		expect(entered).toMatchObject({ ok: true, view: { as: 'seat', you: { seat: 'mossad-director', ballot: { choice: 'yes' } } } });
		expect(entered.view.seats.find((s: { id: string }) => s.id === 'mossad-director').player).toBe('Noa');
		const host2 = await connect(proc.url);
		const facilitator = await req(host2, 'enterRoom', { code, facilitatorToken });
		expect(facilitator.view.votes[0]).toMatchObject({ status: 'open', counts: { yes: 1, no: 0, abstain: 0 } });
		expect(await req(host2, 'action', { type: 'closeVote' })).toMatchObject({ ok: true });
	});
});
