/**
 * The `test` every browser spec uses: Playwright's own, failing any test in which Chromium
 * reported a Content Security Policy violation on any page — a script, style, image or
 * connection the policy blocked is a part of the game that silently does not work.
 *
 * The specs open a browser context per person (`browser.newContext()`), so every context opened
 * during a test is watched, the default `page`'s included.
 */
import { test as base, expect, type BrowserContext } from '@playwright/test';

export { expect };

interface Violation {
	directive: string;
	blocked: string;
	page: string;
	sample: string;
}

declare global {
	interface Window {
		__reportCspViolation?: (v: Violation) => void;
	}
}

const watched = new WeakSet<BrowserContext>();

/** Reports each violation a page of `context` sees, from its first script on, across navigations. */
async function watch(context: BrowserContext, found: string[]) {
	if (watched.has(context)) return;
	watched.add(context);
	await context.exposeFunction('__reportCspViolation', (v: Violation) => {
		found.push(`${v.directive} blocked ${v.blocked || 'inline'} on ${v.page}${v.sample ? `: ${v.sample}` : ''}`);
	});
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) =>
			window.__reportCspViolation?.({ directive: e.effectiveDirective, blocked: e.blockedURI, page: e.documentURI, sample: e.sample })
		);
	});
	// Chromium also writes each violation to the console; this catches any the event missed.
	context.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) found.push(`console: ${message.text()}`);
	});
}

export const test = base.extend<{ cspViolations: string[] }>({
	cspViolations: [
		async ({ browser }, use) => {
			const found: string[] = [];
			const newContext = browser.newContext;
			browser.newContext = async (...args) => {
				const context = await newContext.apply(browser, args);
				await watch(context, found);
				return context;
			};
			await use(found);
			browser.newContext = newContext;
			expect(found, 'Content Security Policy violations').toEqual([]);
		},
		{ auto: true }
	],
	// The default context is opened by Playwright itself: watched here, before the test's page.
	context: async ({ context, cspViolations }, use) => {
		await watch(context, cspViolations);
		await use(context);
	}
});
