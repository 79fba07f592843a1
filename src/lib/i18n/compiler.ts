/**
 * How the message catalogues (src/lib/i18n/messages/<locale>.json) are compiled into
 * src/lib/i18n/paraglide: one typed function per message, each page's script bundling only the
 * messages it uses. The output is generated, never committed — by every Vite build, dev server and
 * test run (vite.config.ts), and by `npm install` and the type check (scripts/i18n.ts), which run
 * without Vite.
 */
import type { CompilerOptions } from '@inlang/paraglide-js';

export const i18nCompilerOptions = {
	project: './src/lib/i18n/project.inlang',
	outdir: './src/lib/i18n/paraglide',
	// Each browser's own choice, kept in a cookie so that the server renders the page in it (with no
	// flash of the other direction), else the browser's languages (Accept-Language on the server),
	// else English. The projector's own choice comes first on its pages (projector-language.ts).
	strategy: ['custom-projector', 'cookie', 'preferredLanguage', 'baseLocale'],
	cookieName: 'pact-room-lang',
	// Lets Vite drop the server's half of the runtime from the pages' scripts.
	isServer: 'import.meta.env.SSR',
	emitReadme: false,
	emitPrettierIgnore: false
} satisfies CompilerOptions;
