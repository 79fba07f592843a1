/**
 * Finds the system's Chromium by name on the PATH (Debian's package installs `chromium`);
 * CHROMIUM_PATH overrides it.
 */
import { execFileSync } from 'node:child_process';

export function chromiumPath(): string {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
	for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
		try {
			return execFileSync('which', [name], { encoding: 'utf8' }).trim();
		} catch {
			// not this one; try the next name
		}
	}
	throw new Error('Chromium was not found on the PATH. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.');
}

/** Flags for a headless Chromium that makes no connections of its own. */
export const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
