/**
 * What each kind of viewer may see of a game, computed at send time. This is the only road from
 * the state to a client: hands, objectives, briefs, secret ballots and hidden tallies are
 * filtered here and nowhere else.
 */
import type { Objectives, RedLine, Scenario, Side } from '../scenario/schema';
import type { BallotSetting, VotingRule } from '../scenario/schema';
import type { Choice, ClauseId, GameState, Phase, SeatId, VariantId, Vote, VoteResult } from './types';
import { count, type Counts } from './voting';

export interface PublicSeat {
	id: SeatId;
	roleId: string;
	roleName: string;
	title: string;
	portfolio: string | null;
	side: Side;
	description: string;
	player: string | null;
}

export interface ClauseView {
	id: ClauseId;
	title: string;
	question: string;
	variants: { id: VariantId; text: string; summary: string }[];
}

export interface VoteView {
	id: number;
	clauseId: ClauseId;
	variantId: VariantId;
	status: Vote['status'];
	/** How many seats have a ballot in: safe under every setting. */
	ballotsIn: number;
	/** Running counts; null while a hidden tally is still open. */
	counts: Counts | null;
	/** Who voted what; null under secret ballots, or while a hidden tally is open. */
	ballots: Record<SeatId, Choice> | null;
	result: VoteResult | null;
}

export interface TableView {
	code: string;
	phase: Phase;
	title: string;
	summary: string;
	votingRule: VotingRule;
	ballot: BallotSetting;
	seats: PublicSeat[];
	clauses: ClauseView[];
	floor: ClauseId | null;
	adopted: Record<ClauseId, VariantId | null>;
	votes: VoteView[];
	seq: number;
}

export interface YourSeat {
	seat: SeatId;
	brief: string;
	objectives: Objectives;
	redLines: RedLine[];
	/** Your ballot in the open vote, if you have cast one. */
	ballot: Choice | null;
}

export type SeatView = TableView & { as: 'seat'; you: YourSeat };
export type FacilitatorView = TableView & { as: 'facilitator'; notVoted: SeatId[] };
export type SpectatorView = TableView & { as: 'spectator' };
export type AnyView = SeatView | FacilitatorView | SpectatorView;

export function tableView(state: GameState, scenario: Scenario): TableView {
	const roles = new Map(scenario.roles.map((r) => [r.id, r]));
	const clauses = new Map(scenario.clauses.map((c) => [c.id, c]));
	return {
		code: state.code,
		phase: state.phase,
		title: scenario.title,
		summary: scenario.summary,
		votingRule: state.config.votingRule,
		ballot: state.config.ballot,
		seats: state.seats.map((s) => {
			const role = roles.get(s.roleId)!;
			return {
				id: s.id,
				roleId: s.roleId,
				roleName: role.name,
				title: role.title,
				portfolio: s.portfolio,
				side: s.side,
				description: role.description,
				player: s.player
			};
		}),
		clauses: state.agenda.map((id) => {
			const c = clauses.get(id)!;
			return { id, title: c.title, question: c.question, variants: c.variants.map(({ id, text, summary }) => ({ id, text, summary })) };
		}),
		floor: state.floor,
		adopted: state.adopted,
		votes: state.votes.map((v) => voteView(v, state)),
		seq: state.seq
	};
}

function voteView(vote: Vote, state: GameState): VoteView {
	const { tally, ballots } = state.config.ballot;
	const visible = vote.status === 'closed' || tally === 'live';
	return {
		id: vote.id,
		clauseId: vote.clauseId,
		variantId: vote.variantId,
		status: vote.status,
		ballotsIn: Object.keys(vote.ballots).length,
		counts: visible ? count(vote.ballots, state.seats) : null,
		ballots: visible && ballots === 'named' ? { ...vote.ballots } : null,
		result: vote.result
	};
}

export function seatView(state: GameState, seatId: SeatId, scenario: Scenario): SeatView {
	const seat = state.seats.find((s) => s.id === seatId);
	const role = scenario.roles.find((r) => r.id === seat?.roleId);
	if (!seat || !role) throw new Error(`no seat ${seatId}`);
	const open = state.votes.at(-1);
	return {
		...tableView(state, scenario),
		as: 'seat',
		you: {
			seat: seatId,
			brief: role.brief,
			objectives: role.objectives,
			redLines: role.redLines,
			ballot: open?.status === 'open' ? (open.ballots[seatId] ?? null) : null
		}
	};
}

export function facilitatorView(state: GameState, scenario: Scenario): FacilitatorView {
	const open = state.votes.at(-1);
	const notVoted =
		open?.status === 'open' ? state.seats.filter((s) => s.player !== null && !open.ballots[s.id]).map((s) => s.id) : [];
	return { ...tableView(state, scenario), as: 'facilitator', notVoted };
}

/** The projector and anyone watching without a seat. */
export function spectatorView(state: GameState, scenario: Scenario): SpectatorView {
	return { ...tableView(state, scenario), as: 'spectator' };
}
