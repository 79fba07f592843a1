/**
 * What the "Run a game" form offers. The timer defaults mirror the shipped scenario
 * (seeds/scenarios/us-israel-pact.yaml: defaults.timers); the roles come from the scenario the
 * server plays, so what the form says of a real person is what the scenario says, cited. The
 * server checks every id and number again when the game is created.
 */
import type { TimerStep } from '$lib/game/types';
import type { RoleSummary } from '$lib/scenario/reference';
import type { VotingRule } from '$lib/scenario/schema';
import { m } from '$lib/i18n/paraglide/messages';

// Labels are getters, so each reading is in the page's language.

export const votingRules: { value: VotingRule; label: string; explain: string }[] = [
	{
		value: 'dual-key',
		get label() {
			return m.rule_dual_key();
		},
		get explain() {
			return m.rule_dual_key_explain();
		}
	},
	{
		value: 'majority',
		get label() {
			return m.rule_majority();
		},
		get explain() {
			return m.rule_majority_explain();
		}
	},
	{
		value: 'consensus',
		get label() {
			return m.rule_consensus();
		},
		get explain() {
			return m.rule_consensus_explain();
		}
	}
];

/** A step's timer choices, its words read in the page's language. */
function timerStep(step: TimerStep, label: () => string, explain: () => string, suggested: number, choices: number[]) {
	return {
		step,
		get label() {
			return label();
		},
		get explain() {
			return explain();
		},
		default: suggested,
		choices
	};
}

export const timerSteps: { step: TimerStep; label: string; explain: string; default: number; choices: number[] }[] = [
	timerStep('briefing', m.step_briefing, m.step_briefing_explain, 300, [120, 180, 300, 480, 600]),
	timerStep('opening', m.step_opening, m.step_opening_explain, 120, [60, 120, 180, 300]),
	timerStep('debate', m.step_debate, m.step_debate_explain, 240, [120, 180, 240, 300, 480]),
	timerStep('vote', m.step_vote, m.step_vote_explain, 90, [30, 60, 90, 120, 180])
];

/** The roles every table seats, and those a larger table may add: as the scenario has them. */
export const coreRoles = (roles: readonly RoleSummary[]) => roles.filter((r) => r.core);
export const optionalRoles = (roles: readonly RoleSummary[]) => roles.filter((r) => !r.core);

/** The seats a solo learner can play: the first seat of each core role, and on a larger table the optional roles too. */
export function soloSeats(roles: readonly RoleSummary[]): { seat: string; label: string; optional: boolean }[] {
	return roles.map((role) => {
		const several = role.seats.max > 1;
		const title = several ? (role.portfolios?.[0] ?? role.title) : role.title;
		return { seat: several ? `${role.id}-1` : role.id, label: `${role.name} — ${title}`, optional: !role.core };
	});
}

/** "5 min", "90 s", "1 min 30 s", in the page's language. */
export function minutes(seconds: number): string {
	if (seconds < 60) return m.duration_seconds({ seconds });
	const whole = Math.floor(seconds / 60);
	const rest = seconds % 60;
	return rest ? m.duration_minutes_seconds({ minutes: whole, seconds: rest }) : m.duration_minutes({ minutes: whole });
}

/** The hands-free pace's countdowns, in seconds: long enough to read a result aloud, short enough to keep a lesson moving. */
export const HANDS_FREE = { lastCallSeconds: 10, resultSeconds: 15 } as const;
