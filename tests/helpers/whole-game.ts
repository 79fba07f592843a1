/**
 * One scripted game of the shipped scenario, played from the lobby to the debrief over real
 * sockets, for the whole-game and secrecy tests. The script is the same under every voting rule
 * and ballot setting; what the table sees (results, tallies, names) is what the tests check.
 *
 *   lobby        every player takes a seat; a projector watches
 *   briefing     every player answers the opinion poll
 *   opening      three players play a card, one speaks without a card
 *   scope        arguments with and without cards; an amendment to "any armed attack" (rejected:
 *                the US side for, Israel against); an amendment to "Iran only" (adopted by all);
 *                the clause vote: Israel yes, the first US seat no, other US seats yes, experts
 *                abstain; the IDF chief first votes no, Dermer plays a card during the vote, and
 *                the chief changes to yes citing it
 *                where the clause vote fails (a required clause), it comes back on its next
 *                option, Dermer's draft, which everyone adopts
 *   activation   everyone yes but the experts, who abstain (a required clause cannot be skipped
 *                if the treaty is to be signed)
 *   freedom…     a card played, then everyone yes but the experts, who abstain
 *   reciprocity  a vote nobody casts a ballot in: all absent
 *   the rest     skipped one by one, which brings the table to ratification
 *   ratification everyone yes but the experts, who stay silent; the treaty is signed
 *   debrief      every player answers the poll again
 */
import type { CreateGame } from '../../src/lib/protocol/events';
import type { Side } from '../../src/lib/scenario/schema';
import { Table, untimed } from './table';

export interface Layout {
	name: string;
	seatCounts: Record<string, number>;
	/** The seats taken, with the side each is on. */
	seats: Record<string, Side>;
}

export const LAYOUTS: Layout[] = [
	{
		name: 'five players, two White House seats and a former NSA',
		seatCounts: { 'white-house-adviser': 2, 'former-nsa': 1 },
		seats: {
			dermer: 'israel',
			'idf-chief': 'israel',
			'white-house-adviser-1': 'us',
			'white-house-adviser-2': 'us',
			'former-nsa': 'expert'
		}
	},
	{
		name: 'six players, the Prime Minister and an academic expert',
		seatCounts: { 'prime-minister': 1, 'academic-expert': 1 },
		seats: {
			dermer: 'israel',
			'idf-chief': 'israel',
			'mossad-director': 'israel',
			'prime-minister': 'israel',
			'white-house-adviser-1': 'us',
			'academic-expert': 'expert'
		}
	}
];

/** Vote ids in the order the script opens them; the later ones depend on whether scope came back. */
export const VOTES = { rejectedAmendment: 1, adoptedAmendment: 2, scope: 3 } as const;
export interface LaterVotes {
	/** The scope clause again, on its next option, where its first vote failed. */
	scopeAgain: number | null;
	activation: number;
	freedom: number;
	reciprocity: number;
	ratification: number;
}

export const REASON = 'The minister’s card settles it: Iran is the threat.';

export interface PlayedGame {
	table: Table;
	layout: Layout;
	seats: string[];
	israel: string[];
	us: string[];
	experts: string[];
	/** The first US seat: votes against the scope clause. */
	dissenter: string;
	/** Each seat's hand as dealt at the start. */
	dealt: Record<string, string[]>;
	/** Cards played, in order, with who played them. */
	played: { seat: string; card: string }[];
	/** The card Dermer played between the IDF chief's two ballots on the scope clause. */
	evidence: string;
	poll: { before: Record<string, number>; after: Record<string, number> };
	votes: LaterVotes;
}

export async function playWholeGame(url: string, settings: Omit<CreateGame, 'seatCounts' | 'timers'>, layout: Layout): Promise<PlayedGame> {
	const seats = Object.keys(layout.seats);
	const bySide = (side: Side) => seats.filter((s) => layout.seats[s] === side);
	const israel = bySide('israel');
	const us = bySide('us');
	const experts = bySide('expert');
	const dissenter = us[0];
	const table = await Table.open(url, { ...settings, seatCounts: layout.seatCounts, timers: untimed }, seats);
	const p = table.players;
	const played: PlayedGame['played'] = [];
	/** Plays the first card of a seat's current hand; returns it. */
	const playCard = async (seat: string, extra: { variant?: string; stance?: 'for' | 'against'; text?: string } = {}) => {
		const card = (await table.seatView(seat)).you.hand[0];
		await table.act(p[seat], { type: 'postArgument', card, ...extra });
		played.push({ seat, card });
		return card;
	};
	const voteAll = async (choose: (seat: string) => 'yes' | 'no' | 'abstain' | null) => {
		for (const seat of seats) {
			const choice = choose(seat);
			if (choice) await table.act(p[seat], { type: 'castVote', choice });
		}
	};

	// Briefing: hands are dealt; every player answers the poll.
	await table.run('start');
	const dealt: Record<string, string[]> = {};
	for (const seat of seats) dealt[seat] = [...(await table.seatView(seat)).you.hand];
	const poll = { before: {} as Record<string, number>, after: {} as Record<string, number> };
	for (const [i, seat] of seats.entries()) {
		poll.before[seat] = i % 5;
		await table.act(p[seat], { type: 'answerPoll', answer: i % 5 });
	}

	// Opening statements: one card each for three players, words only for a fourth.
	await table.run('advance');
	await playCard('dermer', { variant: 'scope.existential', stance: 'for', text: 'Only what threatens our existence.' });
	await playCard('idf-chief');
	await playCard(dissenter, { text: 'We are not enthusiastic.' });
	await table.act(p[experts[0]], { type: 'postArgument', text: 'I have watched this idea since 2012.' });

	// Scope: arguments, two amendments, then the clause itself.
	await table.run('advance');
	await playCard('dermer', { stance: 'for', text: 'Narrow by design.' });
	await table.act(p[dissenter], { type: 'postArgument', stance: 'against', text: 'Allies mean any armed attack.' });
	await table.act(p[dissenter], { type: 'proposeAmendment', variant: 'scope.any-attack' });
	await table.run('openVote');
	await voteAll((s) => (layout.seats[s] === 'us' ? 'yes' : layout.seats[s] === 'israel' ? 'no' : 'abstain'));
	await table.run('closeVote');

	await table.act(p['idf-chief'], { type: 'proposeAmendment', variant: 'scope.iran-only' });
	await playCard('idf-chief', { variant: 'scope.iran-only', stance: 'for' });
	await table.run('openVote');
	await voteAll(() => 'yes');
	await table.run('closeVote');

	await table.run('openVote');
	await voteAll((s) => (s === 'idf-chief' || s === dissenter ? 'no' : layout.seats[s] === 'expert' ? 'abstain' : 'yes'));
	const evidence = await playCard('dermer', { stance: 'for', text: 'Iran is the threat this treaty is for.' });
	await table.act(p['idf-chief'], { type: 'castVote', choice: 'yes', reason: REASON, card: evidence });
	await table.run('closeVote');

	// A failed scope comes back on its next option, which everyone adopts.
	let vote = VOTES.scope;
	let scopeAgain: number | null = null;
	if (!('scope' in (await table.facilitatorView()).adopted)) {
		await table.run('openVote');
		await voteAll(() => 'yes');
		await table.run('closeVote');
		scopeAgain = ++vote;
	}

	// Activation passes as drafted; freedom of action is decided quickly.
	await table.run('advance');
	await table.run('openVote');
	await voteAll((s) => (layout.seats[s] === 'expert' ? 'abstain' : 'yes'));
	await table.run('closeVote');
	const activation = ++vote;
	await table.run('advance');
	await playCard(israel.at(-1)!, { stance: 'for' });
	await table.run('openVote');
	await voteAll((s) => (layout.seats[s] === 'expert' ? 'abstain' : 'yes'));
	await table.run('closeVote');
	const freedom = ++vote;

	// Reciprocity: the vote opens and closes with no ballot cast.
	await table.run('advance');
	await table.run('openVote');
	await table.run('closeVote');
	const reciprocity = ++vote;

	// The remaining clauses are skipped, which brings the table to ratification.
	await table.run('advance');
	while ((await table.facilitatorView()).phase === 'clauses') await table.run('skipClause');
	await table.run('openVote');
	await voteAll((s) => (layout.seats[s] === 'expert' ? null : 'yes'));
	await table.run('closeVote');
	const votes: LaterVotes = { scopeAgain, activation, freedom, reciprocity, ratification: ++vote };

	// Debrief: the poll again.
	for (const [i, seat] of seats.entries()) {
		poll.after[seat] = (i + 2) % 5;
		await table.act(p[seat], { type: 'answerPoll', answer: (i + 2) % 5 });
	}
	await table.settle();
	return { table, layout, seats, israel, us, experts, dissenter, dealt, played, evidence, poll, votes };
}
