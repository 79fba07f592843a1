/**
 * The balance targets a scenario's scripted play is held to: a treaty that is neither a formality
 * nor hopeless, every role worth playing, the drafter's text not a foregone conclusion, sceptics
 * who mean it, and no signed treaty silent on what it covers or what sets it off.
 */
import type { Scenario, VotingRule } from '../../src/lib/scenario/schema';
import type { GameRecord, Table } from './play';

export interface Check {
	target: string;
	measured: string;
	pass: boolean;
}

const pct = (part: number, whole: number) => (whole ? (100 * part) / whole : 0);
const show = (x: number) => `${x.toFixed(1)}%`;

export const SIGNED_RANGE: Record<VotingRule, [number, number]> = { 'dual-key': [35, 70], majority: [35, 70], consensus: [10, 100] };
export const MEAN_RANGE: [number, number] = [45, 70];
export const TOP_AT_LEAST = 5;
export const AS_DRAFTED_AT_MOST = 65;
export const VARIANT_AT_LEAST = 3;
export const SCEPTICS_REFUSE_AT_LEAST = 50;

/**
 * Whether the rule lets a text pass at this table at all. A role never votes for its red lines,
 * so red-line holders block a text when they can outvote everyone else: half a side's seats
 * under dual-key (the White House alone holds the US key), half the table under majority, any
 * one seat under consensus. Such a text is out of play there, and the adoption target skips it.
 */
export function canPass(scenario: Scenario, rule: VotingRule, seatCounts: Record<string, number>, variant: string): boolean {
	const seats = scenario.roles.flatMap((r) => Array.from({ length: seatCounts[r.id] ?? (r.core ? 1 : 0) }, () => r));
	const blocked = (group: typeof seats) => {
		const refusing = group.filter((r) => r.redLines.some((l) => l.variant === variant)).length;
		return group.length > 0 && refusing * 2 >= group.length;
	};
	if (rule === 'consensus') return !seats.some((r) => r.redLines.some((l) => l.variant === variant));
	if (rule === 'majority') return !blocked(seats);
	return !blocked(seats.filter((r) => r.side === 'israel')) && !blocked(seats.filter((r) => r.side === 'us'));
}

export function check(scenario: Scenario, table: Table, rule: VotingRule, games: GameRecord[]): Check[] {
	const { agenda, seatCounts } = table;
	const n = games.length;
	const checks: Check[] = [];
	const [lo, hi] = SIGNED_RANGE[rule];
	const signed = pct(games.filter((g) => g.signed).length, n);
	checks.push({ target: `treaty signed in ${lo}–${hi}% of games`, measured: show(signed), pass: signed >= lo && signed <= hi });

	const roles = [...new Set(games.flatMap((g) => Object.keys(g.scores)))];
	for (const role of roles) {
		const mean = games.reduce((s, g) => s + g.scores[role], 0) / n;
		checks.push({ target: `${role}: mean score ${MEAN_RANGE[0]}–${MEAN_RANGE[1]}`, measured: mean.toFixed(1), pass: mean >= MEAN_RANGE[0] && mean <= MEAN_RANGE[1] });
		const top = pct(games.filter((g) => g.top.includes(role)).length, n);
		checks.push({ target: `${role}: top score in ≥ ${TOP_AT_LEAST}% of games`, measured: show(top), pass: top >= TOP_AT_LEAST });
	}

	const adopted = games.reduce((s, g) => s + g.adopted.length, 0);
	const drafted = pct(games.reduce((s, g) => s + g.adoptedAsDrafted, 0), adopted);
	checks.push({ target: `text on the floor first adopted in ≤ ${AS_DRAFTED_AT_MOST}% of adopted clauses`, measured: show(drafted), pass: drafted <= AS_DRAFTED_AT_MOST });
	const debated = scenario.clauses.filter((c) => !agenda || agenda.includes(c.id));
	const rare = debated
		.flatMap((c) => c.variants.filter((v) => canPass(scenario, rule, seatCounts, v.id)))
		.map((v) => ({ id: v.id, share: pct(games.filter((g) => g.adopted.includes(v.id)).length, n) }))
		.sort((a, b) => a.share - b.share);
	const missing = rare.filter((v) => v.share < VARIANT_AT_LEAST);
	checks.push({
		target: `every variant the rule lets pass adopted in ≥ ${VARIANT_AT_LEAST}% of games`,
		measured: missing.length ? `${missing.length} below: ${missing.slice(0, 4).map((v) => `${v.id} ${show(v.share)}`).join(', ')}${missing.length > 4 ? ', …' : ''}` : `rarest ${rare[0]?.id} ${show(rare[0]?.share ?? 0)}`,
		pass: missing.length === 0
	});

	const sceptical = [...new Set(games.flatMap((g) => g.sceptics.map((s) => s.role)))];
	for (const role of sceptical) {
		const missed = games.flatMap((g) => g.sceptics.filter((s) => s.role === role));
		const refused = pct(missed.filter((s) => s.refused).length, missed.length);
		checks.push({
			target: `${role} votes against ratification in ≥ ${SCEPTICS_REFUSE_AT_LEAST}% of games missing its conditions`,
			measured: `${show(refused)} of ${missed.length}`,
			pass: refused >= SCEPTICS_REFUSE_AT_LEAST
		});
	}
	const silent = games.filter((g) => g.silentOnRequired).length;
	checks.push({ target: 'no signed treaty silent on a required clause', measured: `${silent} such treaties`, pass: silent === 0 });
	return checks;
}
