/**
 * Plays seeded games with a scripted role in every seat and the autopilot as facilitator, for
 * one table (which seats, which clauses, which voting rule), and gathers what the balance targets
 * are measured on.
 */
import { draftText } from '../../src/lib/game/agenda';
import { createGame } from '../../src/lib/game/engine';
import { playOut } from '../../src/lib/game/bots/table-bots';
import { buildSeats } from '../../src/lib/game/seats';
import { scoreRole, wantsSigned } from '../../src/lib/game/scoring';
import type { GameConfig, VariantId } from '../../src/lib/game/types';
import type { Scenario, VotingRule } from '../../src/lib/scenario/schema';

export interface Table {
	/** "default table", "four core seats", or a lesson plan's name. */
	name: string;
	seatCounts: Record<string, number>;
	/** The clauses debated; every clause when absent. */
	agenda?: string[];
}

/** The tables the targets are checked at: the default table, the four core seats, and each lesson plan at the default table. */
export function tables(scenario: Scenario): Table[] {
	const full: Record<string, number> = { 'white-house-adviser': 1 };
	for (const role of scenario.roles) if (!role.core) full[role.id] = 1;
	const core = { ...Object.fromEntries(scenario.roles.filter((r) => !r.core).map((r) => [r.id, 0])), 'white-house-adviser': 1 };
	return [
		{ name: 'default table', seatCounts: full },
		{ name: 'four core seats', seatCounts: core },
		...scenario.lessonPlans.filter((p) => p.clauses).map((p) => ({ name: p.name, seatCounts: full, agenda: p.clauses }))
	];
}

export interface GameRecord {
	signed: boolean;
	/** Whether the ratification vote was held (a treaty silent on a required clause never gets one). */
	ratified: boolean;
	scores: Record<string, number>;
	/** The roles with the top score (all of them, on a tie). */
	top: string[];
	adopted: VariantId[];
	/** Of the clauses adopted, those adopted in the text that opened on the floor. */
	adoptedAsDrafted: number;
	/** Per sceptical role, when its conditions were missed and ratification held: whether it voted no. */
	sceptics: { role: string; refused: boolean }[];
	silentOnRequired: boolean;
	actions: number;
}

export function playTable(scenario: Scenario, table: Table, rule: VotingRule, seed: number): GameRecord {
	const seats = buildSeats(scenario, { seatCounts: table.seatCounts });
	const config: GameConfig = {
		scenarioId: scenario.id,
		votingRule: rule,
		ballot: { tally: 'live', ballots: 'named' },
		seatCounts: table.seatCounts,
		timers: { briefing: null, opening: null, debate: null, vote: null },
		seed,
		botSeats: seats.map((s) => s.id),
		...(table.agenda ? { agenda: table.agenda } : {})
	};
	const { state, steps } = playOut(createGame(`SIM${seed}`, config, scenario), { now: 0, scenario });
	const roles = new Map(scenario.roles.map((r) => [r.id, r]));
	const scores: Record<string, number> = {};
	for (const seat of state.seats) scores[seat.roleId] = Math.max(scores[seat.roleId] ?? 0, scoreRole(roles.get(seat.roleId)!, state).score);
	const best = Math.max(...Object.values(scores));
	const ratification = state.votes.find((v) => v.kind === 'ratification');
	const adopted = Object.entries(state.adopted).filter((e): e is [string, VariantId] => e[1] !== null);
	const onFloor = (clauseId: string) => draftText(scenario.clauses.find((c) => c.id === clauseId)!);
	const sceptics = ratification
		? state.seats
				.filter((s) => roles.get(s.roleId)!.objectives.signing === 'against' && !wantsSigned(roles.get(s.roleId)!, state.adopted, state.agenda))
				.map((s) => ({ role: s.roleId, refused: ratification.ballots[s.id]?.choice === 'no' }))
		: [];
	return {
		signed: Boolean(state.signed),
		ratified: Boolean(ratification),
		scores,
		top: Object.keys(scores).filter((r) => scores[r] === best),
		adopted: adopted.map(([, v]) => v),
		adoptedAsDrafted: adopted.filter(([c, v]) => onFloor(c) === v).length,
		sceptics,
		silentOnRequired: Boolean(state.signed) && scenario.clauses.some((c) => c.required && !state.adopted[c.id]),
		actions: steps.length
	};
}
