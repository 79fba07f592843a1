/**
 * Refusals over the wire: each family of mistake, made at the moment a real player or teacher
 * would make it, comes back with its stable code and a message the person can act on — and
 * changes nothing anyone sees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARGUMENT_MAX, REASON_MAX } from '../../src/lib/protocol/actions';
import type { Refusal } from '../../src/lib/protocol/errors';
import { closeAll } from '../helpers/clients';
import { startServer, type RunningServer } from '../helpers/server';
import { Table, ramDatabase, removeDatabase, untimed, type Recorded } from '../helpers/table';

let running: RunningServer;
let table: Table;
let dermer: Recorded;
let chief: Recorded;
let adviser: Recorded;

beforeAll(async () => {
	running = await startServer(ramDatabase());
	table = await Table.open(running.url, { timers: untimed, votingRule: 'majority' }, ['dermer', 'idf-chief', 'white-house-adviser-1']);
	({ dermer, 'idf-chief': chief, 'white-house-adviser-1': adviser } = table.players);
});
afterAll(async () => {
	closeAll();
	await running.server.close();
	removeDatabase(running.database);
});

/**
 * Sends a mistaken request and checks the refusal: its code, that its message says what to do,
 * and that nothing changed — no view went out, and the next accepted action is numbered as if
 * the refusal never happened.
 */
async function expectRefusal(client: Recorded, action: unknown, code: Refusal['code'], message: RegExp) {
	await table.settle();
	const viewsBefore = table.clients.map((c) => c.views.length);
	const res = await table.refused(client, action);
	expect(res, JSON.stringify(action)).toMatchObject({ ok: false, code });
	expect(res.message).toMatch(message);
	// A refusal is answered to the one who asked, and never broadcast.
	const probe = await table.probe();
	expect(probe.seq).toBe(table.seq);
	expect(table.clients.map((c) => c.views.length)).toEqual(viewsBefore);
	return res;
}

describe('refusals over the wire', () => {
	it('refuses what the phase does not allow yet: wrong_phase', async () => {
		await expectRefusal(dermer, { type: 'postArgument', text: 'Too early.' }, 'wrong_phase', /opening statements|clause is on the floor/);
		await expectRefusal(table.host, { type: 'advance' }, 'wrong_phase', /Start the game first/);
		await expectRefusal(table.host, { type: 'pause' }, 'wrong_phase', /nothing to pause/i);
		await table.run('start');
		await expectRefusal(table.host, { type: 'start' }, 'wrong_phase', /already started/);
		await expectRefusal(table.host, { type: 'openVote' }, 'wrong_phase', /while a clause is on the floor/);
		await expectRefusal(table.host, { type: 'back' }, 'nothing_before', /no step before/);
	});

	it('refuses a player who tries the facilitator’s controls: not_facilitator', async () => {
		for (const [type, doing] of [
			['advance', 'move the game on'],
			['pause', 'pause the game'],
			['openVote', 'open a vote'],
			['end', 'end the game']
		] as const)
			await expectRefusal(dermer, { type }, 'not_facilitator', new RegExp(`Only the facilitator can ${doing}`));
		await expectRefusal(adviser, { type: 'injectCard', card: 'nato-article-five' }, 'not_facilitator', /Only the facilitator can inject a card/);
		// And the facilitator is not a player.
		await expectRefusal(table.host, { type: 'castVote', choice: 'yes' }, 'not_seated', /Take a seat/);
	});

	it('refuses a card the player does not hold, and a second opening card: card_not_in_hand', async () => {
		await table.run('advance');
		const theirs = (await table.seatView('idf-chief')).you.hand[0];
		await expectRefusal(dermer, { type: 'postArgument', card: theirs }, 'card_not_in_hand', /not in your hand/);
		const [first, second] = (await table.seatView('dermer')).you.hand;
		await table.act(dermer, { type: 'postArgument', card: first });
		await expectRefusal(dermer, { type: 'postArgument', card: first }, 'card_not_in_hand', /may already have been played/);
		await expectRefusal(dermer, { type: 'postArgument', card: second }, 'opening_card_used', /one card in the opening/);
		await expectRefusal(dermer, { type: 'postArgument', text: '   ' }, 'empty_argument', /Write an argument, choose a card, or both/);
	});

	it('refuses a payload over its length limit, naming the limit: bad_payload', async () => {
		await table.run('advance');
		const long = await expectRefusal(
			dermer,
			{ type: 'postArgument', stance: 'for', text: 'x'.repeat(ARGUMENT_MAX + 1) },
			'bad_payload',
			new RegExp(`${ARGUMENT_MAX} characters`)
		);
		expect(long.message).toMatch(/^The request was not understood: text: keep an argument to 500 characters\.$/);
		// Exactly at the limit is fine.
		await table.act(dermer, { type: 'postArgument', stance: 'for', text: 'y'.repeat(ARGUMENT_MAX) });
		await expectRefusal(dermer, { type: 'postArgument', stance: 'maybe', text: 'Hm.' }, 'bad_payload', /stance/);
		await expectRefusal(dermer, { type: 'postArgument', text: 'Hm.' }, 'stance_missing', /for or against/);
		await expectRefusal(dermer, { type: 'postArgument', variant: 'term.indefinite', stance: 'for', text: 'Hm.' }, 'variant_not_on_floor', /Scope/);
		await expectRefusal(table.host, { type: 'extendTimer', seconds: 5 }, 'bad_payload', /seconds/);
	});

	it('refuses a third amendment from one seat, and a second one pending: amendment_limit', async () => {
		await expectRefusal(adviser, { type: 'proposeAmendment', variant: 'scope.existential' }, 'same_variant', /already the text on the floor/);
		await table.act(adviser, { type: 'proposeAmendment', variant: 'scope.any-attack' });
		await expectRefusal(chief, { type: 'proposeAmendment', variant: 'scope.iran-only' }, 'amendment_pending', /already waiting for its vote/);
		await expectRefusal(chief, { type: 'withdrawAmendment' }, 'not_your_amendment', /Only the seat that proposed/);
		await table.run('openVote');
		await table.run('closeVote');
		await table.act(adviser, { type: 'proposeAmendment', variant: 'scope.iran-only' });
		await table.run('openVote');
		await table.run('closeVote');
		await expectRefusal(
			adviser,
			{ type: 'proposeAmendment', variant: 'scope.any-attack' },
			'amendment_limit',
			/Each seat may propose 2 amendments per game; you have used yours/
		);
		expect((await table.seatView('white-house-adviser-1')).you.amendmentsLeft).toBe(0);
	});

	it('refuses a second vote while one is open, and moving on past an open vote: vote_already_open', async () => {
		await table.run('openVote');
		await expectRefusal(table.host, { type: 'openVote' }, 'vote_already_open', /already open; close it first/);
		await expectRefusal(table.host, { type: 'advance' }, 'vote_open', /Close the open vote before moving on/);
		await expectRefusal(table.host, { type: 'skipClause' }, 'vote_open', /Close the open vote before skipping/);
		await expectRefusal(chief, { type: 'proposeAmendment', variant: 'scope.iran-only' }, 'vote_open', /A vote is open/);
		await expectRefusal(dermer, { type: 'castVote', choice: 'yes', card: 'nato-article-five' }, 'card_not_on_table', /played at the table/);
		await expectRefusal(
			dermer,
			{ type: 'castVote', choice: 'yes', reason: 'r'.repeat(REASON_MAX + 1) },
			'bad_payload',
			new RegExp(`keep a reason to ${REASON_MAX} characters`)
		);
		await table.act(dermer, { type: 'castVote', choice: 'yes' });
		await table.run('closeVote');
		await expectRefusal(dermer, { type: 'castVote', choice: 'no' }, 'no_open_vote', /No vote is open/);
		await expectRefusal(table.host, { type: 'closeVote' }, 'no_open_vote', /no open vote to close/);
	});

	it('refuses players while the game is paused, but not the facilitator: paused', async () => {
		await table.run('pause');
		await expectRefusal(table.host, { type: 'pause' }, 'paused', /already paused/);
		await expectRefusal(dermer, { type: 'postArgument', stance: 'for', text: 'Wait for me.' }, 'paused', /paused the game; wait for it to resume/);
		await expectRefusal(chief, { type: 'raiseHand' }, 'paused', /paused/);
		await expectRefusal(adviser, { type: 'proposeAmendment', variant: 'activation.consultation' }, 'paused', /paused/);
		await table.run('resume');
		await expectRefusal(table.host, { type: 'resume' }, 'not_paused', /not paused/);
		await expectRefusal(table.host, { type: 'extendTimer', seconds: 30 }, 'no_timer', /No timer is running/);
	});

	it('refuses leaving a clause undecided, and polls outside their time', async () => {
		await table.run('advance');
		await expectRefusal(table.host, { type: 'advance' }, 'clause_undecided', /Hold the vote on .+ before moving on, or skip it/);
		await expectRefusal(dermer, { type: 'answerPoll', answer: 1 }, 'poll_closed', /briefing and again at the debrief/);
		await expectRefusal(dermer, { type: 'answerPoll', answer: 7 }, 'bad_answer', /one of the 5 answers/);
		await table.run('end');
		await expectRefusal(table.host, { type: 'end' }, 'wrong_phase', /already ended/);
		await expectRefusal(table.host, { type: 'advance' }, 'wrong_phase', /game is over/);
		await expectRefusal(table.host, { type: 'reorderClauses', order: [] }, 'wrong_phase', /order can no longer change/);
	});
});
