/**
 * What the "Run a game" form offers. The timer defaults and the optional roles mirror the shipped
 * scenario (seeds/scenarios/us-israel-pact.yaml: defaults.timers and the non-core roles); the
 * server checks every id and number again when the game is created.
 */
import type { TimerStep } from '$lib/game/types';
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

/** The core seats every table has besides the White House advisers. */
export const coreSeats = ['Ron Dermer (Strategic Affairs Minister)', 'IDF Chief of Staff (Herzi Halevi)', 'Mossad Director (David Barnea)'];

export const optionalRoles: { id: string; name: string; explain: string }[] = [
	{
		id: 'planning-directorate',
		name: 'Tal Kelman, IDF Planning Directorate',
		explain: 'The IDF’s head of planning: did not reject the proposal, will “thoroughly assess” it.'
	},
	{
		id: 'prime-minister',
		name: 'Benjamin Netanyahu, Prime Minister (chair)',
		explain: 'Chairs the table; once against a pact, he has pushed it for years.'
	},
	{ id: 'jinsa-advocate', name: 'JINSA advocate', explain: 'A Washington think tank that has promoted a defense treaty since 2019 (US side).' },
	{
		id: 'former-nsa',
		name: 'Jacob Nagel, former national security adviser',
		explain: 'Admires Dermer and disagrees with him on this pact (expert: turns neither key).'
	},
	{
		id: 'academic-expert',
		name: 'Eytan Gilboa, academic expert',
		explain: 'Knows the precedents; thinks the security chiefs are right (expert: turns neither key).'
	}
];

/** "5 min", "90 s", "1 min 30 s". */
export function minutes(seconds: number): string {
	if (seconds < 60) return `${seconds} s`;
	const m = Math.floor(seconds / 60);
	const s = seconds % 60;
	return s ? `${m} min ${s} s` : `${m} min`;
}

/** The seats a solo learner can play: the core seats, and on a larger table the optional roles too. */
export const soloSeats: { seat: string; label: string; optional: boolean }[] = [
	{ seat: 'dermer', label: 'Ron Dermer — Strategic Affairs Minister', optional: false },
	{ seat: 'idf-chief', label: 'Lt. Gen. Herzi Halevi — IDF Chief of Staff', optional: false },
	{ seat: 'mossad-director', label: 'David Barnea — Director of the Mossad', optional: false },
	{ seat: 'white-house-adviser-1', label: 'White House adviser — National Security Adviser', optional: false },
	{ seat: 'planning-directorate', label: 'Gen. Tal Kelman — IDF Planning Directorate', optional: true },
	{ seat: 'prime-minister', label: 'Benjamin Netanyahu — Prime Minister (chair)', optional: true },
	{ seat: 'jinsa-advocate', label: 'JINSA advocate', optional: true },
	{ seat: 'former-nsa', label: 'Jacob Nagel — former national security adviser', optional: true },
	{ seat: 'academic-expert', label: 'Eytan Gilboa — academic expert', optional: true }
];
