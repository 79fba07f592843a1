/**
 * How much any one client may ask of the server: actions per connection, games created and rooms
 * entered per address, re-entries per seat, and wrong codes or tokens per connection and per
 * address (so codes cannot be guessed). Counted with rate-limiter-flexible: in memory, or, in
 * cluster mode, the counts per address and per seat in PostgreSQL, shared by every server (a
 * connection's own counts stay with the server it is on); a client over a limit gets a clear
 * refusal, and every other room carries on.
 *
 * Guessing a room code: a class behind one school router shares an address, so a right code must
 * always get in however much someone else on that network guesses. The wrong-guess limits
 * therefore never refuse a code before it is checked; what bounds guessing is how many codes an
 * address may have checked at all (`entriesPerMinute`, 300: 432,000 a day), against 31^6 ≈ 888
 * million codes — about 0.05% of them a day, some 20 days on average to hit any one of 100 live
 * rooms, years for a given one. Within that, a page that keeps guessing is cut off after a few
 * wrong codes, and once its address is over its own limit each further wrong code costs a new
 * connection and is answered only after a pause.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** What a limit needs of its counter: in this process's memory, or shared by every server (cluster mode). */
export interface Limiter {
	consume(key: string): Promise<unknown>;
	delete(key: string): Promise<unknown>;
}

/**
 * Makes a counter that every server shares (cluster mode: in PostgreSQL), named so that each
 * limit counts apart; absent, every count is this process's own.
 */
export type SharedLimiters = (name: string, points: number, durationSeconds: number) => Limiter;

export interface LimitSettings {
	/** Actions one connection may send per second (a person taps far less). */
	actionsPerSecond: number;
	/** Games one address may create per ten minutes. */
	createsPer10Minutes: number;
	/** Rooms one address may enter by code per minute (a class behind one school router shares an address). */
	entriesPerMinute: number;
	/** Times one seat may be re-entered with its token per minute (a reload, a dropped phone coming back). */
	seatEntriesPerMinute: number;
	/** Wrong room codes or tokens one connection may try; then it is cut off until the page is reloaded. */
	wrongGuessesPerConnection: number;
	/** Wrong room codes or tokens one address may try per ten minutes before its wrong guesses are slowed. */
	wrongGuessesPer10Minutes: number;
	/** How long the answer to a wrong guess from an address over its limit is held back, in milliseconds. */
	slowWrongGuessMs: number;
}

export const DEFAULT_LIMITS: LimitSettings = {
	actionsPerSecond: 10,
	createsPer10Minutes: 30,
	entriesPerMinute: 300,
	seatEntriesPerMinute: 30,
	wrongGuessesPerConnection: 5,
	wrongGuessesPer10Minutes: 60,
	slowWrongGuessMs: 2000
};

export class Limits {
	readonly settings: LimitSettings;
	private actions: Limiter;
	private creates: Limiter;
	private entries: Limiter;
	private seatEntries: Limiter;
	private guesses: Limiter;
	/** Wrong guesses per connection, for as long as it stays open. */
	private guessesHere = new Map<string, number>();

	constructor(settings: LimitSettings = DEFAULT_LIMITS, shared?: SharedLimiters) {
		this.settings = settings;
		const counter = (name: string, points: number, duration: number): Limiter =>
			shared ? shared(name, points, duration) : new RateLimiterMemory({ points, duration });
		this.actions = new RateLimiterMemory({ points: settings.actionsPerSecond, duration: 1 });
		this.creates = counter('creates', settings.createsPer10Minutes, 600);
		this.entries = counter('entries', settings.entriesPerMinute, 60);
		this.seatEntries = counter('seat-entries', settings.seatEntriesPerMinute, 60);
		this.guesses = counter('wrong-guesses', settings.wrongGuessesPer10Minutes, 600);
	}

	/** Whether this connection may send another action now; counts it. */
	action(socketId: string) {
		return take(this.actions, socketId);
	}

	create(address: string) {
		return take(this.creates, address);
	}

	enter(address: string) {
		return take(this.entries, address);
	}

	/** Whether this seat (`room:seat`) may be entered again now; counts it. */
	enterSeat(seatKey: string) {
		return take(this.seatEntries, seatKey);
	}

	/** Whether this connection has used up its wrong guesses. */
	cutOff(socketId: string): boolean {
		return (this.guessesHere.get(socketId) ?? 0) >= this.settings.wrongGuessesPerConnection;
	}

	/**
	 * Counts a wrong room code or token from this connection and address. Answers whether the
	 * address is over its limit: then the connection is cut off at once, and the caller holds the
	 * answer back.
	 */
	async wrongGuess(socketId: string, address: string): Promise<{ slow: boolean }> {
		const overLimit = !(await take(this.guesses, address));
		const here = (this.guessesHere.get(socketId) ?? 0) + 1;
		this.guessesHere.set(socketId, overLimit ? Math.max(here, this.settings.wrongGuessesPerConnection) : here);
		return { slow: overLimit };
	}

	forgetConnection(socketId: string) {
		void this.actions.delete(socketId);
		this.guessesHere.delete(socketId);
	}
}

async function take(limiter: Limiter, key: string): Promise<boolean> {
	try {
		await limiter.consume(key);
		return true;
	} catch (err) {
		// The limiter rejects with its own result when the points are spent; anything else is a fault.
		if (err instanceof RateLimiterRes) return false;
		throw err;
	}
}
