/**
 * Runs in the browser before any page's code. Zod compiles its object parsers with `new Function`
 * where it may; the pages' Content Security Policy forbids that (no 'unsafe-eval'), and even Zod's
 * probe for it is reported as a violation. In the browser it parses small payloads, where the
 * compiled parsers gain nothing, so it is told not to try. (The server keeps them.)
 */
import { z } from 'zod';

z.config({ jitless: true });
