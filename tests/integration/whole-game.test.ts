/**
 * Whole games through the server, lobby to debrief, under every voting rule and every ballot
 * setting: what each table member would notice — results that follow the rule, the adopted
 * text, whether the treaty is signed, the scores, the revealed objectives, the influences.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreRole } from '../../src/lib/game/scoring';
import type { AnyView, FacilitatorView, SeatView } from '../../src/lib/game/view';
import type { Scenario, VotingRule } from '../../src/lib/scenario/schema';
import { closeAll } from '../helpers/clients';
import { shippedScenario, startServer, type RunningServer } from '../helpers/server';
import { ramDatabase, removeDatabase, viewsReceived } from '../helpers/table';
import { LAYOUTS, REASON, VOTES, playWholeGame, type PlayedGame } from '../helpers/whole-game';

let running: RunningServer;
let scenario: Scenario;
beforeAll(async () => {
	running = await startServer(ramDatabase());
	scenario = await shippedScenario();
});
afterAll(async () => {
	closeAll();
	await running.server.close();
	removeDatabase(running.database);
});

const rules: VotingRule[] = ['majority', 'dual-key', 'consensus'];
const combos = rules.flatMap((votingRule) =>
	(['live', 'hidden'] as const).flatMap((tally) => (['named', 'secret'] as const).map((ballots) => ({ votingRule, tally, ballots })))
);
const cases = combos.map((c, i) => ({ ...c, layout: LAYOUTS[i % LAYOUTS.length] }));

describe.each(cases)('a whole game: $votingRule, $tally tally, $ballots ballots, $layout.name', ({ votingRule, tally, ballots, layout }) => {
	let game: PlayedGame;
	let host: FacilitatorView;
	let everyone: AnyView[];
	const others = () => game.seats.length - game.israel.length - game.us.length;

	beforeAll(async () => {
		game = await playWholeGame(running.url, { votingRule, tally, ballots }, layout);
		host = await game.table.facilitatorView();
		everyone = game.table.clients.map((c) => game.table.latest(c));
	});

	it('ends in the debrief for every browser, with the settings it was created with', () => {
		for (const view of everyone) {
			expect(view.phase).toBe('debrief');
			expect(view.votingRule).toBe(votingRule);
			expect(view.ballot).toEqual({ tally, ballots });
			expect(view.seq).toBe(game.table.seq);
			expect(view.debrief).not.toBeNull();
		}
	});

	it('rejects the amendment only the US side wanted, adopts the one everyone wanted, and votes the clause as amended', () => {
		expect(host.amendments.map((a) => [a.seat, a.to, a.status])).toEqual([
			[game.dissenter, 'scope.any-attack', 'rejected'],
			['idf-chief', 'scope.iran-only', 'adopted']
		]);
		const [rejected, adopted, scope] = host.votes;
		expect(rejected).toMatchObject({ kind: 'amendment', amendmentId: 1, variantId: 'scope.any-attack', result: { passed: false } });
		expect(adopted).toMatchObject({ kind: 'amendment', amendmentId: 2, variantId: 'scope.iran-only', result: { passed: true } });
		expect(adopted.result).toMatchObject({ yes: game.seats.length, no: 0, abstain: 0, absent: 0 });
		expect(scope).toMatchObject({ kind: 'clause', clauseId: 'scope', variantId: 'scope.iran-only' });
	});

	it(`decides the scope clause by the ${votingRule} rule (Israel yes, one US no)`, () => {
		const result = host.votes[VOTES.scope - 1].result!;
		const yes = game.israel.length + game.us.length - 1;
		expect(result).toMatchObject({ yes, no: 1, abstain: others(), absent: 0 });
		if (votingRule === 'majority') expect(result.passed).toBe(true);
		// Dual-key: the Israeli key turns, the US side (one no, the rest yes) does not carry a majority.
		if (votingRule === 'dual-key') expect(result).toMatchObject({ passed: false, keys: { israel: true, us: false } });
		// Consensus: a single no sinks it.
		if (votingRule === 'consensus') expect(result.passed).toBe(false);
		if (votingRule !== 'dual-key') expect(result.keys).toBeUndefined();
	});

	it('passes the clause everyone but the experts voted for, and fails the one nobody voted on, absentees abstaining', () => {
		expect(host.votes[game.votes.freedom - 1].result).toMatchObject({
			passed: true,
			yes: game.israel.length + game.us.length,
			no: 0,
			abstain: others(),
			absent: 0
		});
		expect(host.votes[game.votes.reciprocity - 1].result).toMatchObject({
			passed: false,
			yes: 0,
			no: 0,
			abstain: game.seats.length,
			absent: game.seats.length
		});
	});

	it('brings a failed scope back on its next option, which the table then adopts', () => {
		if (votingRule === 'majority') return expect(game.votes.scopeAgain).toBeNull();
		const again = host.votes[game.votes.scopeAgain! - 1];
		expect(again).toMatchObject({ kind: 'clause', clauseId: 'scope', variantId: 'scope.existential', result: { passed: true } });
	});

	it('shows every browser the adopted text, the skipped clauses and the signed treaty', () => {
		// Under dual-key and consensus the Iran-only text failed and the next option was adopted.
		const scope = votingRule === 'majority' ? 'scope.iran-only' : 'scope.existential';
		for (const view of everyone) {
			expect(view.adopted).toEqual({
				scope,
				activation: 'activation.automatic',
				'freedom-of-action': 'freedom-of-action.preemptive',
				reciprocity: null
			});
			expect(view.skipped).toEqual(
				scenario.clauses.map((c) => c.id).filter((c) => !['scope', 'activation', 'freedom-of-action', 'reciprocity'].includes(c))
			);
			expect(view.signed).toBe(true);
			const treaty = view.debrief!.treaty;
			expect(treaty.map((t) => t.clauseId)).toEqual(scenario.clauses.map((c) => c.id));
			expect(treaty.find((t) => t.clauseId === 'scope')).toEqual({ clauseId: 'scope', variantId: scope, skipped: false });
			expect(treaty.find((t) => t.clauseId === 'activation')).toEqual({ clauseId: 'activation', variantId: 'activation.automatic', skipped: false });
			expect(treaty.find((t) => t.clauseId === 'freedom-of-action')?.variantId).toBe('freedom-of-action.preemptive');
			expect(view.debrief!.signed).toBe(true);
		}
		const ratification = host.votes[game.votes.ratification - 1];
		expect(ratification).toMatchObject({ kind: 'ratification', status: 'closed' });
		// The experts stayed silent: they count as abstentions, and neither blocks nor carries it.
		expect(ratification.result).toMatchObject({ passed: true, no: 0, absent: others(), abstain: others() });
	});

	it('scores every seat in the debrief against its objectives, revealed only now', () => {
		for (const view of everyone) {
			const records = view.debrief!.seats;
			expect(records.map((r) => r.seat)).toEqual(view.seats.map((s) => s.id));
			for (const record of records) {
				const role = scenario.roles.find((r) => r.id === record.roleId)!;
				expect(record.objectives).toEqual(role.objectives);
				expect(record.score).toEqual(scoreRole(role, { adopted: view.adopted, signed: view.signed, agenda: view.clauses.map((c) => c.id) }));
				expect(record.score.score).toBeGreaterThanOrEqual(0);
				expect(record.score.score).toBeLessThanOrEqual(100);
				expect(record.player).toBe(game.seats.includes(record.seat) ? `Player ${record.seat}` : null);
			}
			// A role that wanted freedom of action preserved earned something for it.
			const chief = records.find((r) => r.seat === 'idf-chief')!;
			expect(chief.score.won.map((w) => w.variant)).toContain('freedom-of-action.preemptive');
		}
		// Before the debrief no one saw another role's objectives; the projector saw none at all.
		for (const client of game.table.clients) {
			const before = viewsReceived(client).filter((v) => v.phase !== 'debrief');
			expect(before.length).toBeGreaterThan(20);
			for (const view of before) {
				expect(view.debrief).toBeNull();
				const weights = JSON.stringify(view).match(/"weights":/g)?.length ?? 0;
				expect(weights, `${client.label} before the debrief`).toBe(view.as === 'seat' ? 1 : 0);
			}
		}
	});

	it('counts each player’s cards and posts in the debrief', () => {
		const records = host.debrief!.seats;
		for (const seat of game.seats) {
			const record = records.find((r) => r.seat === seat)!;
			expect(record.cardsPlayed).toBe(game.played.filter((p) => p.seat === seat).length);
			expect(record.posts).toBe(host.posts.filter((p) => p.seat === seat).length);
		}
		expect(host.posts.filter((p) => p.kind === 'opening')).toHaveLength(4);
		expect(host.posts.every((p) => !p.hidden)).toBe(true);
	});

	it('links the IDF chief’s change of vote to the card played in between, named or not by the ballot setting', () => {
		const { influences, timeline, citations } = host.debrief!;
		expect(influences).toHaveLength(1);
		const [influence] = influences;
		expect(influence).toMatchObject({ vote: VOTES.scope, from: 'no', to: 'yes' });
		expect(influence.seat).toBe(ballots === 'named' ? 'idf-chief' : null);
		expect(influence.cards).toMatchObject([{ post: expect.any(Number), card: game.evidence, seat: 'dermer' }]);

		const scope = timeline.find((t) => t.vote === VOTES.scope)!;
		expect(scope.entries).toHaveLength(game.seats.length + 1);
		expect(scope.entries.filter((e) => e.changed)).toHaveLength(1);
		for (const entry of timeline.flatMap((t) => t.entries)) {
			if (ballots === 'secret') expect(entry.seat).toBeNull();
			else expect(game.seats).toContain(entry.seat);
		}
		// The reason cites the card, grouped under it.
		expect(citations).toMatchObject([
			{
				card: game.evidence,
				reasons: [{ vote: VOTES.scope, seat: ballots === 'named' ? 'idf-chief' : null, choice: 'yes', reason: REASON }]
			}
		]);
		// Every browser got the same debrief.
		for (const view of everyone) expect(view.debrief!.influences).toEqual(influences);
	});

	it(`shows closed ballots ${ballots === 'named' ? 'with names' : 'only as counts and anonymous reasons'}`, () => {
		const scope = host.votes[VOTES.scope - 1];
		if (ballots === 'named') {
			expect(scope.ballots!['idf-chief']).toMatchObject({ choice: 'yes', reason: REASON, card: game.evidence });
			expect(scope.ballots![game.dissenter].choice).toBe('no');
			expect(scope.reasons).toBeNull();
		} else {
			expect(scope.ballots).toBeNull();
			expect(scope.reasons).toMatchObject([{ choice: 'yes', reason: REASON, card: game.evidence }]);
		}
		expect(scope.counts).toEqual({ yes: game.seats.length - 1 - others(), no: 1, abstain: others() });
	});

	it('counts each player’s poll answers, before and after, tells each seat only that it answered, and shows everyone the counts', async () => {
		const histogram = (answers: Record<string, number>) => {
			const counts = [0, 0, 0, 0, 0];
			for (const a of Object.values(answers)) counts[a] += 1;
			return counts;
		};
		expect(host.debrief!.poll).toEqual({ before: histogram(game.poll.before), after: histogram(game.poll.after) });
		for (const view of everyone) expect(view.debrief!.poll).toEqual(host.debrief!.poll);
		expect(host).not.toHaveProperty('pollBySeat');
		for (const seat of game.seats) {
			const view = game.table.latest(game.table.players[seat]) as SeatView;
			expect(view.you.poll).toEqual({ before: true, after: true });
		}
	});
});
