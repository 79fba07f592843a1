import { describe, expect, it } from 'vitest';
import { apply } from '../../../src/lib/game/engine';
import { tinyScenario } from '../../helpers/tiny-scenario';
import { castsOf } from '../../../src/lib/game/ballot-history';
import { atFirstClause, attempt, facilitator, guest, newGame, play, seat, vote } from '../../helpers/game';

const ctx = { now: 0, scenario: tinyScenario };

describe('seats', () => {
	it('seats core roles by default, one adviser seat, and no optional roles', () => {
		expect(newGame().seats.map((s) => s.id)).toEqual(['minister', 'general', 'adviser-1']);
	});

	it('gives a multi-seat role as many seats as asked, each with its portfolio', () => {
		const seats = newGame({ seatCounts: { adviser: 3, professor: 1 } }).seats;
		expect(seats.filter((s) => s.roleId === 'adviser').map((s) => [s.id, s.portfolio])).toEqual([
			['adviser-1', 'Security'],
			['adviser-2', 'Envoy'],
			['adviser-3', 'Senate']
		]);
		expect(seats.at(-1)).toMatchObject({ id: 'professor', side: 'expert' });
	});

	it('clamps a seat count to what the role allows', () => {
		expect(newGame({ seatCounts: { adviser: 9 } }).seats.filter((s) => s.roleId === 'adviser')).toHaveLength(3);
	});

	it('lets a guest take a free seat under their display name', () => {
		const state = play(newGame(), [[guest, { type: 'takeSeat', seat: 'general', name: 'Dana' }]]);
		expect(state.seats.find((s) => s.id === 'general')?.player).toBe('Dana');
		expect(state.seq).toBe(1);
	});

	it('tells names apart only in games made with that rule, so an older game replays as it was played', () => {
		const older = play(newGame({ limits: undefined }), [
			[guest, { type: 'takeSeat', seat: 'general', name: 'Dana Levi' }],
			[guest, { type: 'takeSeat', seat: 'minister', name: 'dana levi' }]
		]);
		expect(older.seats.map((s) => s.player)).toEqual(expect.arrayContaining(['Dana Levi', 'dana levi']));
	});

	it('refuses a name another player at the table already has, however its case, width or invisible characters differ', () => {
		const state = play(newGame(), [[guest, { type: 'takeSeat', seat: 'general', name: 'Dana Levi' }]]);
		for (const name of ['dana levi', 'DANA  LEVI', 'Ｄａｎａ Ｌｅｖｉ', 'Dana Levi\u3164', 'Da\u200Bna Levi'])
			expect(attempt(state, guest, { type: 'takeSeat', seat: 'minister', name }), name).toMatchObject({
				ok: false,
				code: 'name_taken',
				message: expect.stringContaining('already called “Dana Levi”')
			});
		expect(attempt(state, guest, { type: 'takeSeat', seat: 'minister', name: 'Dana Levy' }).ok).toBe(true);
		// A freed seat frees its name.
		const freed = play(state, [[facilitator, { type: 'releaseSeat', seat: 'general' }]]);
		expect(attempt(freed, guest, { type: 'takeSeat', seat: 'minister', name: 'dana levi' }).ok).toBe(true);
	});

	it('refuses the label the game gives its scripted roles as a player’s name', () => {
		for (const name of ['Scripted role', 'scripted ROLE', 'Ｓｃｒｉｐｔｅｄ role'])
			expect(attempt(newGame(), guest, { type: 'takeSeat', seat: 'general', name }), name).toMatchObject({
				ok: false,
				code: 'name_reserved',
				message: expect.stringContaining('choose another name')
			});
	});

	it('refuses a seat that is taken, and leaves the state as it was', () => {
		const state = play(newGame(), [[guest, { type: 'takeSeat', seat: 'general', name: 'Dana' }]]);
		const outcome = apply(state, { type: 'takeSeat', seat: 'general', name: 'Eli' }, guest, ctx);
		expect(outcome).toMatchObject({ ok: false, code: 'seat_taken' });
		expect(state.seats.find((s) => s.id === 'general')?.player).toBe('Dana');
	});

	it('refuses an unknown seat, a second seat for a seated player, and the facilitator', () => {
		const state = newGame();
		expect(apply(state, { type: 'takeSeat', seat: 'nobody', name: 'X' }, guest, ctx)).toMatchObject({ code: 'unknown_seat' });
		expect(apply(state, { type: 'takeSeat', seat: 'general', name: 'X' }, seat('minister'), ctx)).toMatchObject({
			code: 'already_seated'
		});
		expect(apply(state, { type: 'takeSeat', seat: 'general', name: 'X' }, facilitator, ctx)).toMatchObject({
			code: 'not_seated'
		});
	});
});

describe('locking the room', () => {
	it('lets nobody new sit down while locked, and only the facilitator locks or unlocks', () => {
		const locked = play(newGame(), [[facilitator, { type: 'lockRoom' }]]);
		expect(attempt(locked, guest, { type: 'takeSeat', seat: 'minister', name: 'Late' })).toMatchObject({ code: 'room_locked' });
		expect(attempt(locked, seat('minister'), { type: 'unlockRoom' })).toMatchObject({ code: 'not_facilitator' });
		const open = play(locked, [[facilitator, { type: 'unlockRoom' }]]);
		expect(attempt(open, guest, { type: 'takeSeat', seat: 'minister', name: 'Late' }).ok).toBe(true);
	});

	it("takes a freed seat's ballots in the open vote with its player, so its next player starts with none", () => {
		const voting = play(atFirstClause(), [[facilitator, { type: 'openVote' }], vote('minister', 'yes'), vote('general', 'no'), vote('minister', 'no')]);
		const freed = play(voting, [[facilitator, { type: 'releaseSeat', seat: 'minister' }]]);
		const open = freed.votes.at(-1)!;
		expect(open.ballots).not.toHaveProperty('minister');
		expect(castsOf(open.history).map((c) => c.seat)).toEqual(['general']);
		// The next player's own ballot is the seat's only one.
		const retaken = play(freed, [[guest, { type: 'takeSeat', seat: 'minister', name: 'Noor' }], vote('minister', 'yes')]);
		expect(castsOf(retaken.votes.at(-1)!.history).map((c) => [c.seat, c.choice])).toEqual([
			['general', 'no'],
			['minister', 'yes']
		]);
	});
});
