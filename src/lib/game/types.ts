/**
 * The game's state, as the engine folds it from a room's accepted actions. Everything here is
 * plain data (JSON-safe) so a state can be stored, compared and replayed.
 */
import type { Action, Choice } from '../protocol/actions';
import type { BallotSetting, Scenario, Side, VotingRule } from '../scenario/schema';

export type { Action, Choice };
export type SeatId = string;
export type ClauseId = string;
export type VariantId = string;

/** Who is acting, as established by the server from the socket — never from a payload. */
export type Actor = { kind: 'facilitator' } | { kind: 'seat'; seat: SeatId } | { kind: 'guest' };

export type Phase = 'lobby' | 'clauses' | 'debrief';

/** Settings chosen when the game is created; they never change during play. */
export interface GameConfig {
	scenarioId: string;
	votingRule: VotingRule;
	ballot: BallotSetting;
	/** Seats per role id; a role missing here has its default (core roles 1, optional 0). */
	seatCounts: Record<string, number>;
	/** Seeds the game's random number generator so a game replays exactly. */
	seed: number;
}

export interface Seat {
	id: SeatId;
	roleId: string;
	/** The seat's portfolio within a multi-seat role, e.g. "Senate liaison". */
	portfolio: string | null;
	side: Side;
	/** The display name of the player holding the seat, null while the seat is free. */
	player: string | null;
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

export interface Vote {
	id: number;
	clauseId: ClauseId;
	/** The variant the vote would adopt. */
	variantId: VariantId;
	status: 'open' | 'closed';
	openedAt: number;
	closedAt: number | null;
	/** Each seat's current ballot. */
	ballots: Record<SeatId, Choice>;
	/** Every ballot cast, including changes of mind, in order. */
	history: { seat: SeatId; choice: Choice; at: number }[];
	result: VoteResult | null;
}

export interface GameState {
	code: string;
	config: GameConfig;
	phase: Phase;
	seats: Seat[];
	/** The order the clauses will be debated in. */
	agenda: ClauseId[];
	/** The clause under debate, if any. */
	floor: ClauseId | null;
	/** The variant adopted for each clause that has been decided. */
	adopted: Record<ClauseId, VariantId | null>;
	votes: Vote[];
	/** How many actions have been applied: the sequence number of the last event. */
	seq: number;
}

/** What the engine needs besides state and action: time and the scenario, passed in. */
export interface Context {
	now: number;
	scenario: Scenario;
}

/** Facts an accepted action produced, for fan-out and the debrief. */
export type GameEvent =
	| { type: 'seatTaken'; seat: SeatId; player: string }
	| { type: 'started' }
	| { type: 'voteOpened'; vote: number; clause: ClauseId; variant: VariantId }
	| { type: 'voteCast'; vote: number; seat: SeatId }
	| { type: 'voteClosed'; vote: number; passed: boolean };
