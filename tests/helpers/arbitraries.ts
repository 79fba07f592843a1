/**
 * fast-check generators for whole games: a random config, then a random script of steps — an
 * actor, an action and a time step — applied one after another with a clock that only moves
 * forward. Property tests fold a script through the engine and check what must hold after every
 * step, whatever was asked of it and by whom.
 *
 * Why the generators look the way they do:
 * - Purely random actions would almost all be refused in the lobby, so the steps are weighted
 *   toward the facilitator's flow (start, advance, open and close votes) and seats voting, and
 *   payloads are mostly plausible: real seat ids, card ids from the scenario (for a seat's own
 *   arguments, mostly from the hand it will be dealt), variant and clause ids, poll answers in
 *   range. A minority are wrong on purpose — unknown ids, a variant of another clause, a card
 *   not held — and every action may come from the wrong actor, so refusals are exercised too.
 * - A script starts with guests taking at least half of the free seats, and seat moves come
 *   mostly from those seats (and seats scripted from the start): otherwise most seat moves would
 *   be refused for want of a player and votes would stay empty. Late arrivals, freed seats and
 *   seats handed to a scripted role still happen at random in the rest of the script.
 * - Scripts are plain data (no closures over a state), so fast-check can print and shrink a
 *   failing script, and any test can replay one.
 * - Every payload is valid for the protocol's zod schema: the engine is only ever handed parsed
 *   actions, so `runScript` parses each client action exactly as the server does.
 */
import fc from 'fast-check';
import { apply, createGame } from '../../src/lib/game/engine';
import { deal } from '../../src/lib/game/hands';
import type { Outcome } from '../../src/lib/game/outcome';
import { buildSeats } from '../../src/lib/game/seats';
import type { Action, Actor, CardId, GameConfig, GameState, Seat, SeatId, TimerStep } from '../../src/lib/game/types';
import { Action as ActionSchema, type ActionType } from '../../src/lib/protocol/actions';
import { votingRules, type Scenario } from '../../src/lib/scenario/schema';

/** Ids no scenario uses: payloads that must be refused. */
export const UNKNOWN = {
	seat: 'no-such-seat',
	card: 'no-such-card',
	variant: 'no-such.variant',
	clause: 'no-such-clause'
} as const;

export const GAME_CODE = 'PROP22';

/** Every action a step may carry: the client actions of the protocol, plus the server's timer expiry. */
export type StepType = ActionType | 'expireTimer';

/** One thing that happens at the table: who asks, what, and how long after the previous step. */
export interface Step {
	actor: Actor;
	action: Action;
	/** Milliseconds since the previous step (0 = the same instant). */
	dt: number;
}

export interface Script {
	config: GameConfig;
	steps: Step[];
}

/** What a generator may know of a game before it is played: derived from the scenario and config alone. */
export interface Table {
	scenario: Scenario;
	config: GameConfig;
	seats: Seat[];
	/** The hands `start` will deal: the deal is seeded, so it is known in advance. */
	hands: Record<SeatId, CardId[]>;
	/** Seat ids this game has, plus ids of seats it lacks (optional roles left out, extra advisers) and a made-up one. */
	anySeatIds: string[];
	/**
	 * Seats expected to be occupied (those scripted from the start, and those taken on arrival):
	 * seat moves mostly come from these, or most would be refused for want of a player.
	 */
	present: string[];
	/** Seats expected to be played by scripted roles: their moves mostly come from the bot. */
	scripted: string[];
}

/** Every seat id any config of the scenario could create, in the engine's own numbering. */
export function allSeatIds(scenario: Scenario): string[] {
	return scenario.roles.flatMap((role) =>
		role.seats.max > 1 ? Array.from({ length: role.seats.max }, (_, i) => `${role.id}-${i + 1}`) : [role.id]
	);
}

export function tableOf(scenario: Scenario, config: GameConfig): Table {
	const seats = buildSeats(scenario, config);
	return {
		scenario,
		config,
		seats,
		hands: deal(scenario, seats, config.seed),
		anySeatIds: [...new Set([...allSeatIds(scenario), UNKNOWN.seat])],
		present: seats.filter((s) => s.bot).map((s) => s.id),
		scripted: seats.filter((s) => s.bot).map((s) => s.id)
	};
}

// ---------------------------------------------------------------------------------------------
// Configs

const timerSteps: TimerStep[] = ['briefing', 'opening', 'debate', 'vote'];

/**
 * A game config: any voting rule and ballot setting; each multi-seat role 1..max seats (or its
 * default); each optional role on or off (or its default); each timer off or short (10–60 s,
 * so random time steps do run them out); any seed; in a quarter of games, some seats played by
 * scripted roles from the start, and in a tenth the seats left empty at the start filled by them.
 */
export function configArb(scenario: Scenario): fc.Arbitrary<GameConfig> {
	const seatCounts = fc.record(
		Object.fromEntries(
			scenario.roles.flatMap((role): [string, fc.Arbitrary<number>][] => {
				if (role.seats.max > 1) return [[role.id, fc.integer({ min: Math.max(1, role.seats.min), max: role.seats.max })]];
				if (!role.core) return [[role.id, fc.constantFrom(0, 1)]];
				return [];
			})
		),
		{ requiredKeys: [] }
	);
	const timer = fc.option(fc.integer({ min: 10, max: 60 }), { freq: 2 });
	return fc
		.record({
			scenarioId: fc.constant(scenario.id),
			votingRule: fc.constantFrom(...votingRules),
			ballot: fc.record({ tally: fc.constantFrom('live' as const, 'hidden' as const), ballots: fc.constantFrom('named' as const, 'secret' as const) }),
			seatCounts: seatCounts as fc.Arbitrary<Record<string, number>>,
			timers: fc.record(Object.fromEntries(timerSteps.map((s) => [s, timer])) as Record<TimerStep, fc.Arbitrary<number | null>>),
			seed: fc.integer({ min: 0, max: 2 ** 31 - 1 })
		})
		.chain((config) => {
			// Scripted roles play a few seats from the start in some games; most games are all human.
			const ids = buildSeats(scenario, { ...config, botSeats: [] }).map((s) => s.id);
			const botSeats = fc.oneof({ arbitrary: fc.constant([] as string[]), weight: 3 }, { arbitrary: fc.subarray(ids), weight: 1 });
			// Seldom, the seats still empty at the start go to scripted roles as well.
			const fill = fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, { arbitrary: fc.constant(true), weight: 1 });
			// A third of games run at a hands-free pace, either part of it or both.
			const countdown = fc.option(fc.integer({ min: 3, max: 30 }), { freq: 3 });
			const pace = fc.option(fc.record({ lastCallSeconds: countdown, resultSeconds: countdown }), { freq: 2, nil: undefined });
			return fc
				.tuple(botSeats, fill, pace)
				.map(([bots, botsFillEmptySeats, pace]): GameConfig => ({ ...config, botSeats: bots, botsFillEmptySeats, ...(pace ? { pace } : {}) }));
		});
}

// ---------------------------------------------------------------------------------------------
// Actors

const facilitator: Actor = { kind: 'facilitator' };
const guest: Actor = { kind: 'guest' };
const system: Actor = { kind: 'system' };

/** A seat's player, or (bot) the scripted role playing the seat. */
export const seatActor = (seat: string, bot = false): Actor => (bot ? { kind: 'seat', seat, bot: true } : { kind: 'seat', seat });

/**
 * Whether a seat's move comes from its scripted role: mostly so for seats scripted from the
 * start, seldom otherwise (a seat handed to a bot later, or a bot that should be refused).
 */
function botFlagArb(table: Table, seat: string): fc.Arbitrary<boolean> {
	return table.scripted.includes(seat)
		? fc.oneof({ arbitrary: fc.constant(true), weight: 6 }, { arbitrary: fc.constant(false), weight: 1 })
		: fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, { arbitrary: fc.constant(true), weight: 1 });
}

/** Anyone at all: the facilitator, a guest, the server, or a seat — real, absent from this game, or made up. */
export function anyActorArb(table: Table): fc.Arbitrary<Actor> {
	return fc.oneof(
		fc.constant(facilitator),
		fc.constant(guest),
		fc.constant(system),
		fc.tuple(fc.constantFrom(...table.anySeatIds), fc.boolean()).map(([seat, bot]) => seatActor(seat, bot))
	);
}

/** A seat id: mostly one of this game's seats, sometimes one it does not have. */
export function seatIdArb(table: Table): fc.Arbitrary<string> {
	return fc.oneof({ arbitrary: fc.constantFrom(...table.seats.map((s) => s.id)), weight: 9 }, { arbitrary: fc.constantFrom(...table.anySeatIds), weight: 1 });
}

/** The seat a seat move comes from: mostly one expected to be occupied, else any seat id. */
export function actingSeatIdArb(table: Table): fc.Arbitrary<string> {
	return table.present.length ? fc.oneof({ arbitrary: fc.constantFrom(...table.present), weight: 4 }, { arbitrary: seatIdArb(table), weight: 1 }) : seatIdArb(table);
}

/** Mostly `usual`, sometimes anyone else: actions from the wrong actor must be refused. */
function mostly(usual: fc.Arbitrary<Actor>, table: Table): fc.Arbitrary<Actor> {
	return fc.oneof({ arbitrary: usual, weight: 9 }, { arbitrary: anyActorArb(table), weight: 1 });
}

// ---------------------------------------------------------------------------------------------
// Payload pieces

export function cardIdArb(scenario: Scenario): fc.Arbitrary<string> {
	return fc.oneof({ arbitrary: fc.constantFrom(...scenario.cards.map((c) => c.id)), weight: 19 }, { arbitrary: fc.constant(UNKNOWN.card), weight: 1 });
}

/**
 * A variant id: any of the scenario's, or (as often) one of the first two clauses' — random games
 * spend most of their debate on the first clauses of the agenda, so this makes amendments and
 * arguments on the floor's own clause common enough; sometimes an unknown id.
 */
export function variantIdArb(scenario: Scenario): fc.Arbitrary<string> {
	const variants = (clauses: Scenario['clauses']) => clauses.flatMap((c) => c.variants.map((v) => v.id));
	return fc.oneof(
		{ arbitrary: fc.constantFrom(...variants(scenario.clauses)), weight: 10 },
		{ arbitrary: fc.constantFrom(...variants(scenario.clauses.slice(0, 2))), weight: 10 },
		{ arbitrary: fc.constant(UNKNOWN.variant), weight: 1 }
	);
}

/** A card for a seat to play: mostly from the hand it will hold, sometimes any card (not held, or held by another). */
function cardForSeatArb(table: Table, seatId: string): fc.Arbitrary<string> {
	const hand = table.hands[seatId] ?? [];
	return hand.length ? fc.oneof({ arbitrary: fc.constantFrom(...hand), weight: 3 }, { arbitrary: cardIdArb(table.scenario), weight: 1 }) : cardIdArb(table.scenario);
}

const names = ['Ana', 'Ben', 'Chen', 'Dana Levi', '  Eli  ', 'Farah', 'Gil', 'Hana'];
export const nameArb = fc.constantFrom(...names);

/** Argument text: ordinary sentences, sometimes blank (an empty argument without a card is refused). */
export const textArb = fc.oneof(
	fc.constantFrom('We need this.', 'Too risky for us.', 'Think of the cost.', 'Congress will never ratify that.', '   '),
	fc.string({ maxLength: 60 })
);

/** A one-line reason for a ballot. */
export const reasonArb = fc.constantFrom('Good for both sides.', 'Not binding enough.', 'Red line.', '  ', 'Cost.');

// ---------------------------------------------------------------------------------------------
// Steps, one generator per action type

type Move = { actor: Actor; action: Action };
type MoveArb = (table: Table) => fc.Arbitrary<Move>;

/** A move by a seat (mostly real), with a payload that may depend on the seat. */
const bySeat = (table: Table, action: (seat: string) => fc.Arbitrary<Action>): fc.Arbitrary<Move> =>
	fc.oneof(
		{
			arbitrary: actingSeatIdArb(table).chain((seat) => fc.tuple(botFlagArb(table, seat), action(seat)).map(([bot, a]): Move => ({ actor: seatActor(seat, bot), action: a }))),
			weight: 9
		},
		{ arbitrary: fc.tuple(anyActorArb(table), action(table.seats[0].id)).map(([actor, a]): Move => ({ actor, action: a })), weight: 1 }
	);

/** A move by the facilitator (sometimes the server, sometimes someone without the right). */
const byFacilitator = (table: Table, action: fc.Arbitrary<Action>): fc.Arbitrary<Move> =>
	fc.tuple(mostly(fc.oneof({ arbitrary: fc.constant(facilitator), weight: 5 }, { arbitrary: fc.constant(system), weight: 1 }), table), action).map(
		([actor, a]): Move => ({ actor, action: a })
	);

const bare = <T extends Action['type']>(type: T) => fc.constant({ type } as Extract<Action, { type: T }>);

/**
 * The generator of each action type. Typed over every type of the protocol's union, so a new
 * action cannot be added without a generator here (and `stepTypes` is checked against the zod
 * union at run time by the property tests).
 */
export const moveArbs: Record<StepType, MoveArb> = {
	takeSeat: (t) =>
		fc.tuple(mostly(fc.constant(guest), t), seatIdArb(t), nameArb).map(([actor, seat, name]) => ({ actor, action: { type: 'takeSeat', seat, name } })),
	postArgument: (t) =>
		bySeat(t, (seat) =>
			fc.record(
				{
					type: fc.constant('postArgument' as const),
					variant: variantIdArb(t.scenario),
					on: fc.constant('signing' as const),
					stance: fc.constantFrom('for' as const, 'against' as const),
					card: cardForSeatArb(t, seat),
					text: textArb
				},
				{ requiredKeys: ['type'] }
			)
		),
	proposeAmendment: (t) => bySeat(t, () => variantIdArb(t.scenario).map((variant) => ({ type: 'proposeAmendment' as const, variant }))),
	withdrawAmendment: (t) => bySeat(t, () => bare('withdrawAmendment')),
	castVote: (t) =>
		bySeat(t, () =>
			// A reason often, a cited card seldom: a card must be on the table to be cited.
			fc
				.tuple(
					fc.constantFrom('yes' as const, 'no' as const, 'abstain' as const),
					fc.option(reasonArb, { nil: undefined }),
					fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: cardIdArb(t.scenario), weight: 1 })
				)
				.map(([choice, reason, card]) => ({ type: 'castVote' as const, choice, ...(reason === undefined ? {} : { reason }), ...(card === undefined ? {} : { card }) }))
		),
	answerPoll: (t) => {
		const n = t.scenario.defaults.poll.options.length;
		const answer = fc.oneof({ arbitrary: fc.integer({ min: 0, max: n - 1 }), weight: 9 }, { arbitrary: fc.integer({ min: n, max: 10 }), weight: 1 });
		return bySeat(t, () => answer.map((a) => ({ type: 'answerPoll' as const, answer: a })));
	},
	raiseHand: (t) => bySeat(t, () => bare('raiseHand')),
	lowerHand: (t) => bySeat(t, () => bare('lowerHand')),
	start: (t) => byFacilitator(t, bare('start')),
	advance: (t) => byFacilitator(t, bare('advance')),
	back: (t) => byFacilitator(t, bare('back')),
	skipClause: (t) => byFacilitator(t, bare('skipClause')),
	setAgenda: (t) => {
		const ids = t.scenario.clauses.map((c) => c.id);
		// Any choice of clauses in any order, now and then none or one the scenario does not have.
		const clauses = fc.oneof(
			{ arbitrary: fc.shuffledSubarray(ids, { minLength: 1 }), weight: 4 },
			{ arbitrary: fc.constantFrom([] as string[], ['no-such-clause']), weight: 1 }
		);
		return byFacilitator(t, clauses.map((list) => ({ type: 'setAgenda' as const, clauses: list })));
	},
	reorderClauses: (t) => {
		const ids = t.scenario.clauses.map((c) => c.id);
		// Right only when it lists exactly the clauses still to come: every clause (before the
		// clauses begin) or a tail of the agenda; otherwise a subset, a duplicate or an unknown id.
		const order = fc.oneof(
			{ arbitrary: fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length }), weight: 3 },
			{ arbitrary: fc.integer({ min: 0, max: ids.length }).chain((k) => fc.shuffledSubarray(ids.slice(k), { minLength: ids.length - k, maxLength: ids.length - k })), weight: 3 },
			{ arbitrary: fc.shuffledSubarray(ids), weight: 1 },
			{ arbitrary: fc.shuffledSubarray(ids).map((o) => [...o, o[0] ?? UNKNOWN.clause]), weight: 1 },
			{ arbitrary: fc.shuffledSubarray(ids).map((o) => [UNKNOWN.clause, ...o]), weight: 1 }
		);
		return byFacilitator(t, order.map((o) => ({ type: 'reorderClauses' as const, order: o })));
	},
	pause: (t) => byFacilitator(t, bare('pause')),
	resume: (t) => byFacilitator(t, bare('resume')),
	extendTimer: (t) => byFacilitator(t, fc.integer({ min: 10, max: 120 }).map((seconds) => ({ type: 'extendTimer' as const, seconds }))),
	holdCountdown: (t) => byFacilitator(t, fc.constant({ type: 'holdCountdown' as const })),
	openVote: (t) => byFacilitator(t, bare('openVote')),
	closeVote: (t) => byFacilitator(t, bare('closeVote')),
	injectCard: (t) => byFacilitator(t, cardIdArb(t.scenario).map((card) => ({ type: 'injectCard' as const, card }))),
	hidePost: (t) => byFacilitator(t, fc.integer({ min: 1, max: 25 }).map((post) => ({ type: 'hidePost' as const, post }))),
	giveFloor: (t) => byFacilitator(t, seatIdArb(t).map((seat) => ({ type: 'giveFloor' as const, seat }))),
	endFloor: (t) => byFacilitator(t, bare('endFloor')),
	releaseSeat: (t) => byFacilitator(t, seatIdArb(t).map((seat) => ({ type: 'releaseSeat' as const, seat }))),
	handToBot: (t) => byFacilitator(t, seatIdArb(t).map((seat) => ({ type: 'handToBot' as const, seat }))),
	takeBackSeat: (t) => bySeat(t, () => bare('takeBackSeat')),
	lockRoom: (t) => byFacilitator(t, bare('lockRoom')),
	unlockRoom: (t) => byFacilitator(t, bare('unlockRoom')),
	end: (t) => byFacilitator(t, bare('end')),
	// The server's own action; the other actors' attempts must be refused.
	expireTimer: (t) => mostly(fc.constant(system), t).map((actor) => ({ actor, action: { type: 'expireTimer' as const } }))
};

export const stepTypes = Object.keys(moveArbs) as StepType[];

/**
 * How often each action type is drawn. Biased toward what moves a game on — the facilitator's
 * flow and seats voting — so that a good share of scripts reach the clauses and some the
 * debrief; `end` is rare so most games are not cut short.
 */
export const defaultWeights: Record<StepType, number> = {
	takeSeat: 8,
	postArgument: 10,
	proposeAmendment: 10,
	withdrawAmendment: 3,
	castVote: 28,
	answerPoll: 5,
	raiseHand: 3,
	lowerHand: 2,
	start: 10,
	advance: 22,
	back: 2,
	skipClause: 4,
	reorderClauses: 2,
	pause: 1,
	resume: 10,
	extendTimer: 2,
	holdCountdown: 1,
	setAgenda: 1,
	openVote: 16,
	closeVote: 9,
	injectCard: 4,
	hidePost: 2,
	giveFloor: 3,
	endFloor: 2,
	releaseSeat: 2,
	handToBot: 2,
	takeBackSeat: 2,
	lockRoom: 1,
	unlockRoom: 1,
	end: 1,
	expireTimer: 6
};

/**
 * Time between steps: often the same instant or a moment later (ordering within a millisecond
 * matters), sometimes long enough for a 10–60 s timer to run out.
 */
export const dtArb: fc.Arbitrary<number> = fc.oneof(
	{ arbitrary: fc.constant(0), weight: 3 },
	{ arbitrary: fc.integer({ min: 1, max: 3_000 }), weight: 5 },
	{ arbitrary: fc.integer({ min: 5_000, max: 90_000 }), weight: 2 }
);

export function stepArb(table: Table, weights: Partial<Record<StepType, number>> = {}): fc.Arbitrary<Step> {
	const w = { ...defaultWeights, ...weights };
	const move = fc.oneof(...stepTypes.filter((type) => w[type] > 0).map((type) => ({ arbitrary: moveArbs[type](table), weight: w[type] })));
	return fc.tuple(move, dtArb).map(([m, dt]) => ({ ...m, dt }));
}

/** Players arriving before anything else happens: guests take at least half of the free seats. */
export function arrivalsArb(table: Table): fc.Arbitrary<Step[]> {
	const free = table.seats.filter((s) => !table.present.includes(s.id)).map((s) => s.id);
	return fc
		.shuffledSubarray(free, { minLength: Math.ceil(free.length / 2) })
		.chain((ids) => fc.tuple(...ids.map(() => fc.tuple(nameArb, fc.integer({ min: 0, max: 2_000 })))).map((extra) =>
			ids.map((seat, i): Step => ({ actor: guest, action: { type: 'takeSeat', seat, name: extra[i][0] }, dt: extra[i][1] }))
		));
}

export interface ScriptOptions {
	config?: fc.Arbitrary<GameConfig>;
	weights?: Partial<Record<StepType, number>>;
	minSteps?: number;
	maxSteps?: number;
	/** Whether a random set of seats is taken first (default true); late arrivals happen either way. */
	arrivals?: boolean;
}

/** A whole game: a config, some arrivals, then random steps. */
export function scriptArb(scenario: Scenario, options: ScriptOptions = {}): fc.Arbitrary<Script> {
	const { minSteps = 20, maxSteps = 120, arrivals = true } = options;
	return (options.config ?? configArb(scenario)).chain((config) => {
		const table = tableOf(scenario, config);
		return (arrivals ? arrivalsArb(table) : fc.constant([] as Step[])).chain((first) => {
			const arrived = first.map((s) => (s.action as { seat: string }).seat);
			// With botsFillEmptySeats, the seats nobody took on arrival are scripted from the start.
			const filled = config.botsFillEmptySeats ? table.seats.map((s) => s.id).filter((id) => !arrived.includes(id) && !table.present.includes(id)) : [];
			const present = { ...table, present: [...table.present, ...arrived, ...filled], scripted: [...table.scripted, ...filled] };
			return fc
				.array(stepArb(present, options.weights), { minLength: minSteps, maxLength: maxSteps, size: 'max' })
				.map((rest) => ({ config, steps: [...first, ...rest] }));
		});
	});
}

// ---------------------------------------------------------------------------------------------
// Playing a script

export interface LogEntry {
	action: Action;
	actor: Actor;
	at: number;
}

/** One step as it was applied: the state before it, the engine's answer, and the state after. */
export interface StepReport {
	index: number;
	step: Step;
	/** The action as the engine saw it: parsed by the protocol schema, as the server does. */
	action: Action;
	now: number;
	before: GameState;
	outcome: Outcome;
	/** The new state when accepted, else `before`. */
	after: GameState;
	/** Accepted actions so far, this one included. */
	accepted: number;
}

export interface Played {
	initial: GameState;
	final: GameState;
	log: LogEntry[];
}

export const START_TIME = 1_000_000;

/** Parses a client action as the server would; the generators only make schema-valid payloads. */
export function parseAction(action: Action): Action {
	if (action.type === 'expireTimer') return action;
	const parsed = ActionSchema.safeParse(action);
	if (!parsed.success) throw new Error(`generator made an invalid ${action.type}: ${parsed.error.message}`);
	return parsed.data;
}

/** Folds a script through the engine, calling `observe` after every step, accepted or refused. */
export function runScript(scenario: Scenario, script: Script, observe?: (report: StepReport) => void): Played {
	const initial = createGame(GAME_CODE, script.config, scenario);
	let state = initial;
	let now = START_TIME;
	let accepted = 0;
	const log: LogEntry[] = [];
	script.steps.forEach((step, index) => {
		now += step.dt;
		const action = parseAction(step.action);
		const before = state;
		const outcome = apply(before, action, step.actor, { now, scenario });
		if (outcome.ok) {
			accepted += 1;
			log.push({ action, actor: step.actor, at: now });
			state = outcome.state;
		}
		observe?.({ index, step, action, now, before, outcome, after: state, accepted });
	});
	return { initial, final: state, log };
}
