/**
 * The checks that keep the scenario traceable, one broken copy of the shipped file each: a
 * sentence marked as sourced with no verbatim passage, a card kind its passage contradicts, a
 * card without a dated source record, a term missing from the glossary, a variant without
 * evidence or a reason.
 */
import { describe, expect, it } from 'vitest';
import { errorsAfter, shippedRaw } from './fixtures';

const card = (raw: any, id: string): number => raw.cards.findIndex((c: { id: string }) => c.id === id);
const role = (raw: any, id: string): number => raw.roles.findIndex((r: { id: string }) => r.id === id);

describe('a scenario whose claims cannot be traced', () => {
	it('refuses a brief sentence marked as resting on a passage that is not there', () => {
		let i = -1;
		const errors = errorsAfter((raw) => {
			i = role(raw, 'dermer');
			raw.roles[i].brief = raw.roles[i].brief.replace('[nagel-2012]', '[nagel-2021]');
		});
		expect(errors).toEqual([
			expect.objectContaining({
				path: `roles[${i}].brief`,
				message: expect.stringContaining('is marked as resting on "nagel-2021", but there is no passage "nagel-2021" under "basis"'),
				hint: expect.stringContaining('did you mean "nagel-2012"?')
			})
		]);
	});

	it('refuses a basis passage that is not word for word in its seed', () => {
		const errors = errorsAfter((raw) => {
			raw.basis['advisers-cool'].passage = raw.basis['advisers-cool'].passage.replace('did not express enthusiasm', 'opposed');
		});
		expect(errors).toEqual([expect.objectContaining({ path: 'basis["advisers-cool"].passage', message: expect.stringContaining('not word for word in 000_6c2eec980ca2c237.txt') })]);
	});

	it('refuses a paragraph that does not say what it rests on', () => {
		let i = -1;
		const errors = errorsAfter((raw) => {
			i = role(raw, 'prime-minister');
			raw.roles[i].brief += '\n\nHe is right.';
		});
		expect(errors).toEqual([
			expect.objectContaining({
				path: `roles[${i}].brief`,
				message: expect.stringContaining('(«He is right.») ends without a marker'),
				hint: expect.stringContaining('[game]')
			})
		]);
	});

	it('refuses a red line’s reason that does not say what it rests on', () => {
		let i = -1;
		const errors = errorsAfter((raw) => {
			i = role(raw, 'mossad-director');
			raw.roles[i].redLines[0].why = 'Israel’s nuclear capabilities are its most closely guarded secret; no pact is worth disclosing them.';
		});
		expect(errors).toEqual([
			expect.objectContaining({
				path: `roles[${i}].redLines[0].why`,
				message: expect.stringContaining(`paragraph 1 of red line 1's reason of "mossad-director" («Israel’s nuclear capabilities`),
				hint: expect.stringContaining('[game]')
			})
		]);
	});

	it('refuses a reporter’s paraphrase shown as the person’s own words', () => {
		let i = -1;
		const errors = errorsAfter((raw) => {
			i = card(raw, 'temporary-in-1991');
			raw.cards[i].kind = 'own-words';
			raw.cards[i].speaker = raw.cards[i].about;
			delete raw.cards[i].about;
		});
		expect(errors).toEqual([
			expect.objectContaining({
				path: `cards[${i}].kind`,
				message: 'card "temporary-in-1991" is marked "own-words" of Eytan Gilboa, but the passage names "Gilboa" in the third person, so it is the article speaking about them',
				hint: expect.stringContaining('set "kind: reported"')
			})
		]);
	});

	it('refuses narration around a few quoted words shown as own words', () => {
		let i = -1;
		const errors = errorsAfter((raw) => {
			i = card(raw, 'gantz-limit-idf');
			raw.cards[i].kind = 'own-words';
			raw.cards[i].speaker = 'Benny Gantz';
			delete raw.cards[i].about;
		});
		expect(errors).toEqual([expect.objectContaining({ path: `cards[${i}].kind`, message: expect.stringMatching(/only \d+ of its \d+ letters are inside quotation marks/) })]);
	});

	it('refuses a reported card that names a speaker as if quoting them', () => {
		let i = -1;
		const errors = errorsAfter((raw) => {
			i = card(raw, 'already-close');
			raw.cards[i].speaker = raw.cards[i].about;
			delete raw.cards[i].about;
		});
		expect(errors).toEqual([expect.objectContaining({ path: `cards[${i}].speaker`, hint: expect.stringContaining('rename "speaker:" to "about:"') })]);
	});

	it('refuses a card whose seed has no source record, so no date', () => {
		const errors = errorsAfter((raw) => {
			raw.sources = raw.sources.filter((s: { seed: string }) => s.seed !== '002_91887b83754e7ec5.txt');
		});
		const cards = shippedRaw().cards.filter((c: { source: string }) => c.source === '002_91887b83754e7ec5.txt').length;
		const onCards = errors.filter((e) => /^cards\[\d+\]\.source$/.test(e.path));
		expect(onCards).toHaveLength(cards);
		expect(onCards[0].message).toContain('which has no record under "sources", so nobody can tell when it was reported');
		expect(onCards[0].hint).toContain('add a record under "sources" with "seed: 002_91887b83754e7ec5.txt"');
	});

	it('refuses an outlet the seed’s text does not show', () => {
		const errors = errorsAfter((raw) => {
			raw.sources[2].outlet = 'Haaretz';
		});
		expect(errors).toEqual([
			expect.objectContaining({ path: 'sources[2].outlet', message: 'the outlet "Haaretz" does not appear in 002_91887b83754e7ec5.txt' })
		]);
	});

	it('refuses a term used in a clause but missing from the glossary', () => {
		const errors = errorsAfter((raw) => {
			raw.glossary = raw.glossary.filter((g: { term: string }) => g.term !== 'MoU');
		});
		expect(errors.map((e) => e.path)).toContain('clauses[7].question');
		expect(errors.find((e) => e.path === 'clauses[7].question')).toMatchObject({
			message: '"MoU" is a term a student may not know, and the glossary has no entry for it',
			hint: expect.stringContaining('add a glossary entry with "term: MoU"')
		});
	});

	it('refuses a variant argued by fewer than two cards with no reason given', () => {
		const errors = errorsAfter((raw) => {
			delete raw.clauses[10].variants[1].unargued;
		});
		expect(errors).toEqual([
			expect.objectContaining({
				path: 'clauses[10].variants[1]',
				message: 'variant "term.ten-years" is argued by 1 card(s) (security-for-centuries), fewer than 2',
				hint: expect.stringContaining('under "unargued:"')
			})
		]);
	});

	it('refuses a timeline entry out of order or resting on nothing', () => {
		const errors = errorsAfter((raw) => {
			raw.timeline[1].year = 1970;
			raw.timeline[2].basis = ['no-such-passage'];
		});
		expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(['timeline[1].year', 'timeline[2].basis[0]']));
	});
});
