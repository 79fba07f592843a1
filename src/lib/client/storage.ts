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
