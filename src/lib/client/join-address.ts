/**
 * Which address the projector, the console and the facilitator's page give students. The page's
 * own address is the natural one — unless it is a loopback name (the teacher opened localhost),
 * which on a student's phone would open the phone itself: then the server's addresses on the
 * network take its place. A public address set on the server (PUBLIC_URL) comes before both.
 */
import type { JoinAddresses } from '../protocol/events';

/** Names that mean "this device" wherever they are opened. */
export function isLoopback(hostname: string): boolean {
	const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
	return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export interface JoinChoice {
	/** The origins students may be given, the best first. */
	origins: string[];
	/** Set on the server (PUBLIC_URL): the one to use, with no other offered. */
	public: boolean;
	/** None of them reaches this computer from another device. */
	thisComputerOnly: boolean;
}

/** @param told what the server answered, or null before (or without) an answer */
export function joinChoice(pageOrigin: string, told: JoinAddresses | null): JoinChoice {
	if (told?.public) return { origins: [told.public], public: true, thisComputerOnly: false };
	const lan = told?.lan ?? [];
	if (!isLoopback(new URL(pageOrigin).hostname)) return { origins: [pageOrigin, ...lan.filter((o) => o !== pageOrigin)], public: false, thisComputerOnly: false };
	if (lan.length) return { origins: lan, public: false, thisComputerOnly: false };
	return { origins: [pageOrigin], public: false, thisComputerOnly: true };
}

/** The link that opens the home page with the room code filled in. */
export const joinLink = (origin: string, code: string) => `${origin}/?code=${code}`;
