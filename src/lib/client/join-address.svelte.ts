/**
 * The address students are given on this page (see join-address.ts), asked of the server once;
 * the teacher may pick another of the offered ones, which this browser remembers, so the console
 * and the projector tab give the same.
 */
import type { JoinAddresses } from '../protocol/events';
import { joinChoice, joinLink } from './join-address';
import { connectToGame, request } from './socket';

const PICKED_KEY = 'pact-room:join-origin';

function remembered(): string | null {
	try {
		return localStorage.getItem(PICKED_KEY);
	} catch {
		return null;
	}
}

export class JoinAddress {
	/** What the server answered; null until it does (the page's own address is used meanwhile). */
	told = $state<JoinAddresses | null>(null);
	/** Whether the server has answered (or failed to): until then no hint is shown, lest a warning flash. */
	answered = $state(false);
	private picked = $state<string | null>(remembered());

	readonly choice = $derived(joinChoice(location.origin, this.told));
	/** The origin given to students: the one picked, while it is on offer, else the best. */
	readonly origin = $derived(this.picked && this.choice.origins.includes(this.picked) ? this.picked : this.choice.origins[0]);

	constructor() {
		const socket = connectToGame();
		void request(socket, 'joinAddresses', {}).then((res) => {
			socket.disconnect();
			if (res.ok) this.told = { public: res.public, lan: res.lan };
			this.answered = true;
		});
	}

	pick(origin: string) {
		this.picked = origin;
		try {
			localStorage.setItem(PICKED_KEY, origin);
		} catch {
			// Private browsing may refuse storage: the pick holds for this page.
		}
	}

	link(code: string): string {
		return joinLink(this.origin, code);
	}
}
