import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		// The Content Security Policy of every page. SvelteKit adds a nonce (a hash on a prerendered
		// page) for the one inline script that starts the page; nothing else inline runs, and no
		// eval (src/hooks.client.ts keeps Zod from trying). Styles are the app's own files: the
		// style="…" values components set while running go through the element's style object,
		// which a policy does not govern, so no 'unsafe-inline'. The one style attribute in markup
		// is on SvelteKit's route announcer (its hidden live region for screen readers); it is
		// allowed by its hash alone. A new SvelteKit that changes it shows as a violation in the
		// browser tests, whose message gives the new hash. The QR code is drawn as SVG elements,
		// not as an image. 'self' in connect-src covers the game's WebSocket at the same address (a
		// browser older than CSP Level 3 refuses it, and the socket falls back to long-polling).
		// frame-ancestors, which differs by page, is added in src/hooks.server.ts; the other
		// headers are in server/headers.ts.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['none'],
				'script-src': ['self'],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
				'img-src': ['self'],
				'connect-src': ['self'],
				'base-uri': ['none'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
