/**
 * The sections of a player's page, which a phone shows one at a time under a tab bar: what the
 * moment asks (the vote, the poll, the opening statement), the hand, the private brief, and the
 * table (who speaks, the arguments). A wide screen shows them side by side.
 */
import type { Phase } from '../game/types';

export type SectionId = 'now' | 'hand' | 'brief' | 'table';

export interface Section {
	id: SectionId;
	label: string;
}

/** The sections of a phase, in tab order; none in the lobby and the debrief, which are short. */
export function sectionsOf(phase: Phase): Section[] {
	switch (phase) {
		case 'briefing':
			return [
				{ id: 'now', label: 'Poll' },
				{ id: 'brief', label: 'My brief' },
				{ id: 'hand', label: 'My hand' },
				{ id: 'table', label: 'Speakers' }
			];
		case 'opening':
			return [
				{ id: 'now', label: 'Speak' },
				{ id: 'hand', label: 'My hand' },
				{ id: 'brief', label: 'My brief' },
				{ id: 'table', label: 'Debate' }
			];
		case 'clauses':
			return [
				{ id: 'now', label: 'Vote' },
				{ id: 'hand', label: 'My hand' },
				{ id: 'brief', label: 'My brief' },
				{ id: 'table', label: 'Debate' }
			];
		case 'ratification':
			return [
				{ id: 'now', label: 'Vote' },
				{ id: 'brief', label: 'My brief' },
				{ id: 'table', label: 'Debate' }
			];
		default:
			return [];
	}
}
