import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/lib/export/csv';
import {
	ballotsCsv,
	debriefJson,
	exportFileName,
	hasDebrief,
	pollCsv,
	postsCsv,
	scoresCsv,
	timelineCsv,
	type EndedView
} from '../../../src/lib/export/debrief';
import { ballotSteps, finalCounts, isSecret } from '../../../src/lib/export/steps';
import { labels, duration, scoringRule } from '../../../src/lib/export/labels';
import { OPEN_BAR, RED_LINE_COST } from '../../../src/lib/game/scoring';
import { facilitatorView, spectatorView } from '../../../src/lib/game/view';
import type { GameConfig, GameState } from '../../../src/lib/game/types';
import { overwriteGetLocale, type Locale } from '../../../src/lib/i18n/paraglide/runtime';
import { atFirstClause, facilitator, play, seat, vote } from '../../helpers/game';
import { tinyScenario } from '../../helpers/tiny-scenario';

/** A short game: one clause vote with a change of mind after a card, then the end and a poll. */
function playedGame(ballot: GameConfig['ballot'] = { tally: 'live', ballots: 'named' }): GameState {
	const state = atFirstClause({ ballot });
	const card = state.hands.general[0];
	return play(state, [
		[facilitator, { type: 'openVote' }],
		vote('minister', 'no'),
		[seat('general'), { type: 'postArgument', stance: 'for', card, text: 'Read this, "carefully", please.\nTwo lines.' }],
		[seat('minister'), { type: 'castVote', choice: 'yes', reason: 'Convinced, by the card', card }],
		vote('adviser-1', 'yes'),
		[seat('adviser-1'), { type: 'castVote', choice: 'yes', reason: 'Same again' }],
		[facilitator, { type: 'closeVote' }],
		[facilitator, { type: 'end' }],
		[seat('minister'), { type: 'answerPoll', answer: 1 }]
	]);
}

const ended = (state: GameState, as: 'facilitator' | 'spectator' = 'facilitator') => {
	const view = as === 'facilitator' ? facilitatorView(state, tinyScenario) : spectatorView(state, tinyScenario);
	if (!hasDebrief(view)) throw new Error('no debrief');
	return view as EndedView;
};

// The files follow the page's language; these tests read them in English unless they say otherwise.
beforeEach(() => overwriteGetLocale(() => 'en'));
afterEach(() => overwriteGetLocale(() => 'en'));

describe('the debrief exports', () => {
	it('list every ballot of the timeline with changes of mind and the counts after each', () => {
		const rows = parseCsv(timelineCsv(ended(playedGame())));
		const [header, ...body] = rows;
		const col = (name: string) => header.indexOf(name);
		expect(body).toHaveLength(4);
		expect(body.map((r) => [r[col('seat')], r[col('choice')], r[col('changed')], r[col('previous choice')]])).toEqual([
			['minister', 'no', 'no', ''],
			['minister', 'yes', 'yes', 'no'],
			['adviser-1', 'yes', 'no', ''],
			['adviser-1', 'yes', 'no', '']
		]);
		expect(body.at(-1)!.slice(col('yes so far'), col('abstain so far') + 1)).toEqual(['2', '0', '0']);
		expect(body[0][col('clause')]).toBe('Scope');
		expect(body[0][col('player')]).toBe('Player minister');
		expect(body[0][col('vote result')]).toMatch(/adopted/);
		expect(body[1][col('reason')]).toBe('Convinced, by the card');
		expect(body[1][col('card title')]).toMatch(/^Card /);
	});

	it('keep secret ballots secret: no seat, role or player in the timeline or the ballots', () => {
		const view = ended(playedGame({ tally: 'live', ballots: 'secret' }));
		for (const csv of [timelineCsv(view), ballotsCsv(view)]) {
			const [header, ...body] = parseCsv(csv);
			for (const name of ['seat', 'role', 'player']) expect(body.every((r) => r[header.indexOf(name)] === '')).toBe(true);
			expect(csv).not.toContain('Player minister');
		}
		// No order survives, so no running counts either; the change of mind is still marked.
		const [header, ...body] = parseCsv(timelineCsv(view));
		expect(body.every((r) => r[header.indexOf('yes so far')] === '')).toBe(true);
		expect(body.filter((r) => r[header.indexOf('changed')] === 'yes').map((r) => r[header.indexOf('previous choice')])).toEqual(['no']);
	});

	it('give final ballots with their reasons and cited cards', () => {
		const state = playedGame();
		const [header, ...body] = parseCsv(ballotsCsv(ended(state)));
		const minister = body.find((r) => r[header.indexOf('seat')] === 'minister')!;
		expect(minister[header.indexOf('reason')]).toBe('Convinced, by the card');
		expect(minister[header.indexOf('card cited')]).toBe(state.posts[0].card);
		expect(minister[header.indexOf('card title')]).toMatch(/^Card /);
	});

	it('quote post text with quotes, commas and line breaks so it reads back whole', () => {
		const [header, ...body] = parseCsv(postsCsv(ended(playedGame())));
		expect(body[0][header.indexOf('text')]).toBe('Read this, "carefully", please.\nTwo lines.');
		expect(body[0][header.indexOf('role')]).toBe('Role general');
	});

	it('give each role its score, and the opinion poll as counts only, to the teacher as to anyone', () => {
		const state = playedGame();
		for (const as of ['facilitator', 'spectator'] as const) {
			const scores = parseCsv(scoresCsv(ended(state, as)));
			expect(scores[0]).not.toContain('opinion after');
			const minister = scores.find((r) => r[0] === 'minister')!;
			expect(minister[scores[0].indexOf('score')]).toMatch(/^\d+$/);
			expect(parseCsv(pollCsv(ended(state, as)))).toEqual([
				['answer', 'players before', 'players after'],
				['Yes', '0', '0'],
				['No', '0', '1']
			]);
		}
	});

	it('put the whole debrief and the table in one JSON file', () => {
		const view = ended(playedGame());
		const parsed = JSON.parse(debriefJson(view, new Date('2026-01-02T03:04:05Z')));
		expect(parsed).toMatchObject({ format: 'pact-room-debrief', version: 1, exportedAt: '2026-01-02T03:04:05.000Z', code: 'TEST22', viewer: 'facilitator' });
		expect(parsed.debrief).toEqual(JSON.parse(JSON.stringify(view.debrief)));
		expect(parsed.table.posts).toHaveLength(1);
		expect(parsed.table.debrief).toBeUndefined();
		expect(exportFileName('TEST22', 'scores', 'csv')).toBe('pact-room-TEST22-scores.csv');
	});
});

describe('the debrief exports in the page’s language', () => {
	const files = { timelineCsv, ballotsCsv, postsCsv, scoresCsv, pollCsv };
	const read = (locale: Locale, view: EndedView) => {
		overwriteGetLocale(() => locale);
		return Object.fromEntries(Object.entries(files).map(([kind, csv]) => [kind, parseCsv(csv(view))]));
	};

	it('head every column in English or in Hebrew, each header its own', () => {
		const view = ended(playedGame());
		const en = read('en', view);
		const he = read('he', view);
		expect(en.timelineCsv[0].slice(0, 4)).toEqual(['vote', 'kind', 'clause', 'proposed text']);
		expect(he.timelineCsv[0].slice(0, 4)).toEqual(['הצבעה', 'סוג', 'סעיף', 'הנוסח המוצע']);
		expect(he.pollCsv[0]).toEqual(['תשובה', 'שחקנים לפני', 'שחקנים אחרי']);
		expect(he.scoresCsv[0]).toContain('קווים אדומים שנחצו');
		for (const kind of Object.keys(files)) {
			const [enHeader, heHeader] = [en[kind][0], he[kind][0]];
			expect(heHeader, kind).toHaveLength(enHeader.length);
			expect(new Set(enHeader).size, `${kind}: a header used twice`).toBe(enHeader.length);
			expect(new Set(heHeader).size, `${kind}: a header used twice`).toBe(heHeader.length);
			expect(enHeader.filter((h) => !/^[a-z][a-z ()0-9]*$/.test(h)), kind).toEqual([]);
			expect(heHeader.filter((h) => !/^[\u0590-\u05FF][\u0590-\u05FF ()0-9׳]*$/.test(h)), kind).toEqual([]);
		}
	});

	it('word the cells meant to be read, and keep the codes a spreadsheet counts by the same in both', () => {
		const view = ended(playedGame());
		const en = read('en', view);
		const he = read('he', view);
		const column = (file: string[][], i: number) => file.slice(1).map((row) => row[i]);
		const header = en.timelineCsv[0];
		// Ids, choices, yes/no flags and times: the same codes whatever the page's language.
		for (const code of ['vote', 'kind', 'seat', 'choice', 'changed', 'previous choice', 'cast at'])
			expect(column(he.timelineCsv, header.indexOf(code)), code).toEqual(column(en.timelineCsv, header.indexOf(code)));
		expect(column(he.timelineCsv, header.indexOf('choice'))).toEqual(['no', 'yes', 'yes', 'yes']);
		// A vote's result is read, so it is worded.
		expect(column(en.timelineCsv, header.indexOf('vote result'))[0]).toBe('adopted');
		expect(column(he.timelineCsv, header.indexOf('vote result'))[0]).toBe('עברה');
		// So is a side.
		const side = en.scoresCsv[0].indexOf('side');
		expect(new Set(column(en.scoresCsv, side))).toEqual(new Set(['Israel', 'US']));
		expect(column(he.scoresCsv, side).every((s) => /^[\u0590-\u05FF ]+$/.test(s))).toBe(true);
	});
});

describe('replaying a vote into running counts', () => {
	it('counts first ballots, changes of mind and the same choice cast again under named ballots', () => {
		const view = ended(playedGame());
		const steps = ballotSteps(view.debrief.timeline[0], view.debrief.influences);
		expect(steps.map((s) => s.kind)).toEqual(['first', 'change', 'first', 'again']);
		expect(steps[1].from).toBe('no');
		expect(steps.map((s) => s.counts)).toEqual([
			{ yes: 0, no: 1, abstain: 0 },
			{ yes: 1, no: 0, abstain: 0 },
			{ yes: 2, no: 0, abstain: 0 },
			{ yes: 2, no: 0, abstain: 0 }
		]);
		expect(finalCounts(view.debrief.timeline[0], steps)).toEqual({ yes: 2, no: 0, abstain: 0 });
	});

	it('under secret ballots keeps no running counts but still marks the change and its earlier choice', () => {
		const view = ended(playedGame({ tally: 'live', ballots: 'secret' }));
		const vote = view.debrief.timeline[0];
		expect(isSecret(vote)).toBe(true);
		const steps = ballotSteps(vote, view.debrief.influences);
		expect(steps.every((s) => s.counts === null && s.seat === null)).toBe(true);
		expect(steps.filter((s) => s.kind === 'change').map((s) => [s.from, s.choice])).toEqual([['no', 'yes']]);
		expect(finalCounts(vote, steps)).toEqual({ yes: 2, no: 0, abstain: 0 });
	});
});

describe('labels', () => {
	it('name votes, seats and durations as the debrief shows them', () => {
		const view = ended(playedGame());
		const name = labels(view);
		expect(name.vote(view.debrief.timeline[0])).toMatch(/^Scope: /);
		expect(name.vote({ kind: 'ratification', clauseId: null, variantId: null })).toBe('Ratification of the treaty');
		expect(name.seat('minister')).toBe('Role minister (Player minister)');
		expect(name.seat(null)).toBe('A secret ballot');
		expect(duration(40_000)).toBe('40 s');
		expect(duration(125_000)).toBe('2 min 05 s');
	});

	it('explain the scoring rule with the engine’s own numbers', () => {
		const rule = scoringRule();
		expect(rule).toContain(`${OPEN_BAR} of its objective points`);
		expect(rule).toContain(`costs ${RED_LINE_COST}`);
		expect(rule).toContain('signed or not');
	});
});
