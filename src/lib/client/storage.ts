/** What the browser remembers between visits: seat and facilitator tokens, per room. */
const key = (kind: 'seat' | 'facilitator', code: string) => `pact-room:${kind}:${code}`;

function safe<T>(fn: () => T, fallback: T): T {
	try {
		return fn();
	} catch {
		// Private browsing modes may refuse storage; the game still works for this visit.
		return fallback;
	}
}

export const saved = {
	get: (kind: 'seat' | 'facilitator', code: string) => safe(() => localStorage.getItem(key(kind, code)) ?? undefined, undefined),
	set: (kind: 'seat' | 'facilitator', code: string, token: string) => safe(() => localStorage.setItem(key(kind, code), token), undefined),
	forget: (kind: 'seat' | 'facilitator', code: string) => safe(() => localStorage.removeItem(key(kind, code)), undefined)
};

/**
 * The player's own opinion-poll answers. The server counts an answer and forgets it, so this
 * browser is the only place it is kept — forgotten with the seat, or when the room is deleted.
 */
const pollKey = (code: string, when: 'before' | 'after') => `pact-room:poll:${code}:${when}`;

export const ownPoll = {
	get(code: string, when: 'before' | 'after'): number | undefined {
		const text = safe(() => localStorage.getItem(pollKey(code, when)), null);
		return text !== null && /^\d+$/.test(text) ? Number(text) : undefined;
	},
	set: (code: string, when: 'before' | 'after', answer: number) => safe(() => localStorage.setItem(pollKey(code, when), String(answer)), undefined),
	forget: (code: string) =>
		safe(() => {
			localStorage.removeItem(pollKey(code, 'before'));
			localStorage.removeItem(pollKey(code, 'after'));
		}, undefined)
};
