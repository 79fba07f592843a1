/**
 * A hands-free game: once the facilitator starts it, timers, the last call after everyone has
 * voted and the countdown after each result carry it through every clause and the ratification
 * to the debrief, with no other click; and the facilitator can stop a countdown to take over.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, connect, req } from '../helpers/clients';
import { startServer, type RunningServer } from '../helpers/server';
import type { FacilitatorView } from '../../src/lib/game/view';
import { expectedLength } from '../../src/lib/game/lesson';
import { shippedScenario } from '../helpers/server';

let running: RunningServer | undefined;
afterEach(async () => {
	closeAll();
	await running?.server.close();
	running = undefined;
});

const SHORT = { briefing: 10, opening: 10, debate: 10, vote: 30 };
const PACE = { lastCallSeconds: 5, resultSeconds: 5 };

/** A table with scripted roles in every seat, created and started by a facilitator who then only watches. */
async function startedTable(pace: typeof PACE | undefined, agenda?: string[]) {
	running = await startServer();
	const host = await connect(running.url);
	const created = await req(host, 'createGame', { timers: SHORT, bots: true, ...(pace ? { pace } : {}), ...(agenda ? { agenda } : {}) });
	await req(host, 'enterRoom', { code: created.code, facilitatorToken: created.facilitatorToken });
	expect(await req(host, 'action', { type: 'start' })).toMatchObject({ ok: true });
	const probe = async (): Promise<FacilitatorView> => (await req(host, 'enterRoom', { code: created.code, facilitatorToken: created.facilitatorToken })).view;
	return { host, probe, code: created.code as string };
}

/** Lets test-clock time pass a second at a time, giving the room's queue a turn each second. */
async function watch(probe: () => Promise<FacilitatorView>, until: (view: FacilitatorView) => boolean, seconds: number) {
	for (let s = 0; s < seconds; s++) {
		const view = await probe();
		if (until(view)) return view;
		running!.clock.advance(1000);
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
	return probe();
}

describe('a hands-free pace', () => {
	it('runs a game from its start to the debrief with no facilitator action after the start', async () => {
		const { probe } = await startedTable(PACE);
		const ended = await watch(probe, (v) => v.phase === 'debrief', 60 * 60);
		expect(ended.phase).toBe('debrief');
		// Every clause was voted on and closed, then the treaty itself — unless the table voted down
		// every option of a required clause, which the debrief then names.
		expect(ended.votes.filter((v) => v.kind === 'clause').length).toBeGreaterThanOrEqual(ended.clauses.length);
		expect(ended.votes.every((v) => v.status === 'closed')).toBe(true);
		if (ended.debrief!.unsettled.length) expect(ended.votes.some((v) => v.kind === 'ratification')).toBe(false);
		else expect(ended.votes.at(-1)!.kind).toBe('ratification');
		// Scripted roles vote at once, so each vote closed on its last call, long before its own timer.
		for (const vote of ended.votes) expect(vote.closedAt! - vote.openedAt).toBeLessThan(SHORT.vote * 1000);
	});

	it('plays a lesson plan’s clauses alone, in its order, the rest set aside, within its minutes', async () => {
		const plan = (await shippedScenario()).lessonPlans.find((p) => p.id === 'one-lesson')!;
		expect(expectedLength(plan.timers, plan.timers, plan.clauses!.length, plan.pace).minutes).toBeLessThanOrEqual(plan.minutes);
		const { probe } = await startedTable(PACE, plan.clauses);
		const ended = await watch(probe, (v) => v.phase === 'debrief', 60 * 60);
		expect(ended.phase).toBe('debrief');
		expect(ended.clauses.map((c) => c.id)).toEqual(plan.clauses);
		expect([...new Set(ended.votes.filter((v) => v.kind === 'clause').map((v) => v.clauseId))]).toEqual(plan.clauses);
		expect(ended.skipped.sort()).toEqual((await shippedScenario()).clauses.map((c) => c.id).filter((id) => !plan.clauses!.includes(id)).sort());
	});

	it('refuses an agenda naming a clause the scenario does not have, saying which', async () => {
		running = await startServer();
		const host = await connect(running.url);
		expect(await req(host, 'createGame', { agenda: ['scope', 'scopee'] })).toMatchObject({ ok: false, code: 'bad_payload', message: expect.stringContaining('scopee') });
	});

	it('waits for the facilitator after a result without it, and whenever the facilitator stops the countdown', async () => {
		const manual = await startedTable(undefined);
		// A clause decided (a required one voted down comes back on its next option, and its debate goes on).
		// Scope may come back on each of its three options first, so allow for three debates and votes.
		const waiting = await watch(manual.probe, (v) => v.floor !== null && v.floor.clauseId in v.adopted, 600);
		expect(waiting.floor!.clauseId in waiting.adopted, 'a clause was decided').toBe(true);
		const after = await watch(manual.probe, () => false, 30);
		expect(after.floor?.clauseId).toBe(waiting.floor?.clauseId);
		expect(after.timer).toBeNull();
		await running!.server.close();
		running = undefined;
		closeAll();

		const paced = await startedTable(PACE);
		const counting = await watch(paced.probe, (v) => v.timer?.step === 'result', 120);
		expect(counting.timer?.step).toBe('result');
		expect(await req(paced.host, 'action', { type: 'holdCountdown' })).toMatchObject({ ok: true });
		const held = await watch(paced.probe, () => false, 30);
		expect(held.floor?.clauseId).toBe(counting.floor?.clauseId);
		expect(held.timer).toBeNull();
		expect(await req(paced.host, 'action', { type: 'holdCountdown' })).toMatchObject({ ok: false, code: 'no_timer' });
		expect(await req(paced.host, 'action', { type: 'advance' })).toMatchObject({ ok: true });
	});
});
