/**
 * What a scripted role says: one sentence per vote, and its arguments, in the role's own voice
 * from the scenario. A reason names what is at stake for the role (one of its aims, as its brief
 * names them), quotes the card it rests on, briefly and attributed as the card is, and says who
 * moved the role when a player's card or argument changed its vote.
 */
import type { Scenario, TranslationLanguage, Voice } from '../../scenario/schema';
import type { InLanguages } from '../../scenario/texts';
import type { CardView } from '../view';
import type { VariantId } from '../types';
import { REASON_MAX } from '../../protocol/actions';

export type LineKind = Exclude<keyof Voice, 'aims'>;

/** The voice of a role whose scenario gives none: plain, and the same for every such role. */
export const PLAIN_VOICE: Voice = {
	aims: {},
	yes: ['This text gives me {aim}.'],
	no: ['I vote this down: I want {aim}.'],
	redLine: ['{aim} is my red line.'],
	noStake: ['This clause is not where my stake lies.'],
	givenUp: ['I no longer hold out for {aim}.'],
	sign: ['The treaty gives me {aim}, so I sign.'],
	refuse: ['The treaty misses {aim}, so I refuse.'],
	moved: ['{who} changed my mind.'],
	amend: ['I propose this for {aim}.'],
	answer: ['{who}, I still hold out for {aim}.'],
	standAside: ['I would rather have {aim}, but I will not block the table.'],
	heed: ['The other side objects, and the treaty needs them: I let go of {aim}.']
};

/** The voice a role's seats speak in. */
export const voiceOf = (scenario: Scenario, roleId: string): Voice => scenario.roles.find((r) => r.id === roleId)?.voice ?? PLAIN_VOICE;

/** The same voice in each of the scenario's translations that gives the role one: it says each line in all of them. */
export const voicesOf = (scenario: Scenario, roleId: string): InLanguages<Voice> =>
	Object.fromEntries(Object.entries(scenario.translations).flatMap(([language, t]) => (t.roles[roleId]?.voice ? [[language, t.roles[roleId].voice]] : [])));

type Language = TranslationLanguage | 'en';

/**
 * The few words a scripted role joins to its voice's lines, in each language its voices come in.
 * They stay here beside PLAIN_VOICE rather than in the pages' catalogues: the server says them,
 * and the catalogues' compiled code is made for pages (its runtime reads Vite's build flags).
 */
const JOINING_WORDS: Record<Language, { asReported: string; signedAtLast: string }> = {
	en: { asReported: 'as reported', signedAtLast: 'a treaty signed at last' },
	he: { asReported: 'לפי הדיווח', signedAtLast: 'אמנה שנחתמת סוף סוף' }
};

export interface Said {
	kind: LineKind;
	/** The variant whose aim the line names, if it names one. */
	aim?: VariantId;
	/** For {aim} when no variant is at stake: signing a treaty that gives the role none of its aims, for the signing itself. */
	signedAtLast?: true;
	/** Which wording: a role with several seats gives each seat its own. */
	wording: number;
	card?: CardView;
	/** The player who moved the role, for a vote that changed because of them. */
	movedBy?: string;
	/** For an answer: whose argument it answers. */
	who?: string;
}

/** The role's name for a variant; its summary when the voice has none. */
export const aimOf = (voice: Voice, variant: VariantId, summary: (v: VariantId) => string) =>
	voice.aims[variant] ?? summary(variant).replace(/\.$/, '').toLowerCase();

function line(voice: Voice, kind: LineKind, wording: number, fill: Record<string, string>): string {
	const wordings = voice[kind] ?? PLAIN_VOICE[kind]!;
	const text = wordings[wording % wordings.length].replace(/\{(\w+)\}/g, (_, key: string) => fill[key] ?? '');
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A short excerpt of the card's own text, in quotation marks and attributed as the card is: the
 * speaker for their own words, "as reported" for an article's narration. Null when even the
 * shortest excerpt would not fit in `room` characters.
 */
export function excerpt(card: CardView, room: number, language: Language = 'en'): string | null {
	const speaker = language === 'en' ? card.speaker : (card.in[language]?.speaker ?? card.speaker);
	const by = card.kind === 'own-words' && speaker ? ` (${speaker})` : ` (${JOINING_WORDS[language].asReported})`;
	// A quote that is itself a quotation loses its own marks: the excerpt brings its own.
	const full = card.quote.replace(/\s+/g, ' ').trim().replace(/^[“"‘']+|[”"’']+$/g, '');
	const words = full.split(' ');
	let taken = '';
	for (const word of words) {
		const next = taken ? `${taken} ${word}` : word;
		if (next.length + by.length + 3 > room) break;
		taken = next;
	}
	if (taken.split(' ').length < 4) return null;
	const cut = taken.length < full.length;
	return `“${taken.replace(/[,;:]$/, '')}${cut ? '…' : ''}”${by}`;
}

/** The sentence a role gives: its line, who moved it, then the card it rests on, within `max` characters. */
export function say(voice: Voice, said: Said, summary: (v: VariantId) => string, max = REASON_MAX, language: Language = 'en'): string {
	const aim = said.aim ? aimOf(voice, said.aim, summary) : said.signedAtLast ? JOINING_WORDS[language].signedAtLast : '';
	const fill = { aim, who: said.who ?? '' };
	let text = line(voice, said.kind, said.wording, fill);
	if (said.movedBy) text += ` ${line(voice, 'moved', said.wording, { who: said.movedBy })}`;
	if (text.length > max) return `${text.slice(0, max - 1).trimEnd()}…`;
	const quote = said.card ? excerpt(said.card, Math.min(max - text.length - 1, 90), language) : null;
	return quote ? `${text} ${quote}` : text;
}
