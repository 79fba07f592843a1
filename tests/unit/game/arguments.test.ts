import { playLimits } from '../../../src/lib/game/limits';
import { describe, expect, it } from 'vitest';
import { atFirstClause, attempt, facilitator, play, seat, seatedGame } from '../../helpers/game';
import { tinyScenario } from '../../helpers/tiny-scenario';

describe('arguments and cards', () => {
	it('plays a card from the hand onto the clause on the floor, for or against a variant, with text', () => {
		const floor = atFirstClause();
		const card = floor.hands.minister[0];
		const state = play(floor, [[seat('minister'), { type: 'postArgument', variant: 'scope.broad', stance: 'against', card, text: 'Too wide.' }]]);
		expect(state.posts[0]).toMatchObject({ kind: 'argument', seat: 'minister', clauseId: 'scope', variantId: 'scope.broad', stance: 'against', card, text: 'Too wide.' });
		expect(state.hands.minister).not.toContain(card);
		expect(attempt(state, seat('minister'), { type: 'postArgument', stance: 'for', card })).toMatchObject({ code: 'card_not_in_hand' });
	});

	it('argues about the floor variant by default, and needs a stance, and text or a card', () => {
		const floor = atFirstClause();
		expect(play(floor, [[seat('general'), { type: 'postArgument', stance: 'against', text: 'No.' }]]).posts[0].variantId).toBe('scope.narrow');
		expect(attempt(floor, seat('general'), { type: 'postArgument', text: 'No.' })).toMatchObject({ code: 'stance_missing' });
		expect(attempt(floor, seat('general'), { type: 'postArgument', stance: 'for' })).toMatchObject({ code: 'empty_argument' });
		expect(attempt(floor, seat('general'), { type: 'postArgument', stance: 'for', variant: 'term.indefinite', text: 'x' })).toMatchObject({
			code: 'variant_not_on_floor'
		});
		expect(attempt(floor, seat('general'), { type: 'postArgument', stance: 'for', card: 'minister-card' })).toMatchObject({
			code: 'card_not_in_hand'
		});
	});

	it('argues for or against signing any treaty at all, with a card, in the debate and the opening statements', () => {
		const floor = atFirstClause();
		const card = floor.hands.minister[0];
		const state = play(floor, [[seat('minister'), { type: 'postArgument', on: 'signing', stance: 'against', card }]]);
		expect(state.posts[0]).toMatchObject({ clauseId: 'scope', variantId: null, on: 'signing', stance: 'against', card });
		expect(attempt(floor, seat('minister'), { type: 'postArgument', on: 'signing', text: 'No pact.' })).toMatchObject({ code: 'stance_missing' });
		expect(attempt(floor, seat('minister'), { type: 'postArgument', on: 'signing', variant: 'scope.broad', stance: 'for', text: 'x' })).toMatchObject({
			code: 'bad_payload'
		});
		const opening = play(seatedGame(), [
			[facilitator, { type: 'advance' }],
			[seat('general'), { type: 'postArgument', on: 'signing', stance: 'for', text: 'Sign it.' }]
		]);
		expect(opening.posts[0]).toMatchObject({ kind: 'opening', clauseId: null, variantId: null, on: 'signing', stance: 'for' });
	});

	it('allows one card per role in the opening statements', () => {
		const opening = play(seatedGame(), [[facilitator, { type: 'advance' }]]);
		const [first, second] = opening.hands.general;
		const state = play(opening, [[seat('general'), { type: 'postArgument', card: first, text: 'Our doctrine.' }]]);
		expect(state.posts[0]).toMatchObject({ kind: 'opening', clauseId: null, variantId: null });
		expect(attempt(state, seat('general'), { type: 'postArgument', card: second })).toMatchObject({ code: 'opening_card_used' });
		expect(attempt(state, seat('general'), { type: 'postArgument', text: 'And another thing.' }).ok).toBe(true);
	});

	it('refuses arguments at the briefing', () => {
		expect(attempt(seatedGame(), seat('general'), { type: 'postArgument', text: 'Hi' })).toMatchObject({ code: 'wrong_phase' });
	});

	it('lets the facilitator inject a card to everyone as news, and hide a post', () => {
		const state = play(atFirstClause(), [[facilitator, { type: 'injectCard', card: 'card-two' }]]);
		expect(state.posts[0]).toMatchObject({ kind: 'news', seat: null, card: 'card-two', clauseId: 'scope' });
		expect(attempt(state, facilitator, { type: 'injectCard', card: 'nope' })).toMatchObject({ code: 'unknown_card' });
		expect(attempt(state, seat('minister'), { type: 'injectCard', card: 'card-two' })).toMatchObject({ code: 'not_facilitator' });
		expect(play(state, [[facilitator, { type: 'hidePost', post: 1 }]]).posts[0].hidden).toBe(true);
		expect(attempt(state, facilitator, { type: 'hidePost', post: 7 })).toMatchObject({ code: 'unknown_post' });
	});

	it('takes an injected card out of the hand that held it, so it cannot be played again as that seat’s own', () => {
		const start = atFirstClause();
		const [holder, hand] = Object.entries(start.hands).find(([, cards]) => cards.length > 0)!;
		const card = hand[0];
		const state = play(start, [[facilitator, { type: 'injectCard', card }]]);
		expect(state.hands[holder]).not.toContain(card);
		expect(state.hands[holder]).toHaveLength(hand.length - 1);
		expect(attempt(state, seat(holder), { type: 'postArgument', stance: 'for', text: 'Again', card })).toMatchObject({ ok: false });
	});

	it('caps the arguments one seat posts on a clause, saying how many are allowed; hidden ones count, other seats and clauses do not', () => {
		let state = atFirstClause();
		const post = (s: string) => attempt(state, seat(s), { type: 'postArgument', stance: 'for', text: 'Again and again.' });
		for (let i = 0; i < 4; i++) state = play(state, [[seat('minister'), { type: 'postArgument', stance: 'for', text: `Point ${i}` }]]);
		state = play(state, [[facilitator, { type: 'hidePost', post: 1 }]]);
		expect(post('minister')).toMatchObject({ ok: false, code: 'post_limit', message: expect.stringContaining('4 arguments on Scope') });
		expect(post('general').ok).toBe(true);
		// The next clause has room again.
		const next = play(state, [[facilitator, { type: 'skipClause' }]]);
		expect(next.floor?.clauseId).not.toBe('scope');
		expect(attempt(next, seat('minister'), { type: 'postArgument', stance: 'for', text: 'Fresh.' }).ok).toBe(true);
	});

	it('caps the opening statements too, at the number the scenario sets', () => {
		const scenario = { ...tinyScenario, defaults: { ...tinyScenario.defaults, postsPerSeatPerClause: 1 } };
		const opening = play(seatedGame({ limits: playLimits(scenario) }), [[facilitator, { type: 'advance' }]], scenario);
		const once = play(opening, [[seat('general'), { type: 'postArgument', text: 'Our doctrine.' }]], scenario);
		expect(attempt(once, seat('general'), { type: 'postArgument', text: 'And more.' }, 1000, scenario)).toMatchObject({
			code: 'post_limit',
			message: 'Each seat may post 1 argument in the opening statements; you have made yours.'
		});
	});

	it('binds only games made with it: a game from before the cap replays every post it logged', () => {
		let state = atFirstClause({ limits: undefined });
		for (let i = 0; i < 6; i++) state = play(state, [[seat('minister'), { type: 'postArgument', stance: 'for', text: `Point ${i}` }]]);
		expect(state.posts.filter((p) => p.seat === 'minister')).toHaveLength(6);
	});
});
