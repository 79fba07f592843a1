/** The projector's own language: its cookie decides its pages, and only its pages. */
import { describe, expect, it } from 'vitest';
import { extractLocaleFromRequestAsync } from '../../../src/lib/i18n/paraglide/runtime';
import { defineProjectorStrategy } from '../../../src/lib/i18n/projector-language';

defineProjectorStrategy();
const page = (path: string, cookie?: string, languages = 'en-US,en') =>
	new Request(`http://localhost${path}`, { headers: { 'accept-language': languages, ...(cookie ? { cookie } : {}) } });

describe('a page’s language', () => {
	it('is the projector’s own choice on a projector page, whatever the browser chose', async () => {
		const both = 'pact-room-lang=en; pact-room-projector-lang=he';
		expect(await extractLocaleFromRequestAsync(page('/projector/ABC234', both))).toBe('he');
		expect(await extractLocaleFromRequestAsync(page('/console/ABCDEFGH23', both))).toBe('en');
		expect(await extractLocaleFromRequestAsync(page('/play/ABC234', both))).toBe('en');
	});

	it('follows the browser’s choice, then its languages, until the projector has one', async () => {
		expect(await extractLocaleFromRequestAsync(page('/projector/ABC234', 'pact-room-lang=he'))).toBe('he');
		expect(await extractLocaleFromRequestAsync(page('/projector/ABC234', undefined, 'he-IL,he;q=0.9'))).toBe('he');
		expect(await extractLocaleFromRequestAsync(page('/projector/ABC234', 'pact-room-projector-lang=fr'))).toBe('en');
	});
});
