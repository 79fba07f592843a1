/**
 * The game's state, as the engine folds it from a room's accepted actions. Everything here is
 * plain data (JSON-safe) so a state can be stored, compared and replayed.
 */
import type { Action as ClientAction, Choice, Stance } from '../protocol/actions';
import type { BallotSetting, VotingRule, Side } from '../scenario/schema';
import type { Scenario } from '../scenario/schema';
import type { InLanguages } from '../scenario/texts';
import type { BallotHistory } from './ballot-history';

export type { Choice, ClientAction, Stance };
export type SeatId = string;
export type ClauseId = string;
export type VariantId = string;
export type CardId = string;

/** Actions only the server itself takes: a timer running out. */
export type SystemAction = { type: 'expireTimer' };
export type Action = ClientAction | SystemAction;

/** Who is acting, as established by the server from the socket — never from a payload. */
export type Actor =
	| { kind: 'facilitator' }
	/** `bot` marks the scripted role playing the seat; a seat has one writer at a time. */
	| { kind: 'seat'; seat: SeatId; bot?: true }
	| { kind: 'guest' }
	| { kind: 'system' };

export const phases = ['lobby', 'briefing', 'opening', 'clauses', 'ratification', 'debrief'] as const;
export type Phase = (typeof phases)[number];

export type TimerStep = 'briefing' | 'opening' | 'debate' | 'vote';

/**
 * The short countdowns of a hands-free pace: the last call once every seated player has voted,
 * and the pause on a clause's result before the game moves on.
 */
export type Countdown = 'lastCall' | 'result';

/** How a game runs on without the facilitator's clicks; fixed when the game is made. */
export interface Pace {
	/** Close a vote this many seconds after every seated player has voted; null waits for the vote's timer or the facilitator. */
	lastCallSeconds: number | null;
	/** Move on this many seconds after a clause's result; null waits for the facilitator. */
	resultSeconds: number | null;
}

/** Settings chosen when the game is created; they never change during play. */
export interface GameConfig {
	scenarioId: string;
	votingRule: VotingRule;
	ballot: BallotSetting;
	/** Seats per role id; a role missing here has its default (core roles 1, optional 0). */
	seatCounts: Record<string, number>;
	/** Seconds for each timed step; null leaves that step to the facilitator. */
	timers: Record<TimerStep, number | null>;
	/** Seeds the game's random number generator (the deal), so a game replays exactly. */
	seed: number;
	/** Seats scripted roles play from the start (none when absent). */
	botSeats?: SeatId[];
	/** Solo practice: the server plays the facilitator's part, and the game moves on by itself. */
	autopilot?: boolean;
	/** Seats still empty when the game starts are given to scripted roles. */
	botsFillEmptySeats?: boolean;
	/** A hands-free pace (none in games made before it existed: they wait for the facilitator). */
	pace?: Pace;
	/** The clauses to debate, in order (a lesson plan's); the others are set aside. Every clause when absent. */
	agenda?: ClauseId[];
	/**
	 * Limits of play fixed when the game is made (playLimits in limits.ts). Games made before
	 * they existed have none, so their logs replay exactly as they were played.
	 */
	limits?: PlayLimits;
}

export interface PlayLimits {
	/** Arguments each seat may post on a clause, and in the opening statements. */
	postsPerSeatPerClause: number;
	/** Names are told apart: no look-alike of another player's, nor the scripted roles' label. */
	distinctNames: boolean;
}

export interface Seat {
	id: SeatId;
	roleId: string;
	/** The seat's portfolio within a multi-seat role, e.g. "Senate liaison". */
	portfolio: string | null;
	side: Side;
	/** The display name of the player holding the seat, null while the seat is free. */
	player: string | null;
	/** Whether a scripted role is playing the seat (from the start, or standing in for a player who left). */
	bot: boolean;
}

/** A running timer ends at endsAt; a paused one keeps the milliseconds it had left. */
export interface Timer {
	step: TimerStep | Countdown;
	endsAt: number;
	/** Set while the game is paused: the time left when it was paused. */
	remaining: number | null;
}

export interface Ballot {
	choice: Choice;
	/** A one-line reason, optionally citing a card that has been played at the table. */
	reason: string | null;
	card: CardId | null;
	/** A scripted role's reason in the scenario's other languages. */
	in?: InLanguages<string>;
}

export interface BallotCast extends Ballot {
	seat: SeatId;
	at: number;
	/** The event sequence number: orders ballots and posts exactly, even within a millisecond. */
	seq: number;
}

export interface VoteResult {
	passed: boolean;
	yes: number;
	no: number;
	abstain: number;
	/** Seats that had not voted when the vote closed, counted as abstentions. */
	absent: number;
	/** Under dual-key: whether each side's key turned. */
	keys?: { israel: boolean; us: boolean };
}

export type VoteKind = 'amendment' | 'clause' | 'ratification';

export interface Vote {
	id: number;
	kind: VoteKind;
	/** The clause voted on; null for ratification. */
	clauseId: ClauseId | null;
	/** The variant the vote would adopt (clause) or put on the floor (amendment). */
	variantId: VariantId | null;
	amendmentId: number | null;
	status: 'open' | 'closed';
	openedAt: number;
	closedAt: number | null;
	/** Each seat's current ballot. */
	ballots: Record<SeatId, Ballot>;
	/** Every ballot cast, including changes of mind, in order (in chunks: see ballot-history.ts). */
	history: BallotHistory;
	result: VoteResult | null;
}

export interface Amendment {
	id: number;
	seat: SeatId;
	clauseId: ClauseId;
	/** The variant on the floor when it was proposed, and the one it proposes instead. */
	from: VariantId;
	to: VariantId;
	at: number;
	status: 'pending' | 'adopted' | 'rejected' | 'withdrawn';
}

export type PostKind = 'opening' | 'argument' | 'news';

/** Something said at the table: an argument, an opening statement, or a card the facilitator injected. */
export interface Post {
	id: number;
	kind: PostKind;
	/** Null for news the facilitator injected. */
	seat: SeatId | null;
	clauseId: ClauseId | null;
	variantId: VariantId | null;
	stance: Stance | null;
	/** An argument about signing any treaty at all rather than a variant (absent in older games' posts). */
	on?: 'signing';
	card: CardId | null;
	text: string | null;
	/** A scripted role's text in the scenario's other languages. */
	in?: InLanguages<string>;
	at: number;
	seq: number;
	hidden: boolean;
}

/** The clause under debate and the variant currently proposed for it. */
export interface Floor {
	clauseId: ClauseId;
	variantId: VariantId;
}

/** The poll's two askings: before the game (briefing and opening statements) and after it (debrief). */
export type PollWhen = 'before' | 'after';

/**
 * The opinion poll as the game keeps it: how many players gave each answer, and which seats have
 * answered, in seat order. Never which answer a seat gave: an answer is counted and forgotten.
 */
export interface PollTally {
	counts: Record<PollWhen, number[]>;
	answered: Record<PollWhen, SeatId[]>;
}

/** Whether a seat has answered each asking; the answer itself stays on the player's device. */
export type PollAnswered = Record<PollWhen, boolean>;

export interface GameState {
	code: string;
	config: GameConfig;
	phase: Phase;
	paused: boolean;
	/** A locked room lets nobody new take a seat; watchers can still open it. */
	locked: boolean;
	timer: Timer | null;
	seats: Seat[];
	/** The order the clauses are debated in. */
	agenda: ClauseId[];
	/** Index in the agenda of the clause on the floor; -1 before the clauses begin. */
	cursor: number;
	floor: Floor | null;
	/** The variant adopted for each clause voted on; null when the vote failed. */
	adopted: Record<ClauseId, VariantId | null>;
	/** Clauses the facilitator set aside: the treaty is silent on them. */
	skipped: ClauseId[];
	hands: Record<SeatId, CardId[]>;
	posts: Post[];
	amendments: Amendment[];
	votes: Vote[];
	/** Seats waiting to speak, in order. */
	queue: SeatId[];
	speaker: { seat: SeatId; since: number } | null;
	/** Milliseconds each seat has held the floor, not counting the current turn. */
	floorTime: Record<SeatId, number>;
	poll: PollTally;
	/** Whether the treaty was signed; null until ratification or the end. */
	signed: boolean | null;
	/** How many actions have been applied: the sequence number of the last event. */
	seq: number;
}

/** What the engine needs besides state and action: time and the scenario, passed in. */
export interface Context {
	now: number;
	scenario: Scenario;
}

/** Facts an accepted action produced, for fan-out and logs; never secret. */
export type GameEvent =
	| { type: 'seatTaken'; seat: SeatId }
	| { type: 'phaseChanged'; phase: Phase }
	| { type: 'floorChanged'; clause: ClauseId | null }
	| { type: 'posted'; post: number }
	| { type: 'postHidden'; post: number }
	| { type: 'amendmentProposed'; amendment: number }
	| { type: 'voteOpened'; vote: number }
	| { type: 'voteCast'; vote: number }
	| { type: 'voteClosed'; vote: number; passed: boolean }
	| { type: 'timerChanged' }
	| { type: 'speakerChanged' }
	| { type: 'pollAnswered' }
	| { type: 'agendaChanged' };
