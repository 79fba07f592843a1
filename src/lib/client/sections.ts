/**
 * The sections of a player's page, which a phone shows one at a time under a tab bar: what the
 * moment asks (the vote, the poll, the opening statement), the hand, the private brief, and the
 * table (who speaks, the arguments). A wide screen shows them side by side.
 */
import type { Phase } from '../game/types';
import { m } from '../i18n/paraglide/messages';

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
				{ id: 'now', label: m.section_poll() },
				{ id: 'brief', label: m.section_my_brief() },
				{ id: 'hand', label: m.section_my_hand() },
				{ id: 'table', label: m.section_speakers() }
			];
		case 'opening':
			return [
				{ id: 'now', label: m.section_speak() },
				{ id: 'hand', label: m.section_my_hand() },
				{ id: 'brief', label: m.section_my_brief() },
				{ id: 'table', label: m.section_debate() }
			];
		case 'clauses':
			return [
				{ id: 'now', label: m.section_vote() },
				{ id: 'hand', label: m.section_my_hand() },
				{ id: 'brief', label: m.section_my_brief() },
				{ id: 'table', label: m.section_debate() }
			];
		case 'ratification':
			return [
				{ id: 'now', label: m.section_vote() },
				{ id: 'brief', label: m.section_my_brief() },
				{ id: 'table', label: m.section_debate() }
			];
		default:
			return [];
	}
}
