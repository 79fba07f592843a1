/**
 * Scripted roles' reasons across many seeded games: each names what is at stake for the role in
 * its own voice, no two roles give the same sentence in one vote, and no card is cited both for
 * and against the same text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { excerpt, say, PLAIN_VOICE } from '../../../src/lib/game/bots/explain';
import type { Scenario } from '../../../src/lib/scenario/schema';
import type { CardView } from '../../../src/lib/game/view';
import { tables } from '../../../scripts/balance/play';
import { createGame } from '../../../src/lib/game/engine';
import { playOut } from '../../../src/lib/game/bots/table-bots';
import { buildSeats } from '../../../src/lib/game/seats';
import { clauseOf } from '../../../src/lib/game/scoring';
import { shippedScenario } from '../../helpers/server';
import { apply } from '../../../src/lib/game/engine';
import { atFirstClause, facilitator, play, seat } from '../../helpers/game';
import { tinyScenario } from '../../helpers/tiny-scenario';

let scenario: Scenario;
beforeAll(async () => {
	scenario = await shippedScenario();
});

const card = (over: Partial<CardView>): CardView =>
	({
		id: 'c',
		title: 'A card',
		quote: 'The treaty would restrict our ability to act alone, and that is the heart of the matter.',
		source: 's.txt',
		kind: 'own-words',
		speaker: 'Someone Real',
		supports: [],
		undercuts: [],
		origin: { name: 'Outlet', period: 'September 2023' },
		...over
	}) as CardView;

describe('the reason builder', () => {
	const summary = (v: string) => `Summary of ${v}.`;

	it('names the aim, who moved the role, and quotes the card briefly with its attribution, within 140 characters', () => {
		const voice = { ...PLAIN_VOICE, aims: { 'scope.narrow': 'a narrow scope' } };
		const text = say(voice, { kind: 'yes', aim: 'scope.narrow', wording: 0, movedBy: 'Dana', card: card({}) }, summary);
		expect(text.length).toBeLessThanOrEqual(140);
		expect(text).toMatch(/^This text gives me a narrow scope\. Dana changed my mind\. “The treaty would restrict[^”]*…” \(Someone Real\)$/);
	});

	it('shows a report as a report, never as the person’s words', () => {
		const reported = excerpt(card({ kind: 'reported', speaker: undefined, about: 'Someone Real' }), 80)!;
		expect(reported).toMatch(/\(as reported\)$/);
		expect(reported).not.toContain('Someone Real');
	});

	it('leaves the quote out rather than cut it to a word or two', () => {
		expect(excerpt(card({}), 20)).toBeNull();
	});

	it('gives each seat of a role its own wording', () => {
		const voice = { ...PLAIN_VOICE, yes: ['One says {aim}.', 'Two says {aim}.'] };
		const a = say(voice, { kind: 'yes', aim: 'x.y', wording: 0 }, summary);
		const b = say(voice, { kind: 'yes', aim: 'x.y', wording: 1 }, summary);
		expect(a).not.toBe(b);
	});
});

/** Whether a reason is one of the voice's `heed` lines: the stake it names is the treaty itself. */
const heeds = (lines: readonly string[] | undefined, reason: string) =>
	(lines ?? []).some((line) => new RegExp(`^${line.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace('{aim}', '.+')}`).test(reason));

/** Whether the role's brief names (weighs) any text of the clause. */
const namesAText = (role: Scenario['roles'][number], clauseId: string) => Object.keys(role.objectives.weights).some((v) => clauseOf(v) === clauseId);

/** A whole game of scripted roles only: the rule and the White House's seats vary with the seed. */
function scriptedGame(code: string, seed: number, seatCounts: Record<string, number> = {}) {
	const counts = { ...seatCounts, 'white-house-adviser': 1 + (seed % 3) };
	const config = {
		scenarioId: scenario.id,
		votingRule: (['dual-key', 'majority', 'consensus'] as const)[seed % 3],
		ballot: { tally: 'live' as const, ballots: 'named' as const },
		seatCounts: counts,
		timers: { briefing: null, opening: null, debate: null, vote: null },
		seed,
		botSeats: buildSeats(scenario, { seatCounts: counts }).map((s) => s.id)
	};
	return playOut(createGame(code, config, scenario), { now: 0, scenario }).state;
}

describe('scripted reasons over 200 seeded games', { timeout: 120_000 }, () => {
	it('name the role’s stake in its own voice, never repeat another role’s sentence in a vote, and never cite one card both ways', () => {
		const table = tables(scenario)[0];
		let votes = 0;
		for (let seed = 1; seed <= 200; seed++) {
			const state = scriptedGame(`R${seed}`, seed, table.seatCounts);
			for (const vote of state.votes) {
				votes++;
				const sentences = new Map<string, string>();
				const cited = new Map<string, string>();
				for (const [seatId, ballot] of Object.entries(vote.ballots)) {
					const role = scenario.roles.find((r) => r.id === state.seats.find((s) => s.id === seatId)!.roleId)!;
					const reason = ballot.reason!;
					const voice = role.voice!;
					// What is at stake: one of the role's aims, or its own line for a clause it has no stake in.
					// (A role for the pact that won none of its aims signs for the treaty itself, and one that
					// gives way to the other government does so for the treaty too.)
					const named =
						[...Object.values(voice.aims), 'a treaty signed at last'].some((aim) => reason.toLowerCase().includes(aim.toLowerCase())) || heeds(voice.heed, reason);
					const noStake = voice.noStake.some((line) => reason.startsWith(line));
					expect(named || noStake || ballot.choice === 'abstain', `${role.id}: ${reason}`).toBe(true);
					// "No stake" only where the brief names no text of the clause: one it names is backed or given up by name.
					if (noStake && vote.clauseId) expect(namesAText(role, vote.clauseId), `${role.id} on ${vote.clauseId}: ${reason}`).toBe(false);
					const sentence = reason.replace(/ “.*$/, '');
					expect(sentences.get(sentence), `vote ${vote.id} of game ${seed}: "${sentence}" twice`).toBeUndefined();
					sentences.set(sentence, seatId);
					if (ballot.card && ballot.choice !== 'abstain') {
						const other = cited.get(ballot.card);
						expect(other === undefined || other === ballot.choice, `card ${ballot.card} cited for and against in vote ${vote.id} of game ${seed}`).toBe(true);
						cited.set(ballot.card, ballot.choice);
					}
				}
			}
		}
		expect(votes).toBeGreaterThan(1000);
	});
});

describe('scripted reasons in Hebrew', { timeout: 120_000 }, () => {
	const hebrew = /[\u05D0-\u05EA]/;

	it('come in the role’s Hebrew voice beside the English: its stake named, the card quoted in the article’s English, no sentence twice in a vote', () => {
		let reasons = 0;
		let posts = 0;
		for (let seed = 1; seed <= 40; seed++) {
			const state = scriptedGame(`H${seed}`, seed);
			const roleOf = (seatId: string) => scenario.roles.find((r) => r.id === state.seats.find((s) => s.id === seatId)!.roleId)!;
			for (const vote of state.votes) {
				const sentences = new Set<string>();
				for (const [seatId, ballot] of Object.entries(vote.ballots)) {
					const he = ballot.in?.he;
					expect(he, `${seatId} in vote ${vote.id} of game ${seed}: ${ballot.reason}`).toMatch(hebrew);
					const voice = scenario.translations.he!.roles[roleOf(seatId).id].voice!;
					const named = [...Object.values(voice.aims), 'אמנה שנחתמת סוף סוף'].some((aim) => he!.includes(aim)) || heeds(voice.heed, he!);
					const noStake = voice.noStake.some((line) => he!.startsWith(line));
					expect(named || noStake || ballot.choice === 'abstain', `${seatId}: ${he}`).toBe(true);
					if (noStake && vote.clauseId) expect(namesAText(roleOf(seatId), vote.clauseId), `${seatId} on ${vote.clauseId}: ${he}`).toBe(false);
					// A card is quoted in its own English words inside the Hebrew sentence.
					const quoted = /“([^”]+?)…?”/.exec(he!)?.[1];
					if (quoted) expect(scenario.cards.some((c) => c.quote.replace(/\s+/g, ' ').includes(quoted.replace(/…$/, ''))), quoted).toBe(true);
					const sentence = he!.replace(/ “.*$/, '');
					expect(sentences.has(sentence), `vote ${vote.id} of game ${seed}: "${sentence}" twice`).toBe(false);
					sentences.add(sentence);
					reasons++;
				}
			}
			for (const post of state.posts.filter((p) => p.text)) {
				expect(post.in?.he, post.text!).toMatch(hebrew);
				posts++;
			}
		}
		expect(reasons).toBeGreaterThan(300);
		expect(posts).toBeGreaterThan(50);
	});

	it('are a scripted role’s alone: a player who sends words in another language is refused, and nothing is cast', () => {
		const state = play(atFirstClause(), [[facilitator, { type: 'openVote' }]]);
		const forged = apply(state, { type: 'castVote', choice: 'yes', reason: 'Fine.', in: { he: 'משהו אחר לגמרי.' } }, seat('minister'), { now: 2000, scenario: tinyScenario });
		expect(forged).toMatchObject({ ok: false, code: 'bad_payload' });
		const argued = apply(state, { type: 'postArgument', text: 'Mine.', stance: 'for', in: { he: 'שלי.' } }, seat('minister'), { now: 2000, scenario: tinyScenario });
		expect(argued).toMatchObject({ ok: false, code: 'bad_payload' });
	});
});
