/**
 * A small scenario for engine tests: the same shape as the shipped one, few enough pieces that a
 * test can name them all.
 */
import { Scenario } from '../../src/lib/scenario/schema';

const role = (id: string, side: 'israel' | 'us' | 'expert', extra: object = {}) => ({
	id,
	name: `Role ${id}`,
	title: `Title of ${id}`,
	side,
	core: true,
	description: `Public description of ${id}.`,
	brief: `Private brief of ${id}.`,
	objectives: { weights: { 'scope.narrow': 60, 'term.ten-years': 40 }, signing: 'for' },
	...extra
});

const card = (id: string, decks: string[], tags: object) => ({
	id,
	title: `Card ${id}`,
	quote: `The quoted words of ${id}, long enough to count.`,
	source: 'seed.txt',
	kind: 'own-words',
	speaker: 'Someone',
	decks,
	...tags
});

export const tinyScenario: Scenario = Scenario.parse({
	id: 'tiny',
	title: 'Tiny pact',
	summary: 'A two-clause treaty for tests.',
	defaults: {
		votingRule: 'dual-key',
		ballot: { tally: 'live', ballots: 'named' },
		hand: { role: 1, shared: 1 },
		amendmentsPerSeat: 1,
		timers: { briefing: 60, opening: 60, debate: 60, vote: 30 },
		poll: { question: 'Sign?', options: ['Yes', 'No'] }
	},
	roles: [
		role('minister', 'israel'),
		role('general', 'israel', {
		objectives: { weights: { 'scope.broad': 100 }, signing: 'against' },
		redLines: [{ variant: 'scope.narrow', why: 'Too narrow to matter.' }]
	}),
		role('adviser', 'us', { seats: { min: 1, max: 3 }, portfolios: ['Security', 'Envoy', 'Senate'] }),
		role('professor', 'expert', { core: false, seats: { min: 0, max: 1 } })
	],
	clauses: [
		{
			id: 'scope',
			title: 'Scope',
			question: 'What does the treaty cover?',
			variants: [
				{ id: 'scope.narrow', text: 'Existential threats only.', summary: 'Only the worst threats.' },
				{ id: 'scope.broad', text: 'Any armed attack.', summary: 'Any attack.' }
			]
		},
		{
			id: 'term',
			title: 'Term',
			question: 'How long does it last?',
			onFloor: 'term.ten-years',
			variants: [
				{ id: 'term.indefinite', text: 'Indefinitely.', summary: 'Forever.' },
				{ id: 'term.ten-years', text: 'Ten years.', summary: 'Ten years, then review.' }
			]
		}
	],
	cards: [
		card('card-one', ['shared'], { supports: ['scope.narrow'] }),
		card('card-two', ['shared'], { undercuts: ['scope.narrow'] }),
		card('card-three', ['shared'], { supports: ['term.ten-years'] }),
		card('card-four', ['shared'], { supports: ['scope.broad'] }),
		card('minister-card', ['minister'], { supports: ['scope.narrow'] }),
		card('general-card', ['general'], { supports: ['scope.broad'] }),
		card('adviser-card-a', ['adviser'], { supports: ['term.ten-years'] }),
		card('adviser-card-b', ['adviser'], { undercuts: ['term.indefinite'] })
	]
});
