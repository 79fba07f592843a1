/**
 * The names this server answers to, against DNS rebinding. A page at a domain an attacker
 * controls, whose DNS was switched to point at a classroom laptop, reaches the server as a page
 * of that domain: Host and Origin both name the attacker's domain, and a same-origin GET (the
 * Socket.IO handshake) carries no Origin at all. So a request is served only if its Host is a
 * name known to mean this machine — a loopback name, one of its own addresses, its host name —
 * at the port it listens on, or a name a deployment lists; and a page may open a game connection
 * only from such an origin.
 */
import { isIP, type AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { networkInterfaces as systemInterfaces, type NetworkInterfaces } from './join-addresses';

/** This machine's own addresses and host names, without ports; injected in tests. */
export type MachineNames = () => string[];

/** The host name and every address of the given interfaces (the system's unless a test gives others). */
export const machineNamesFrom =
	(interfaces: NetworkInterfaces): MachineNames =>
	() => {
		const name = hostname();
		// A host name without a dot is also reached as <name>.local on the classroom network (mDNS).
		const names = name.includes('.') ? [name] : [name, `${name}.local`];
		for (const addresses of Object.values(interfaces())) for (const a of addresses ?? []) names.push(a.address);
		return names;
	};

export const machineNames: MachineNames = machineNamesFrom(systemInterfaces);

/** Names that mean this machine whatever its network: a rebound domain can never be one of them. */
const LOOPBACK = ['localhost', '127.0.0.1', '::1'];

/** Addresses a server listens on to be reachable at every address the machine has. */
const EVERY_INTERFACE = new Set(['0.0.0.0', '::']);

/** How long the machine's addresses are reused before they are read again (a laptop may join a network while serving). */
const NAMES_TTL_MS = 1000;

/** `host[:port]` as a URL writes it (lower case, IPv6 in brackets, no default port), or null. */
function urlHost(host: string): string | null {
	try {
		return new URL(`http://${host}`).host;
	} catch {
		return null;
	}
}

/** A name or address (IPv6 bare, as the system gives it) at a port, as a URL writes it. */
function hostAt(name: string, port: number): string | null {
	return urlHost(`${isIP(name) === 6 ? `[${name}]` : name}:${port}`);
}

export class TrustedOrigins {
	/** The listed origins, in the form browsers send them. */
	private readonly listed: Set<string>;
	private readonly listedHosts: Set<string>;
	private cache: { at: number; port: number; address: string; hosts: Set<string> } | undefined;

	/**
	 * @param listening where the server listens, once it does (an HTTP server's `address()`)
	 * @param origins origins a deployment lists besides the server's own names (ALLOWED_ORIGINS;
	 *   a public address of the server belongs here too)
	 */
	constructor(
		private readonly listening: () => AddressInfo | string | null,
		origins: string[] = [],
		private readonly names: MachineNames = machineNames
	) {
		const urls = origins.map((o) => new URL(o));
		this.listed = new Set(urls.map((u) => u.origin));
		this.listedHosts = new Set(urls.map((u) => u.host));
	}

	/** This server's own `host[:port]` names: loopback, and the machine's addresses it listens on. */
	private ownHosts(): Set<string> {
		const address = this.listening();
		if (!address || typeof address === 'string') return new Set();
		const now = Date.now();
		const cached = this.cache;
		if (cached && cached.port === address.port && cached.address === address.address && now - cached.at < NAMES_TTL_MS) return cached.hosts;
		const names = this.names();
		// Listening on one address, the machine's other addresses do not reach this server.
		const reachable = EVERY_INTERFACE.has(address.address) ? names : [address.address, ...names.filter((n) => !isIP(n))];
		const hosts = new Set<string>();
		for (const name of [...LOOPBACK, ...reachable]) {
			const host = hostAt(name, address.port);
			if (host) hosts.add(host);
		}
		this.cache = { at: now, port: address.port, address: address.address, hosts };
		return hosts;
	}

	/** Whether a request naming `host` (its Host header) is meant for this server. */
	hostAllowed(host: string | undefined): boolean {
		// Only a plain name or address and a port: nothing a URL would read as a user, path or query.
		if (!host || /[^\w.:[\]-]/.test(host)) return false;
		const normal = urlHost(host);
		return normal !== null && (this.listedHosts.has(normal) || this.ownHosts().has(normal));
	}

	/** Whether a page from `origin` (its Origin header) may open a game connection. */
	originAllowed(origin: string): boolean {
		if (this.listed.has(origin)) return true;
		let url: URL;
		try {
			url = new URL(origin);
		} catch {
			return false;
		}
		// The server itself speaks plain HTTP; an https page at its own address is another server.
		return url.protocol === 'http:' && this.ownHosts().has(url.host);
	}

	/**
	 * Whether a request comes from a page this server serves, or from no page at all: a client
	 * that is not a browser sends no Origin, and a same-origin GET does not either — which is why
	 * the Host is checked first.
	 */
	requestAllowed(headers: { host?: string; origin?: string }): boolean {
		return this.hostAllowed(headers.host) && (headers.origin === undefined || this.originAllowed(headers.origin));
	}
}
