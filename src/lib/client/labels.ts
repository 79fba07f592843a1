/**
 * Small lookups that turn the ids in a view into words a player reads: seats, variants, clauses,
 * phases, vote kinds, who a card quotes or reports on, durations.
 */
import type { CardView, ClauseView, PublicSeat, TableView, VoteView } from '../game/view';
import type { Choice, Countdown, Phase, TimerStep, VoteKind } from '../game/types';
import { paragraphsOf, withoutMarkers } from '../scenario/citations';
import type { Side, SigningStance } from '../scenario/schema';
import { m } from '../i18n/paraglide/messages';
import { mark, plain } from '../i18n/isolate';

// The word lists below are read through getters, so each reading is in the page's language.

/** The six phases in order, with the words the phase bar shows. */
export const phaseNames: Record<Phase, string> = {
	get lobby() {
		return m.phase_lobby();
	},
	get briefing() {
		return m.phase_briefing();
	},
	get opening() {
		return m.phase_opening();
	},
	get clauses() {
		return m.phase_clauses();
	},
	get ratification() {
		return m.phase_ratification();
	},
	get debrief() {
		return m.phase_debrief();
	}
};
export const phaseOrder: Phase[] = ['lobby', 'briefing', 'opening', 'clauses', 'ratification', 'debrief'];

export const timerStepNames: Record<TimerStep | Countdown, string> = {
	get briefing() {
		return m.timer_briefing();
	},
	get opening() {
		return m.timer_opening();
	},
	get debate() {
		return m.timer_debate();
	},
	get vote() {
		return m.timer_vote();
	},
	get lastCall() {
		return m.timer_last_call();
	},
	get result() {
		return m.timer_result();
	}
};

/** Under the dual-key rule, whether each side agreed (had more yes than no votes), in plain words. */
export function sidesAgreed(keys: { israel: boolean; us: boolean }): string {
	const said = (agreed: boolean) => (agreed ? m.side_agreed() : m.side_did_not_agree());
	return m.sides_agreed({ israel: said(keys.israel), us: said(keys.us) });
}

export const choiceNames: Record<Choice, string> = {
	get yes() {
		return m.choice_yes();
	},
	get no() {
		return m.choice_no();
	},
	get abstain() {
		return m.choice_abstain();
	}
};

export const sideNames: Record<Side, string> = {
	get israel() {
		return m.side_israel();
	},
	get us() {
		return m.side_us();
	},
	get expert() {
		return m.side_expert();
	}
};
/** The side in a full phrase, for descriptions and screen readers. */
export const sideLongNames: Record<Side, string> = {
	get israel() {
		return m.side_long_israel();
	},
	get us() {
		return m.side_long_us();
	},
	get expert() {
		return m.side_long_expert();
	}
};

export const signingNames: Record<SigningStance, string> = {
	get for() {
		return m.signing_for();
	},
	get against() {
		return m.signing_against();
	},
	get open() {
		return m.signing_open();
	}
};

/** The stance on signing in two words, for tables. */
export const signingShort: Record<SigningStance, string> = {
	get for() {
		return m.signing_short_for();
	},
	get against() {
		return m.signing_short_against();
	},
	get open() {
		return m.signing_short_open();
	}
};

/**
 * Whose words a card shows, and where and when they were reported: "Eytan Gilboa, in Zenger
 * News (September 2023)" for own words; "Reported in “…” (February 2021), about Defense
 * officials" for the article's narration, which is never shown as the person's quote.
 */
/**
 * An article as a page names it: its outlet or headline, or an untitled report by its file name.
 * `apart` marks the name or file name, for a page that sets it apart inside a sentence (isolate.ts).
 */
export const articleName = (name: string | null, seed: string, apart: (words: string) => string = (words) => words): string =>
	name !== null ? apart(name) : m.source_untitled({ seed: apart(seed) });

/**
 * Whose words a card is and where they were reported, with the names and the article's title
 * marked (isolate.ts): an English headline or file name inside a Hebrew line keeps its own
 * direction. Show it with Isolated.svelte, or as plain text through plainAttribution.
 */
export function attribution(card: Pick<CardView, 'kind' | 'speaker' | 'about' | 'origin'>): string {
	const where = { source: articleName(card.origin.name, card.origin.seed, mark), period: card.origin.period };
	if (card.kind === 'own-words') return m.card_own_words({ speaker: mark(card.speaker ?? ''), ...where });
	return card.about ? m.card_reported_about({ ...where, about: mark(card.about) }) : m.card_reported(where);
}

export const plainAttribution = (card: Pick<CardView, 'kind' | 'speaker' | 'about' | 'origin'>): string => plain(attribution(card));

/** Who a card is by or about, in a few words, for lists: "Eytan Gilboa", "report on Defense officials". */
export function cardWho(card: Pick<CardView, 'kind' | 'speaker' | 'about'>): string {
	if (card.kind === 'own-words') return card.speaker ?? '';
	return card.about ? m.card_report_on({ about: card.about }) : m.card_report();
}

/** A seat's role as the table knows it: "White House adviser — Senate liaison". */
export function roleLabel(seat: Pick<PublicSeat, 'roleName' | 'portfolio'>): string {
	return seat.portfolio ? `${seat.roleName} — ${seat.portfolio}` : seat.roleName;
}

export function seatOf(view: Pick<TableView, 'seats'>, seatId: string | null | undefined): PublicSeat | undefined {
	return seatId ? view.seats.find((s) => s.id === seatId) : undefined;
}

/** "Maya (Ron Dermer)", or the role alone while nobody holds the seat. */
export function seatName(view: Pick<TableView, 'seats'>, seatId: string | null | undefined): string {
	const seat = seatOf(view, seatId);
	if (!seat) return seatId ?? m.seat_unknown();
	return seat.player ? `${seat.player} (${roleLabel(seat)})` : roleLabel(seat);
}

export function clauseOf(view: Pick<TableView, 'clauses'>, clauseId: string | null | undefined): ClauseView | undefined {
	return clauseId ? view.clauses.find((c) => c.id === clauseId) : undefined;
}

/** The clause a variant belongs to, and the variant itself. */
export function variantOf(
	view: Pick<TableView, 'clauses'>,
	variantId: string | null | undefined
): { clause: ClauseView; variant: ClauseView['variants'][number] } | undefined {
	if (!variantId) return undefined;
	for (const clause of view.clauses) {
		const variant = clause.variants.find((v) => v.id === variantId);
		if (variant) return { clause, variant };
	}
	return undefined;
}

/** A variant in plain words: its one-line summary. */
export function variantSummary(view: Pick<TableView, 'clauses'>, variantId: string | null | undefined): string {
	return variantOf(view, variantId)?.variant.summary ?? variantId ?? '';
}

/** A variant with its clause: "Scope: Only attacks or nuclear threats from Iran count." */
export function variantLabel(view: Pick<TableView, 'clauses'>, variantId: string | null | undefined): string {
	const found = variantOf(view, variantId);
	return found ? `${found.clause.title}: ${found.variant.summary}` : (variantId ?? '');
}

export const voteKindNames: Record<VoteKind, string> = {
	get amendment() {
		return m.vote_kind_amendment();
	},
	get clause() {
		return m.vote_kind_clause();
	},
	get ratification() {
		return m.vote_kind_ratification();
	}
};

/**
 * What a vote decides, in one sentence. `apart` marks the scenario's words and the player's name
 * inside it, for a page that sets them apart (isolate.ts).
 */
export function voteQuestion(
	view: Pick<TableView, 'clauses' | 'amendments' | 'seats'>,
	vote: VoteView,
	apart: (words: string) => string = (words) => words
): string {
	const clause = clauseOf(view, vote.clauseId);
	switch (vote.kind) {
		case 'ratification':
			return m.vote_question_ratification();
		case 'amendment': {
			const amendment = view.amendments.find((a) => a.id === vote.amendmentId);
			const words = { clause: clause ? apart(clause.title) : m.the_clause(), summary: apart(variantSummary(view, vote.variantId)) };
			return amendment ? m.vote_question_amendment_by({ ...words, name: apart(seatName(view, amendment.seat)) }) : m.vote_question_amendment(words);
		}
		case 'clause':
			return m.vote_question_clause({ clause: clause ? apart(clause.title) : m.vote_kind_clause(), summary: apart(variantSummary(view, vote.variantId)) });
	}
}

/** The cards played at the table so far, in the order they were played, for citing in a reason. */
export function cardsOnTable(view: Pick<TableView, 'posts' | 'cards'>): CardView[] {
	const seen = new Set<string>();
	const out: CardView[] = [];
	for (const post of view.posts) {
		if (!post.card || post.hidden || seen.has(post.card)) continue;
		const card = view.cards[post.card];
		if (card) {
			seen.add(post.card);
			out.push(card);
		}
	}
	return out;
}

/** Players seated now: the voters a tally counts. */
export function votersOf(view: Pick<TableView, 'seats'>): number {
	return view.seats.filter((s) => s.player !== null).length;
}

/** "4:05" for 245 000 ms; hours when needed. Rounds up, so 0:00 means time is really up. */
export function clock(ms: number): string {
	const total = Math.max(0, Math.ceil(ms / 1000));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	const ss = String(s).padStart(2, '0');
	return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** "3 minutes 5 seconds" for screen readers. */
export function spokenDuration(ms: number): string {
	const total = Math.max(0, Math.round(ms / 1000));
	const minutes = Math.floor(total / 60);
	const seconds = total % 60;
	if (!minutes) return m.spoken_seconds({ count: seconds });
	if (!seconds) return m.spoken_minutes({ count: minutes });
	return m.spoken_minutes_seconds({ minutes: m.spoken_minutes({ count: minutes }), seconds: m.spoken_seconds({ count: seconds }) });
}

/** Splits a brief into its paragraphs, without the markers that cite its passages. */
export function paragraphs(text: string): string[] {
	return paragraphsOf(withoutMarkers(text));
}
