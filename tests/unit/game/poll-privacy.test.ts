/**
 * The private opinion poll is counted without names: the game keeps how many gave each answer,
 * never which seat gave which. Every seat plants a different pair of answers; the state must not
 * change when the seats swap them, and every view and export of the debrief is searched for them.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/lib/export/csv';
import { csvBuilders, csvKinds, debriefJson, hasDebrief, type EndedView } from '../../../src/lib/export/debrief';
import { facilitatorView, seatView, spectatorView, type AnyView } from '../../../src/lib/game/view';
import type { Actor, Action, GameState } from '../../../src/lib/game/types';
import { Scenario } from '../../../src/lib/scenario/schema';
import { facilitator, guest, newGame, play, seat } from '../../helpers/game';
import { tinyScenario } from '../../helpers/tiny-scenario';

const options = ['Strongly for', 'Rather for', 'Torn', 'Rather against', 'Strongly against'];
const scenario = Scenario.parse({ ...tinyScenario, defaults: { ...tinyScenario.defaults, poll: { question: 'Sign the pact?', options } } });

/**
 * Six seats, each answering differently before and after; the game ends in the debrief. With a
 * `turn`, each seat gives the answers the seat `turn` places after it gave without.
 */
function polledGame(turn = 0): { state: GameState; answers: Map<string, { before: number; after: number }> } {
	let state = newGame({ seatCounts: { adviser: 3, professor: 1 } }, scenario);
	const n = state.seats.length;
	const answers = new Map(state.seats.map((s, i) => [s.id, { before: ((i + turn) % n) % options.length, after: (((i + turn) % n) * 2 + 1) % options.length }]));
	const each = (when: 'before' | 'after') => [...answers].map(([id, a]): [Actor, Action] => [seat(id), { type: 'answerPoll', answer: a[when] }]);
	state = play(
		state,
		[
			...state.seats.map((s): [Actor, Action] => [guest, { type: 'takeSeat', seat: s.id, name: `Pupil ${s.id}` }]),
			[facilitator, { type: 'start' }],
			...each('before'),
			[facilitator, { type: 'end' }],
			...each('after')
		],
		scenario
	);
	return { state, answers };
}

const histogram = (answers: Iterable<{ before: number; after: number }>, when: 'before' | 'after') => {
	const counts = options.map(() => 0);
	for (const a of answers) counts[a[when]] += 1;
	return counts;
};

/**
 * Every place in `value` that holds a poll answer: an object with `before` or `after`, or one of
 * the options' words outside the question itself. Returns their paths.
 */
function answersIn(value: unknown, path = ''): string[] {
	if (typeof value === 'string') return options.includes(value) && !/^(table\.)?poll\.options\.\d$/.test(path) ? [path] : [];
	if (value === null || typeof value !== 'object') return [];
	const found: string[] = [];
	if ('before' in value || 'after' in value) found.push(path);
	for (const [key, child] of Object.entries(value)) found.push(...answersIn(child, path ? `${path}.${key}` : key));
	return found;
}

describe('the opinion poll, counted without names', () => {
	const { state, answers } = polledGame();
	const counts = { before: histogram(answers.values(), 'before'), after: histogram(answers.values(), 'after') };
	const views: AnyView[] = [
		facilitatorView(state, scenario),
		spectatorView(state, scenario),
		...state.seats.map((s) => seatView(state, s.id, scenario))
	];
	const nameOf = (view: AnyView) => (view.as === 'seat' ? `seat ${view.you.seat}` : view.as);

	it('shows every viewer the counts, before and after, at the debrief', () => {
		for (const view of views) expect(view.debrief?.poll, nameOf(view)).toEqual(counts);
	});

	it('keeps no answer beside a seat: seats that swap their answers leave the same state behind', () => {
		const swapped = polledGame(1);
		expect([...swapped.answers.values()]).not.toEqual([...answers.values()]);
		expect(swapped.state.poll.counts).toEqual(state.poll.counts);
		expect(JSON.stringify(swapped.state)).toBe(JSON.stringify(state));
	});

	it('shows a seat only that it has answered, and no view an answer beside a seat', () => {
		for (const view of views) {
			const own = view.as === 'seat' ? ['you.poll'] : [];
			expect(answersIn(view).sort(), nameOf(view)).toEqual(['debrief.poll', ...own].sort());
			if (view.as === 'seat') expect(view.you.poll).toEqual({ before: true, after: true });
		}
	});

	it('exports only the counts, from every viewer’s debrief: no answer beside a seat, role or player', () => {
		const people = state.seats.flatMap((s) => [s.id, s.player!, scenario.roles.find((r) => r.id === s.roleId)!.name]);
		for (const view of views) {
			if (!hasDebrief(view)) throw new Error('no debrief');
			const ended = view as EndedView;
			const json = JSON.parse(debriefJson(ended, new Date(0)));
			expect(answersIn(json), `${nameOf(view)}: JSON`).toEqual(['debrief.poll']);
			expect(json.debrief.poll).toEqual(counts);
			for (const kind of csvKinds) {
				const [header, ...rows] = parseCsv(csvBuilders[kind](ended));
				expect(header.join(), `${nameOf(view)}: ${kind}.csv`).not.toMatch(/opinion|poll/i);
				for (const row of rows)
					if (row.some((cell) => options.includes(cell)))
						expect(row.filter((cell) => people.includes(cell)), `${nameOf(view)}: ${kind}.csv row ${row}`).toEqual([]);
			}
			expect(parseCsv(csvBuilders.poll(ended)), `${nameOf(view)}: poll.csv`).toEqual([
				['answer', 'players before', 'players after'],
				...options.map((o, i) => [o, String(counts.before[i]), String(counts.after[i])])
			]);
		}
	});

	it('keeps a freed seat’s answer counted, and lets the seat’s next player answer for themselves', () => {
		const briefing = play(
			newGame({ seatCounts: { adviser: 1, professor: 1 } }, scenario),
			[
				[guest, { type: 'takeSeat', seat: 'general', name: 'First pupil' }],
				[facilitator, { type: 'start' }],
				[seat('general'), { type: 'answerPoll', answer: 3 }],
				[facilitator, { type: 'releaseSeat', seat: 'general' }]
			],
			scenario
		);
		expect(briefing.poll.counts.before).toEqual([0, 0, 0, 1, 0]);
		expect(seatView(briefing, 'general', scenario).you.poll).toEqual({ before: false, after: false });
		const next = play(briefing, [[guest, { type: 'takeSeat', seat: 'general', name: 'Next pupil' }], [seat('general'), { type: 'answerPoll', answer: 0 }]], scenario);
		expect(next.poll.counts.before).toEqual([1, 0, 0, 1, 0]);
		expect(seatView(next, 'general', scenario).you.poll).toEqual({ before: true, after: false });
	});
});
