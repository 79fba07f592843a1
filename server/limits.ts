/**
 * How much any one client may ask of the server: actions per connection, games created and rooms
 * entered per address, and wrong codes or tokens per address (so codes cannot be guessed).
 * Counted in memory with rate-limiter-flexible; a client over a limit gets a clear refusal, and
 * every other room carries on.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface LimitSettings {
	/** Actions one connection may send per second (a person taps far less). */
	actionsPerSecond: number;
	/** Games one address may create per ten minutes. */
	createsPer10Minutes: number;
	/** Rooms one address may enter per minute (a class behind one school router shares an address). */
	entriesPerMinute: number;
	/** Wrong room codes or tokens one address may try per ten minutes. */
	wrongGuessesPer10Minutes: number;
}

export const DEFAULT_LIMITS: LimitSettings = {
	actionsPerSecond: 10,
	createsPer10Minutes: 30,
	entriesPerMinute: 300,
	wrongGuessesPer10Minutes: 60
};

export class Limits {
	private actions: RateLimiterMemory;
	private creates: RateLimiterMemory;
	private entries: RateLimiterMemory;
	private guesses: RateLimiterMemory;

	constructor(settings: LimitSettings = DEFAULT_LIMITS) {
		this.actions = new RateLimiterMemory({ points: settings.actionsPerSecond, duration: 1 });
		this.creates = new RateLimiterMemory({ points: settings.createsPer10Minutes, duration: 600 });
		this.entries = new RateLimiterMemory({ points: settings.entriesPerMinute, duration: 60 });
		this.guesses = new RateLimiterMemory({ points: settings.wrongGuessesPer10Minutes, duration: 600 });
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

	/** Whether this address has wrong guesses left; does not count. */
	async mayGuess(address: string): Promise<boolean> {
		const res = await this.guesses.get(address);
		return !res || res.remainingPoints > 0;
	}

	/** Counts a wrong room code or token from this address. */
	async wrongGuess(address: string) {
		await take(this.guesses, address);
	}

	forgetConnection(socketId: string) {
		void this.actions.delete(socketId);
	}
}

async function take(limiter: RateLimiterMemory, key: string): Promise<boolean> {
	try {
		await limiter.consume(key);
		return true;
	} catch (err) {
		// The limiter rejects with its own result when the points are spent; anything else is a fault.
		if (err instanceof RateLimiterRes) return false;
		throw err;
	}
}
