/**
 * `tsx scripts/i18n.ts`: compiles the message catalogues into src/lib/i18n/paraglide, for what
 * reads them without Vite (the type check). Vite builds, the dev server and the tests compile them
 * on their own; `npm install` runs this too, so a fresh checkout has them.
 */
import { compile } from '@inlang/paraglide-js';
import { i18nCompilerOptions } from '../src/lib/i18n/compiler';

await compile(i18nCompilerOptions);
