/** The one sentence a bot gives for each vote and argument, citing a card where it can. */
import type { CardView } from '../view';
import type { Choice } from '../types';
import { REASON_MAX } from '../../protocol/actions';

const fit = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/** "Yes: “Title” (Speaker) backs this text, and it serves my objectives." — at most 140 characters. */
export function voteReason(choice: Choice, card: CardView | undefined, what: string): string {
	const tail =
		choice === 'yes' ? `backs ${what}, which serves my objectives.` : choice === 'no' ? `warns against ${what}.` : `leaves me undecided on ${what}.`;
	if (!card) {
		const plain = choice === 'yes' ? `${what} serves my objectives.` : choice === 'no' ? `${what} works against my objectives.` : `I have no stake in ${what}.`;
		return fit(plain.charAt(0).toUpperCase() + plain.slice(1), REASON_MAX);
	}
	const lead = ` (${card.speaker ?? card.about ?? card.origin.name}) `;
	const room = REASON_MAX - lead.length - tail.length - 2;
	return `“${fit(card.title, Math.max(10, room))}”${lead}${tail}`.slice(0, REASON_MAX);
}

export function argumentText(stance: 'for' | 'against', summary: string): string {
	return stance === 'for' ? `I stand for this: ${summary}` : `I stand against this: ${summary}`;
}
