/**
 * What the "Run a game" form offers. The timer defaults mirror the shipped scenario
 * (seeds/scenarios/us-israel-pact.yaml: defaults.timers); the roles come from the scenario the
 * server plays, so what the form says of a real person is what the scenario says, cited. The
 * server checks every id and number again when the game is created.
 */
import type { TimerStep } from '$lib/game/types';
import type { RoleSummary } from '$lib/scenario/reference';
import type { VotingRule } from '$lib/scenario/schema';

export const votingRules: { value: VotingRule; label: string; explain: string }[] = [
	{
		value: 'dual-key',
		label: 'Dual-key',
		explain: 'A clause passes only with a majority on the Israeli side and a majority on the US side: both governments must agree.'
	},
	{ value: 'majority', label: 'Simple majority', explain: 'More yes than no among the votes cast; abstentions count for neither.' },
	{ value: 'consensus', label: 'Consensus', explain: 'At least one yes and nobody voting no.' }
];

export const timerSteps: { step: TimerStep; label: string; explain: string; default: number; choices: number[] }[] = [
	{ step: 'briefing', label: 'Briefing', explain: 'Reading the private brief and hand', default: 300, choices: [120, 180, 300, 480, 600] },
	{ step: 'opening', label: 'Opening statements', explain: 'One statement per role', default: 120, choices: [60, 120, 180, 300] },
	{ step: 'debate', label: 'Debate, per clause', explain: 'Arguments before each vote opens', default: 240, choices: [120, 180, 240, 300, 480] },
	{ step: 'vote', label: 'Vote', explain: 'Then seats that have not voted abstain', default: 90, choices: [30, 60, 90, 120, 180] }
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

/** "5 min", "90 s", "1 min 30 s". */
export function minutes(seconds: number): string {
	if (seconds < 60) return `${seconds} s`;
	const m = Math.floor(seconds / 60);
	const s = seconds % 60;
	return s ? `${m} min ${s} s` : `${m} min`;
}

/** The hands-free pace's countdowns, in seconds: long enough to read a result aloud, short enough to keep a lesson moving. */
export const HANDS_FREE = { lastCallSeconds: 10, resultSeconds: 15 } as const;
