/**
 * Where students open the game. A teacher who opens the app at localhost would hand every phone a
 * link to the phone itself, so the server works out the addresses that reach it from the classroom
 * network — the machine's own addresses on the interfaces it listens on, neither loopback nor
 * link-local — and a deployment may name its public address instead (PUBLIC_URL).
 */
import { isIP, type AddressInfo } from 'node:net';
import { networkInterfaces as systemInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { JoinAddresses } from '../src/lib/protocol/events';

/** The machine's network interfaces, as `os.networkInterfaces()` gives them; injected in tests. */
export type NetworkInterfaces = () => NodeJS.Dict<NetworkInterfaceInfo[]>;

export const networkInterfaces: NetworkInterfaces = systemInterfaces;

/** Addresses that reach only this machine (loopback) or only the same network segment without a router's help (link-local, which phones cannot be handed as a link). */
function unreachable(address: string): boolean {
	if (isIP(address) === 4) return address.startsWith('127.') || address.startsWith('169.254.');
	const lower = address.toLowerCase();
	return lower === '::1' || /^fe[89ab]/.test(lower) || lower.startsWith('::ffff:127.');
}

/** An address at a port, as an origin: `http://192.168.1.20:3000`, `http://[fd00::5]:3000`. */
function originOf(address: string, port: number): string {
	return new URL(`http://${isIP(address) === 6 ? `[${address}]` : address}:${port}`).origin;
}

/**
 * The origins at which devices on the network reach a server listening at `listening`: IPv4 first
 * (shorter to type), in the system's order. Listening on 0.0.0.0 takes IPv4 only; on :: both; on
 * one address, that address alone.
 */
export function lanOrigins(listening: AddressInfo, interfaces: NetworkInterfaces = networkInterfaces): string[] {
	const everyV4 = listening.address === '0.0.0.0';
	const everyV6 = listening.address === '::';
	const addresses: string[] = [];
	if (everyV4 || everyV6) {
		for (const list of Object.values(interfaces()))
			for (const a of list ?? []) {
				const v4 = isIP(a.address) === 4;
				if (!a.internal && (v4 || everyV6) && !unreachable(a.address)) addresses.push(a.address);
			}
	} else if (!unreachable(listening.address)) addresses.push(listening.address);
	const unique = [...new Set(addresses)];
	const v4 = unique.filter((a) => isIP(a) === 4);
	return [...v4, ...unique.filter((a) => isIP(a) !== 4)].map((a) => originOf(a, listening.port));
}

/** What the pages are told: the public address when there is one (and then nothing else), or the network's. */
export function joinAddresses(listening: AddressInfo | string | null, publicUrl: string | null, interfaces?: NetworkInterfaces): JoinAddresses {
	if (publicUrl) return { public: publicUrl, lan: [] };
	if (!listening || typeof listening === 'string') return { public: null, lan: [] };
	return { public: null, lan: lanOrigins(listening, interfaces) };
}

/** The lines `npm start` prints for the teacher: every address students can use, and what to do when there is none. */
export function readyMessage(listening: AddressInfo, publicUrl: string | null, interfaces?: NetworkInterfaces): string {
	const wildcard = listening.address === '0.0.0.0' || listening.address === '::';
	const local = wildcard ? `http://localhost:${listening.port}` : originOf(listening.address, listening.port);
	const join = joinAddresses(listening, publicUrl, interfaces);
	if (join.public) return `Pact Room is ready. Students open ${join.public} (PUBLIC_URL); on this computer, ${local} works too.`;
	if (join.lan.length)
		return [
			`Pact Room is ready. Open it at the address students will use, on the classroom network:`,
			...join.lan.map((origin) => `  ${origin}`),
			`(${wildcard ? `${local} works on this computer only. ` : ''}If students cannot reach ${join.lan.length > 1 ? 'any of these' : 'it'}, set PUBLIC_URL to an address they can.)`
		].join('\n');
	const why = unreachable(listening.address)
		? `it listens on ${listening.address} only (HOST)`
		: 'this computer has no address on a network';
	return [
		`Pact Room is ready at ${local} — on this computer only: ${why}, so students' devices cannot reach it.`,
		'Connect to the classroom network and restart with HOST unset, or set PUBLIC_URL to an address students can reach.'
	].join('\n');
}
