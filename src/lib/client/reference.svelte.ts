/**
 * The scenario's reference texts (source records, timeline, glossary, the passages they rest on,
 * the table's words), in the page's language, asked for once per page over a connection of their
 * own and then kept: they never change. Any component reads `reference.current`; it is null until
 * they arrive, or if the server is unreachable.
 */
import type { Reference } from '../scenario/reference';
import { getLocale } from '../i18n/paraglide/runtime';
import { connectToGame, request } from './socket';

class ReferenceTexts {
	current = $state<Reference | null>(null);
	/** Whether an attempt to ask has ended, with the texts or without them. */
	settled = $state(false);
	private asking: Promise<void> | null = null;

	/** Asks the server, unless they are here or on their way; a failed attempt may be tried again. */
	load(): Promise<void> {
		if (this.current) return Promise.resolve();
		this.asking ??= (async () => {
			const socket = connectToGame();
			try {
				const res = await request(socket, 'reference', { language: getLocale() });
				if (res.ok) this.current = res.reference;
			} finally {
				socket.disconnect();
				this.asking = null;
				this.settled = true;
			}
		})();
		return this.asking;
	}
}

export const reference = new ReferenceTexts();
