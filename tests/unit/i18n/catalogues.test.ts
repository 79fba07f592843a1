/**
 * The message catalogues: every message in both languages, with the same inputs; every refusal code
 * worded; and no words left in the markup of the pages and components already moved to the
 * catalogues (CONVERTED below — the rest of src/ still awaits its turn).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../../src/lib/protocol/errors';
import { refusalText } from '../../../src/lib/i18n/refusals';
import { overwriteGetLocale, type Locale } from '../../../src/lib/i18n/paraglide/runtime';

const root = join(import.meta.dirname, '../../..');
type Catalogue = Record<string, unknown>;
const catalogue = (locale: string): Catalogue => {
	const { $schema: _, ...messages } = JSON.parse(readFileSync(join(root, `src/lib/i18n/messages/${locale}.json`), 'utf8'));
	return messages;
};
const en = catalogue('en');
const he = catalogue('he');

/** The inputs a message names: the {placeholders} of a plain one, the declared inputs of one with variants. */
function inputsOf(message: unknown): string[] {
	if (typeof message === 'string') return [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
	const [first] = message as { declarations?: string[] }[];
	return (first.declarations ?? []).filter((d) => d.startsWith('input ')).map((d) => d.slice('input '.length).trim()).sort();
}

describe('the catalogues', () => {
	it('have every message in both English and Hebrew', () => {
		expect(Object.keys(he).filter((k) => !(k in en)), 'in Hebrew only').toEqual([]);
		expect(Object.keys(en).filter((k) => !(k in he)), 'in English only').toEqual([]);
	});

	it('give each message the same inputs in both languages', () => {
		const differing = Object.keys(en).filter((k) => k in he && inputsOf(en[k]).join() !== inputsOf(he[k]).join());
		expect(differing).toEqual([]);
	});

	it('leave no message empty', () => {
		const empty = [...Object.entries(en), ...Object.entries(he)].filter(([, v]) => typeof v === 'string' && !v.trim());
		expect(empty.map(([k]) => k)).toEqual([]);
	});
});

describe('refusals', () => {
	for (const locale of ['en', 'he'] as Locale[]) {
		it(`are worded for every code, in ${locale}`, () => {
			overwriteGetLocale(() => locale);
			for (const code of errorCodes) {
				const text = refusalText({ code, params: { code: 'ABC234', name: 'Maya', player: 'Maya', limit: 2, seconds: 3, opening: 'no' } });
				expect(text, code).toMatch(locale === 'he' ? /[\u0590-\u05FF]/ : /[a-z]/);
				expect(text, code).not.toMatch(/undefined|NaN|\{\w+\}/);
			}
		});
	}

	it('name what the player needs named', () => {
		overwriteGetLocale(() => 'he');
		expect(refusalText({ code: 'name_taken', params: { name: 'Maya' } })).toContain('"Maya"');
		overwriteGetLocale(() => 'en');
		expect(refusalText({ code: 'unknown_room', params: { code: 'ZZZZZZ' } })).toContain('There is no game with the code ZZZZZZ');
		// A deleted room says who deleted it, or how long games are kept.
		expect(refusalText({ code: 'unknown_room', params: { code: 'ZZZZZZ', deleted: 'by-facilitator' } })).toContain('deleted by its facilitator');
		expect(refusalText({ code: 'unknown_room', params: { code: 'ZZZZZZ', deleted: 'expired', days: 30 } })).toContain('kept for 30 days');
	});
});

/** The .svelte files whose every visible word already comes from the catalogues. */
const CONVERTED = [
	'src/routes/+layout.svelte',
	'src/routes/+page.svelte',
	'src/routes/console/[classId]/+page.svelte',
	'src/routes/debrief/[code]/+page.svelte',
	'src/routes/facilitate/[code]/+page.svelte',
	'src/routes/guide/+page.svelte',
	'src/routes/guide/GameQuestions.svelte',
	'src/routes/play/[code]/+page.svelte',
	'src/routes/play/[code]/Amendment.svelte',
	'src/routes/play/[code]/ArgumentForm.svelte',
	'src/routes/play/[code]/Brief.svelte',
	'src/routes/play/[code]/Coaching.svelte',
	'src/routes/play/[code]/Debrief.svelte',
	'src/routes/play/[code]/Hand.svelte',
	'src/routes/play/[code]/Objectives.svelte',
	'src/routes/play/[code]/Poll.svelte',
	'src/routes/play/[code]/Seated.svelte',
	'src/routes/play/[code]/SectionTabs.svelte',
	'src/routes/play/[code]/VoteCall.svelte',
	'src/routes/play/[code]/VotePanel.svelte',
	'src/routes/projector/[code]/+page.svelte',
	'src/routes/sources/[seed]/+page.svelte',
	'src/lib/components/Ballot.svelte',
	'src/lib/components/BriefingCard.svelte',
	'src/lib/components/CannotOpen.svelte',
	'src/lib/components/EnglishOnlyNotice.svelte',
	'src/lib/components/ConnectionBadge.svelte',
	'src/lib/components/Feed.svelte',
	'src/lib/components/FloorClause.svelte',
	'src/lib/components/Isolated.svelte',
	'src/lib/components/JoinHint.svelte',
	'src/lib/components/LanguageSwitch.svelte',
	'src/lib/components/PendingAmendment.svelte',
	'src/lib/components/PhaseBar.svelte',
	'src/lib/components/QrCode.svelte',
	'src/lib/components/ScoreTable.svelte',
	'src/lib/components/SeatPicker.svelte',
	'src/lib/components/SoloControls.svelte',
	'src/lib/components/SpeakerQueue.svelte',
	'src/lib/components/Tally.svelte',
	'src/lib/components/Timer.svelte',
	'src/lib/components/TreatySoFar.svelte',
	'src/lib/components/TreatyText.svelte',
	'src/lib/components/console/AgendaEditor.svelte',
	'src/lib/components/console/CardInjector.svelte',
	'src/lib/components/console/ClauseOrder.svelte',
	'src/lib/components/console/ConfirmButton.svelte',
	'src/lib/components/console/SeatManager.svelte',
	'src/lib/components/console/TableCard.svelte',
	'src/lib/components/console/TableControls.svelte',
	'src/lib/components/debrief/BotReasons.svelte',
	'src/lib/components/debrief/Citations.svelte',
	'src/lib/components/debrief/DiscussionQuestions.svelte',
	'src/lib/components/debrief/FloorTime.svelte',
	'src/lib/components/debrief/Handout.svelte',
	'src/lib/components/debrief/Influences.svelte',
	'src/lib/components/debrief/OpinionChart.svelte',
	'src/lib/components/debrief/VoteChart.svelte',
	'src/lib/components/reference/CitedText.svelte',
	'src/lib/components/reference/Glossary.svelte',
	'src/lib/components/reference/GlossaryTerm.svelte',
	'src/lib/components/reference/Term.svelte',
	'src/lib/components/reference/Timeline.svelte'
];
/** Attributes a reader sees or hears. */
const SHOWN_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description']);
/** The game's name and its settings' names, the same in every language. */
const NAMES = new Set(['Pact', 'Room', 'Pact Room', 'PUBLIC_URL']);

/** Every run of words written into a component's markup rather than taken from a catalogue. */
function literalWords(source: string): string[] {
	const found: string[] = [];
	const visit = (node: unknown, attribute: string | null): void => {
		if (!node || typeof node !== 'object') return;
		if (Array.isArray(node)) return node.forEach((n) => visit(n, attribute));
		const n = node as { type?: string; data?: string; name?: string; value?: unknown };
		if (n.type === 'Text' && (attribute === null || SHOWN_ATTRIBUTES.has(attribute))) {
			const words = (n.data ?? '').trim();
			if (/\p{L}{2,}/u.test(words) && !NAMES.has(words)) found.push(words);
			return;
		}
		// Scripts and styles hold code, not words a reader sees.
		if (n.type === 'Script' || n.type === 'StyleSheet' || n.type === 'ExpressionTag') return;
		const inAttribute = n.type === 'Attribute' ? (n.name ?? null) : attribute;
		for (const [key, value] of Object.entries(n)) if (key !== 'parent' && key !== 'metadata') visit(value, inAttribute);
	};
	visit(parse(source, { modern: true }).fragment, null);
	return found;
}

describe('the converted pages and components', () => {
	for (const file of CONVERTED) {
		it(`write no words of their own: ${file}`, () => {
			expect(literalWords(readFileSync(join(root, file), 'utf8'))).toEqual([]);
		});
	}

	it('are told from an unconverted one', () => {
		expect(literalWords('<p class="x">Take a seat</p><button aria-label="Close">{m.x()}</button><i>{name}</i>')).toEqual(['Take a seat', 'Close']);
	});
});
