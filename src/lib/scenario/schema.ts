/**
 * The shape of a scenario file (seeds/scenarios/*.yaml): the roles, the draft treaty's clauses
 * and the briefing cards a game is played with, and what lets a student check them: a record of
 * each source article, the passages the role texts rest on, a timeline and a glossary. This
 * module only describes the shape of each field; the checks that span fields (references
 * resolve, weights sum to 100, quotes occur in their seed) live in validate.ts.
 */
import { z } from 'zod';

/** Lower-case words joined by hyphens: ids appear in URLs, logs and exports. */
const slug = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and single hyphens, e.g. "idf-chief"');

/** A variant id is its clause id, a dot, then the variant's own slug: "scope.existential". */
export const variantIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$/;
const variantId = z
	.string()
	.regex(variantIdPattern, 'write a variant id as "<clause id>.<variant slug>", e.g. "scope.existential"');

/** Arguments per seat per clause when a scenario does not say. */
export const DEFAULT_POSTS_PER_SEAT_PER_CLAUSE = 4;

export const sides = ['israel', 'us', 'expert'] as const;
export const Side = z.enum(sides);
export type Side = z.infer<typeof Side>;

export const votingRules = ['majority', 'dual-key', 'consensus'] as const;
export const VotingRule = z.enum(votingRules);
export type VotingRule = z.infer<typeof VotingRule>;

/** Live: everyone sees the running count; hidden: counts appear only when the vote closes. */
export const TallyVisibility = z.enum(['live', 'hidden']);
export type TallyVisibility = z.infer<typeof TallyVisibility>;
/** Named: who voted what is public; secret: only counts are ever shown. */
export const BallotSecrecy = z.enum(['named', 'secret']);
export type BallotSecrecy = z.infer<typeof BallotSecrecy>;

export const BallotSetting = z.strictObject({ tally: TallyVisibility, ballots: BallotSecrecy });
export type BallotSetting = z.infer<typeof BallotSetting>;

/** How a role feels about signing any treaty at all, whatever its text. */
export const SigningStance = z.enum(['for', 'against', 'open']);
export type SigningStance = z.infer<typeof SigningStance>;

/** A seed article's file name, as in the seeds folder. */
const seedName = z.string().regex(/^[\w.-]+\.txt$/, 'name the seed file, e.g. "001_04d8d90dc4da8652.txt"');

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const Variant = z.strictObject({
	id: variantId,
	/** The treaty wording a reader sees when this variant is adopted. */
	text: text(1200),
	/** One line of plain language for a student. */
	summary: text(200),
	/**
	 * Why fewer than two cards argue this variant, when that is so: usually that no article
	 * discusses it. Without it, the checker asks for a second card.
	 */
	unargued: text(300).optional()
});
export type Variant = z.infer<typeof Variant>;

export const Clause = z.strictObject({
	id: slug,
	title: text(60),
	/** The question the clause settles, put to the table when it is on the floor. */
	question: text(300),
	variants: z.array(Variant).min(2, 'a clause needs at least 2 variants').max(4, 'a clause has at most 4 variants'),
	/** The variant on the floor when the clause comes up; defaults to the first. */
	onFloor: variantId.optional(),
	/**
	 * A treaty cannot be signed while it is silent on this clause: when a vote on it fails, the
	 * clause comes back with the next option not yet voted on (see voting.ts).
	 */
	required: z.boolean().default(false)
});
export type Clause = z.infer<typeof Clause>;

export const RedLine = z.strictObject({
	/** The role never votes to adopt this variant. */
	variant: variantId,
	why: text(300)
});
export type RedLine = z.infer<typeof RedLine>;

export const Objectives = z.strictObject({
	/** Points the role earns when a variant is adopted; the weights sum to 100. */
	weights: z.record(variantId, z.number().int().min(1).max(100)),
	signing: SigningStance,
	/**
	 * How many of the role's 100 points ride on its stance on signing; the weights share out the
	 * rest. As much as the clauses (50) where the brief makes signing, or refusing, the point.
	 */
	stake: z.number().int().min(10).max(60).default(30),
	/**
	 * For a role not simply for the pact: the texts that must all be in the treaty before it wants
	 * it signed. Without any, an open role wants a treaty that gives it OPEN_BAR of its points and a
	 * sceptic wants none at all.
	 */
	conditions: z.array(variantId).max(6).default([])
});
export type Objectives = z.infer<typeof Objectives>;

/** A line a scripted role fills in: several wordings, so that seats of one role never speak alike. */
const lines = z.array(text(100)).min(1).max(3);

/**
 * How a scripted role speaks, in its brief's own terms: the game's words, for play. Every line
 * of a kind must carry its placeholders: {aim} (one of the role's aims), {who} (a player).
 */
export const Voice = z.strictObject({
	/** How the role names what it wants and what it refuses: every weighted variant and red line. */
	aims: z.record(variantId, text(70)),
	/** Voting for a text it wants: {aim}. */
	yes: lines,
	/** Voting a text down because it wants another, or it costs the role: {aim}. */
	no: lines,
	/** Voting down one of its red lines: {aim}. */
	redLine: lines,
	/** A clause it has no stake in: no placeholder. */
	noStake: lines,
	/** Voting against, or standing aside on, a text it wants, because the table has argued it out of it: {aim}. */
	givenUp: lines,
	/** Ratifying a text that meets its conditions: {aim}, its best win in the text. */
	sign: lines,
	/** Refusing a text that misses them: {aim}, what it misses most. */
	refuse: lines,
	/** When a player's card or argument changed its vote: {who}. */
	moved: lines,
	/** The one-line case for its amendment: {aim}. */
	amend: lines,
	/** Answering an argument against what it wants: {aim}, {who}. */
	answer: lines,
	/** Under consensus, not blocking a text it likes less than {aim}. */
	standAside: lines,
	/**
	 * Giving way on {aim} because the other government's seats are voting it down and the treaty
	 * needs them: only a role for the pact does, so only its voice needs the line.
	 */
	heed: lines.optional()
});
export type Voice = z.infer<typeof Voice>;

export const Role = z.strictObject({
	id: slug,
	/** The person or office, as the seat is labelled: "Ron Dermer". */
	name: text(80),
	/** Their position: "Strategic Affairs Minister". */
	title: text(120),
	side: Side,
	/** Core roles are seated in every game; optional ones are added for larger tables. */
	core: z.boolean(),
	/** How many seats this role may have in one game (e.g. White House advisers: 1 to 3). */
	seats: z
		.strictObject({ min: z.number().int().min(0).max(3), max: z.number().int().min(1).max(3) })
		.default({ min: 1, max: 1 }),
	/** Titles for each seat of a multi-seat role, in seat order ("National Security Adviser", ...). */
	portfolios: z.array(text(80)).max(3).optional(),
	/**
	 * What everyone at the table knows about the role. Like the brief, every paragraph ends with
	 * markers saying what its sentences rest on (see citations.ts).
	 */
	description: text(700),
	/** What only the seat's player reads: interests, history, red lines, in the role's own voice. */
	brief: text(3500),
	objectives: Objectives,
	redLines: z.array(RedLine).default([]),
	/** How the role speaks when a script plays it; a plain voice stands in when a scenario gives none. */
	voice: Voice.optional()
});
export type Role = z.infer<typeof Role>;

/** Deck names: a role id, or "shared" for the deck every hand also draws from. */
export const SHARED_DECK = 'shared';

/**
 * Whose words a card's passage is.
 * - own-words: the words are the speaker's (what the article puts in quotation marks, or a
 *   statement the article quotes); the card shows them as the speaker's.
 * - reported: the article's own words, narrating or paraphrasing what someone said, did or
 *   believes; the card shows them as the article's report, never as that person's quote.
 */
export const cardKinds = ['own-words', 'reported'] as const;
export const CardKind = z.enum(cardKinds);
export type CardKind = z.infer<typeof CardKind>;

/** Which way a card argues on signing any treaty at all, whatever its text. */
export const SigningArgument = z.enum(['for', 'against']);
export type SigningArgument = z.infer<typeof SigningArgument>;

export const BriefingCard = z.strictObject({
	id: slug,
	title: text(80),
	/** Verbatim from the source seed, character for character. */
	quote: z.string().min(20, 'a quote must hold at least a full clause of a sentence').max(800),
	/** The seed's file name, e.g. "001_04d8d90dc4da8652.txt"; it needs a record under "sources". */
	source: seedName,
	kind: CardKind,
	/** own-words only: the person or body whose words these are ("Eytan Gilboa", "JINSA statement"). */
	speaker: text(120).optional(),
	/**
	 * reported only: whom the passage reports on ("Amos Yadlin", "Defense officials"); left out
	 * when the passage is the article's own account of events.
	 */
	about: text(120).optional(),
	supports: z.array(variantId).default([]),
	undercuts: z.array(variantId).default([]),
	/**
	 * When the passage argues for or against signing any treaty at all ("no pact" is an outcome
	 * too). Not "signing", which names a role's secret stance.
	 */
	anyTreaty: SigningArgument.optional(),
	decks: z.array(slug).min(1, 'put the card in at least one deck (a role id or "shared")')
});
export type BriefingCard = z.infer<typeof BriefingCard>;

/**
 * A passage of a seed that a sentence of the scenario rests on, checked word for word like a
 * card quote. Role texts cite it by its id in brackets: "… in mid-August. [dermer-mid-august]".
 */
export const Basis = z.strictObject({
	source: seedName,
	passage: z.string().min(10, 'quote at least a few words of the passage').max(800)
});
export type Basis = z.infer<typeof Basis>;

/** What can be shown about one seed article, and when it was reported. */
export const SourceRecord = z.strictObject({
	seed: seedName,
	/** Only as printed in the seed; left out when the text gives none. */
	headline: text(200).optional(),
	author: text(120).optional(),
	/** The outlet, only when the seed's text names it (the checker looks for it there). */
	outlet: text(120).optional(),
	/** The period the article reports, as a student reads it: "September 2023". */
	period: text(40),
	/** Basis ids of the passages that date it. */
	datedBy: z.array(slug).min(1, 'name at least one passage that dates the article'),
	/** How those passages date it, including any outside fact the reasoning uses. */
	dating: text(700)
});
export type SourceRecord = z.infer<typeof SourceRecord>;

/** One event reported by the articles, resting on passages checked like card quotes. */
export const TimelineEntry = z.strictObject({
	/** For ordering: the year the event happened. */
	year: z.number().int().min(1900).max(2100),
	/** As shown: "1981", "mid-August 2023". */
	when: text(40),
	/** The game's one-sentence account of what the passages say, attributed as they attribute it. */
	event: text(300),
	/** Basis ids of the passages the entry rests on. */
	basis: z.array(slug).min(1, 'an event rests on at least one passage')
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** A term the game uses, explained for a student. */
export const GlossaryEntry = z.strictObject({
	term: text(60),
	/** Other ways the texts write it ("NATO Article 5", "MoUs"); the term itself always counts. */
	forms: z.array(text(60)).default([]),
	definition: text(900),
	/** Basis ids of seed passages the definition cites. */
	basis: z.array(slug).default([]),
	/** A text outside the seeds the definition quotes, e.g. "North Atlantic Treaty (1949), Article 5". */
	from: text(200).optional()
});
export type GlossaryEntry = z.infer<typeof GlossaryEntry>;

/** Seconds for a timed step of a lesson plan. */
const planSeconds = z.number().int().min(10).max(3600);

/**
 * A way to fit the game to a lesson: the clauses debated, in order, and the timers and pace that
 * make the whole game last about `minutes`. The game's design, not the articles'.
 */
export const LessonPlan = z.strictObject({
	id: slug,
	name: text(60),
	/** How long the lesson is; the plan's timers must leave room for the debrief within it. */
	minutes: z.number().int().min(10).max(600),
	/** The clauses on the agenda, in order; every clause when absent. */
	clauses: z.array(slug).min(1).optional(),
	timers: z.strictObject({ briefing: planSeconds, opening: planSeconds, debate: planSeconds, vote: planSeconds }),
	pace: z
		.strictObject({ lastCallSeconds: z.number().int().min(3).max(120).nullable(), resultSeconds: z.number().int().min(3).max(120).nullable() })
		.optional()
});
export type LessonPlan = z.infer<typeof LessonPlan>;

/** How hard a role is to play well, for casting it. */
export const castingChallenges = ['hard', 'moderate', 'accessible'] as const;
export const CastingChallenge = z.enum(castingChallenges);
export type CastingChallenge = z.infer<typeof CastingChallenge>;

/** Which role, how hard it is and why, and to whom to give it. */
export const CastingNote = z.strictObject({
	role: slug,
	challenge: CastingChallenge,
	/** Why it is as hard as it is; like a brief, each paragraph ends with markers (see citations.ts). */
	why: text(900),
	/** The kind of student who plays it well. */
	giveTo: text(400)
});
export type CastingNote = z.infer<typeof CastingNote>;

/** One row of the written task's rubric: what it assesses, described at each level. */
export const RubricCriterion = z.strictObject({
	criterion: text(80),
	/** One description per level, in the order of `levels`. */
	descriptors: z.array(text(400)).min(2)
});
export type RubricCriterion = z.infer<typeof RubricCriterion>;

/**
 * The teacher's guide to the scenario: what students learn, how to cast the roles, how to run
 * the debrief, a written task with its rubric, who the game suits and how to handle its
 * sensitive subject. The game's advice to teachers; any sentence about a real person carries
 * markers like a brief (the checker requires them in casting notes, where roles are discussed).
 */
export const Guide = z.strictObject({
	/** What a student should be able to do after the game, one per line. */
	objectives: z.array(text(300)).min(1),
	casting: z.array(CastingNote).min(1),
	debrief: z.strictObject({
		/** How to run it, step by step. */
		steps: z.array(text(500)).min(1),
		/** Questions for any game; the game adds its own from what happened at the table. */
		questions: z.array(text(300)).min(1)
	}),
	writtenTask: z.strictObject({
		title: text(80),
		prompt: text(1200),
		/** The levels of the rubric, lowest first. */
		levels: z.array(text(40)).min(2).max(6),
		rubric: z.array(RubricCriterion).min(1)
	}),
	/** Age and level guidance. */
	levels: text(2000),
	/** How to keep a live, contested conflict among real, living people a discussion of sources and arguments. */
	sensitiveTopics: text(3000)
});
export type Guide = z.infer<typeof Guide>;

/**
 * The scenario's texts in another language, kept in a file of their own beside the scenario
 * (us-israel-pact.he.yaml) and keyed by the ids of the English file. Only words are translated:
 * ids, numbers, weights, passages and card quotes stay in the scenario. A card's quote is always
 * shown in the article's own English; `translation` is shown beneath it, labelled as one.
 * The same limits hold as for the English, with room for an English quotation and its rendering.
 */
const longer = (max: number) => text(Math.round(max * 1.5));
const translated = <T extends Record<string, number>>(limits: T) =>
	z.strictObject(Object.fromEntries(Object.entries(limits).map(([key, max]) => [key, longer(max)])) as { [K in keyof T]: ReturnType<typeof text> });

export const ScenarioTranslation = z.strictObject({
	title: longer(120),
	summary: longer(1200),
	poll: z.strictObject({ question: longer(200), options: z.array(longer(80)).min(2).max(7) }),
	/** Each card speaker's name as this language writes it ("Eytan Gilboa": "איתן גלבוע"). */
	speakers: z.record(z.string(), longer(120)).default({}),
	/** By seed file name: the period and the note on dating, the game's own words. */
	sources: z.record(seedName, translated({ period: 40, dating: 700 })).default({}),
	roles: z.record(
		slug,
		z.strictObject({
			name: longer(80),
			title: longer(120),
			portfolios: z.array(longer(80)).max(3).optional(),
			description: longer(700),
			brief: longer(3500),
			/** By the variant each red line refuses: why. */
			redLines: z.record(variantId, longer(300)).default({}),
			voice: Voice.optional()
		})
	),
	clauses: z.record(
		slug,
		z.strictObject({
			title: longer(60),
			question: longer(300),
			variants: z.record(variantId, z.strictObject({ text: longer(1200), summary: longer(200), unargued: longer(300).optional() }))
		})
	),
	cards: z.record(slug, z.strictObject({ title: longer(80), about: longer(120).optional(), translation: longer(800) })),
	/** In the scenario's order, entry for entry. */
	timeline: z.array(translated({ when: 40, event: 300 })).default([]),
	/** In the scenario's order, entry for entry; `forms` as the terms appear in this language's texts. */
	glossary: z.array(z.strictObject({ term: longer(60), forms: z.array(longer(60)).default([]), definition: longer(900) })).default([]),
	lessonPlans: z.record(slug, z.strictObject({ name: longer(60) })).default({}),
	guide: z
		.strictObject({
			objectives: z.array(longer(300)),
			/** By role id. */
			casting: z.record(slug, translated({ why: 900, giveTo: 400 })),
			debrief: z.strictObject({ steps: z.array(longer(500)), questions: z.array(longer(300)) }),
			writtenTask: z.strictObject({
				title: longer(80),
				prompt: longer(1200),
				levels: z.array(longer(40)),
				rubric: z.array(z.strictObject({ criterion: longer(80), descriptors: z.array(longer(400)) }))
			}),
			levels: longer(2000),
			sensitiveTopics: longer(3000)
		})
		.optional()
});
export type ScenarioTranslation = z.infer<typeof ScenarioTranslation>;

/** The languages a scenario may be translated into: the interface's own, besides English. */
export const translationLanguages = ['he'] as const;
export type TranslationLanguage = (typeof translationLanguages)[number];

export const Scenario = z.strictObject({
	id: slug,
	title: text(120),
	summary: text(1200),
	defaults: z.strictObject({
		votingRule: VotingRule,
		ballot: BallotSetting,
		/** Cards dealt from the role's own deck, then from the shared deck. */
		hand: z.strictObject({ role: z.number().int().min(0).max(10), shared: z.number().int().min(0).max(10) }),
		/** Amendments one seat may propose over the whole game. */
		amendmentsPerSeat: z.number().int().min(0).max(20),
		/**
		 * Arguments one seat may post on one clause (and in the opening statements): what bounds
		 * the posts every browser is sent on joining.
		 */
		postsPerSeatPerClause: z.number().int().min(1).max(10).default(DEFAULT_POSTS_PER_SEAT_PER_CLAUSE),
		/** Seconds for each timed step. */
		timers: z.strictObject({
			briefing: z.number().int().min(10).max(3600),
			opening: z.number().int().min(10).max(3600),
			debate: z.number().int().min(10).max(3600),
			vote: z.number().int().min(10).max(3600)
		}),
		/** The one-question private opinion poll put at briefing and again at the end. */
		poll: z.strictObject({ question: text(200), options: z.array(text(80)).min(2).max(7) })
	}),
	/** One record per seed a card, passage or timeline entry draws on. */
	sources: z.array(SourceRecord).default([]),
	/** Passages the role texts, the timeline, the glossary and the source records rest on, by id. */
	basis: z.record(slug, Basis).default({}),
	roles: z.array(Role).min(1),
	clauses: z.array(Clause).min(1),
	cards: z.array(BriefingCard).min(1),
	/** The events of the articles in order. */
	timeline: z.array(TimelineEntry).default([]),
	glossary: z.array(GlossaryEntry).default([]),
	/** Ways to fit the game to a class period, offered when a game is created. */
	lessonPlans: z.array(LessonPlan).default([]),
	/** The teacher's guide; a scenario may ship without one. */
	guide: Guide.optional(),
	/**
	 * The texts in other languages, read from the files beside the scenario; a scenario without
	 * them is English-only, and pages in another language say so.
	 */
	translations: z.strictObject({ he: ScenarioTranslation.optional() }).default({})
});
export type Scenario = z.infer<typeof Scenario>;
