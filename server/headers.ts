/**
 * The security headers, in one place: those on everything the server sends (set in app.ts, so the
 * app's files and /healthz carry them too) and those on pages (set in src/hooks.server.ts, so dev
 * mode has them as well). The Content Security Policy itself is SvelteKit's (svelte.config.js),
 * which puts a fresh nonce on the inline script that starts each page; the hook adds only the
 * frame-ancestors directive, which differs by page.
 */

/** On every response: no guessing a file's type from its content, no address leaked to other sites. */
export const EVERY_RESPONSE: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'no-referrer'
};

/** Powerful features no page of the game uses, denied to it and anything it might embed. */
const DENIED_FEATURES = [
	'accelerometer',
	'autoplay',
	'camera',
	'display-capture',
	'encrypted-media',
	'geolocation',
	'gyroscope',
	'hid',
	'magnetometer',
	'microphone',
	'midi',
	'payment',
	'publickey-credentials-get',
	'screen-wake-lock',
	'serial',
	'usb',
	'xr-spatial-tracking'
];

/** On every page. */
export const EVERY_PAGE: Record<string, string> = {
	'permissions-policy': DENIED_FEATURES.map((feature) => `${feature}=()`).join(', '),
	// Every page is drawn with a nonce of its own, and the console, facilitator, seat and debrief
	// pages open with a key in their address: a stored copy is reused by no one, nor restored by Back.
	'cache-control': 'no-store'
};

/**
 * Which pages may show a page in a frame: none, but the projector may be shown inside the pages
 * of the origins FRAME_ANCESTORS lists (a school's slides or learning platform).
 */
export function frameAncestors(routeId: string | null, projectorFramers: string[]): string {
	return routeId === '/projector/[code]' && projectorFramers.length ? projectorFramers.join(' ') : "'none'";
}
