/**
 * A whole view is bounded: every browser is sent one on joining, so the caps on what each seat may
 * write (posts per clause, amendments, argument and reason lengths) must keep it to a size a phone
 * on a school's network can load. The game is played to the debrief at every cap — all roles with
 * all their seats, every post at full length in three-byte characters, every amendment proposed,
 * every ballot with a full reason — and the largest view sent on the way is measured.
 */
import { describe, expect, it } from 'vitest';
import { decideForFacilitator } from '../../../src/lib/game/bots/autopilot';
import { apply } from '../../../src/lib/game/engine';
import type { Action, Actor, GameState } from '../../../src/lib/game/types';
import { assemble, facilitatorParts, seatParts, spectatorParts } from '../../../src/lib/game/view';
import { ARGUMENT_MAX, REASON_MAX } from '../../../src/lib/protocol/actions';
import { facilitator, guest, newGame, seat } from '../../helpers/game';
import { shippedScenario } from '../../helpers/server';

/** The largest whole view, in bytes of JSON, that a game played at every cap may send. */
const VIEW_BOUND_BYTES = 1.25 * 1024 * 1024;

/** The widest character an argument may hold: three bytes in UTF-8, none of JSON's escapes. */
const wide = (n: number) => '界'.repeat(n);

describe('the size of a view', () => {
	it(`stays under ${VIEW_BOUND_BYTES / 1024 / 1024} MiB at every cap, from the lobby to the debrief`, async () => {
		const scenario = await shippedScenario();
		const seatCounts = Object.fromEntries(scenario.roles.map((r) => [r.id, r.seats.max]));
		let state = newGame({ seatCounts, ballot: { tally: 'live', ballots: 'named' } }, scenario);
		const tryTo = (actor: Actor, action: Action) => {
			const outcome = apply(state, action, actor, { now: 1000 + state.seq, scenario });
			if (outcome.ok) state = outcome.state;
			return outcome.ok;
		};
		const must = (actor: Actor, action: Action) => {
			if (!tryTo(actor, action)) throw new Error(`${action.type} refused`);
		};
		const seats = state.seats.map((s) => s.id);
		// Names are unique at a table: 39 wide characters and one of its own.
		for (const [i, id] of seats.entries()) must(guest, { type: 'takeSeat', seat: id, name: wide(39) + String.fromCharCode(0x4e00 + i) });

		let largest = 0;
		let posts = 0;
		const measure = (s: GameState) => {
			for (const parts of [facilitatorParts(s, scenario), spectatorParts(s, scenario), seatParts(s, seats[0], scenario)])
				largest = Math.max(largest, Buffer.byteLength(JSON.stringify(assemble(parts))));
		};
		const argued = new Set<string>();
		for (let step = 0; state.phase !== 'debrief'; step++) {
			if (step > 2000) throw new Error(`stuck in ${state.phase}`);
			const bucket = state.phase === 'opening' ? 'opening' : (state.floor?.clauseId ?? '');
			const open = state.votes.at(-1)?.status === 'open';
			if ((state.phase === 'opening' || state.phase === 'clauses') && !open && !argued.has(bucket)) {
				argued.add(bucket);
				for (const id of seats) {
					if (state.floor && !state.amendments.some((a) => a.status === 'pending')) {
						const other = scenario.clauses.find((c) => c.id === state.floor!.clauseId)!.variants.find((v) => v.id !== state.floor!.variantId)!;
						tryTo(seat(id), { type: 'proposeAmendment', variant: other.id });
					}
					for (let i = 0; i < scenario.defaults.postsPerSeatPerClause; i++)
						if (tryTo(seat(id), { type: 'postArgument', stance: 'for', ...(state.phase === 'opening' ? { variant: scenario.clauses[0].variants[0].id } : {}), text: wide(ARGUMENT_MAX) })) posts++;
				}
				// One more from anyone is refused: the cap holds.
				expect(tryTo(seat(seats[0]), { type: 'postArgument', stance: 'for', text: 'one more' })).toBe(false);
			}
			if (open) for (const id of seats) tryTo(seat(id), { type: 'castVote', choice: 'yes', reason: wide(REASON_MAX) });
			measure(state);
			const next = decideForFacilitator(assemble(facilitatorParts(state, scenario)), { eager: true, quiet: true });
			if (!next) throw new Error(`the facilitator has nothing to do in ${state.phase}`);
			must(facilitator, next);
		}
		measure(state);

		const buckets = scenario.clauses.length + 1;
		expect(posts).toBe(seats.length * buckets * scenario.defaults.postsPerSeatPerClause);
		expect(state.amendments.length).toBeGreaterThan(0);
		expect(largest).toBeLessThan(VIEW_BOUND_BYTES);
	});
});
