/**
 * The private opinion poll is counted without names: the answering seat's own view is the only
 * place an answer is ever shown beside a seat. Every seat plants a different pair of answers;
 * then every view and every export of the debrief is searched for them.
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

/** Six seats, each answering differently before and after; the game ends in the debrief. */
function polledGame(): { state: GameState; answers: Map<string, { before: number; after: number }> } {
	let state = newGame({ seatCounts: { adviser: 3, professor: 1 } }, scenario);
	const answers = new Map(state.seats.map((s, i) => [s.id, { before: i % options.length, after: (i * 2 + 1) % options.length }]));
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

	it('shows an answer beside a seat only in that seat’s own view', () => {
		for (const view of views) {
			const own = view.as === 'seat' ? ['you.poll'] : [];
			expect(answersIn(view).sort(), nameOf(view)).toEqual(['debrief.poll', ...own].sort());
			if (view.as === 'seat') expect(view.you.poll).toEqual(answers.get(view.you.seat));
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

	it('takes a freed seat’s answers off the seat and out of the counts', () => {
		const freed = play(state, [[facilitator, { type: 'releaseSeat', seat: 'general' }]], scenario);
		const left = [...answers].filter(([id]) => id !== 'general').map(([, a]) => a);
		expect(spectatorView(freed, scenario).debrief?.poll).toEqual({ before: histogram(left, 'before'), after: histogram(left, 'after') });
		expect(seatView(freed, 'general', scenario).you.poll).toEqual({ before: null, after: null });
	});
});
