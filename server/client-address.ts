/**
 * Whose address a connection comes from: the peer's own, or — behind reverse proxies named in
 * TRUST_PROXY — the client's, read from X-Forwarded-For by proxy-addr, as Express does. Without
 * the setting the header is ignored, since any client can write one; every class behind the
 * proxy would otherwise share the proxy's address and its limits.
 */
import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/** Whether the hop at `address`, `hop` steps from this server (0 is the peer), may be believed. */
export type TrustProxy = (address: string, hop: number) => boolean;

export const TRUST_NO_PROXY: TrustProxy = () => false;

/**
 * Reads TRUST_PROXY: unset or empty trusts no proxy; a whole number trusts that many hops nearest
 * this server; otherwise a comma-separated list of proxy addresses and CIDR ranges (or proxy-addr's
 * names loopback, linklocal, uniquelocal).
 */
export function parseTrustProxy(text: string | undefined): TrustProxy {
	const value = text?.trim() ?? '';
	if (value === '' || value === '0') return TRUST_NO_PROXY;
	if (/^\d+$/.test(value)) {
		const hops = Number(value);
		return (_address, hop) => hop < hops;
	}
	try {
		return proxyAddr.compile(value.split(',').map((part) => part.trim()));
	} catch (err) {
		throw new Error(`TRUST_PROXY is a number of proxy hops or a comma-separated list of proxy addresses or CIDR ranges; not "${text}" (${(err as Error).message})`);
	}
}

/** The client's address for a request, as far as the trusted proxies tell it. */
export function clientAddress(request: IncomingMessage, trust: TrustProxy, fallback: string): string {
	return proxyAddr(request, trust) ?? fallback;
}
