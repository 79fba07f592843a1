/**
 * Hostile text for the browser tests, and the tripwires that catch it doing anything but sit on
 * the page as text: markup and event handlers, script URLs, Svelte and template syntax, HTML
 * entities, bidi overrides and invisible characters, and sizes past every limit.
 */
import { expect, type Browser, type Page } from '@playwright/test';

/** Every string a player might type to break the page; each is sent through every text field. */
export const corpus = {
	scriptTag: '<script>window.__pwned=1</script>',
	imgOnerror: '<img src=x onerror="window.__pwned=1">',
	svgOnload: '"><svg onload=window.__pwned=1>',
	javascriptUrl: 'javascript:window.__pwned=1',
	svelteHtml: "{@html '<b>x</b>'}",
	templateLiteral: "${'{'}alert(1){'}'}",
	mustache: '{{constructor.constructor("alert(1)")()}}',
	iframe: '<iframe srcdoc="<script>parent.__pwned=1</script>">',
	entities: '&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; &#60;b&#62;',
	markdown: '[click me](javascript:window.__pwned=1) **bold** <a href="javascript:alert(1)">a</a>',
	// U+202E RIGHT-TO-LEFT OVERRIDE … U+202C POP DIRECTIONAL FORMATTING
	rtlOverride: '\u202Eevil\u202C',
	// An override and an isolate left open, to reverse whatever follows the name on its line.
	rtlUnterminated: 'ab\u202Ecd\u2067ef',
	zeroWidth: 'zero\u200Bwidth\u200Djoin\u2060er\uFEFF',
	onlyInvisible: '\u200B\u200C\u200D\u2060\uFEFF\u202E',
	onlySpaces: '      ',
	tenKilobytes: 'A'.repeat(10_000),
	zalgo: 'Z\u0337\u0322\u031Ba\u0335l\u0338g\u0336o\u0337 \u{1F469}\u200D\u{1F469}\u200D\u{1F467} שלום',
	longWord: 'M'.repeat(300),
	newlines: 'line one\n<script>alert(1)</script>\n\n\tline three',
	nulAndControls: 'nul\u0000bell\u0007esc\u001B[31mred'
} as const;

/** The inline <script> elements in an HTML document as the server sent it. */
export function inlineScripts(html: string): number {
	return (html.match(/<script\b(?![^>]*\bsrc=)[^>]*>/gi) ?? []).length;
}

/**
 * A browser page in a fresh context with tripwires: `window.__pwned` is set to 0 before any of
 * the page's own scripts run, and every dialog (alert, confirm, prompt) or uncaught error is kept.
 */
export class Tripwires {
	readonly dialogs: string[] = [];
	readonly errors: string[] = [];
	/** Inline scripts each page's document came with, to compare the live DOM against. */
	private shell = new Map<Page, number>();

	constructor(private browser: Browser) {}

	async page(): Promise<Page> {
		const context = await this.browser.newContext();
		const page = await context.newPage();
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		await page.addInitScript(() => ((window as any).__pwned = 0));
		page.on('dialog', (dialog) => {
			this.dialogs.push(`${dialog.type()} on ${page.url()}: ${dialog.message()}`);
			void dialog.dismiss().catch(() => {});
		});
		page.on('pageerror', (error) => this.errors.push(`${page.url()}: ${error.message}`));
		return page;
	}

	/** Navigates and remembers how many inline scripts the document itself carried. */
	async goto(page: Page, url: string) {
		const response = await page.goto(url);
		expect(response?.ok(), `GET ${url}`).toBe(true);
		this.shell.set(page, inlineScripts(await response!.text()));
	}

	/**
	 * Nothing a player typed ran or became markup: `__pwned` is still 0, no dialog opened, the DOM
	 * has no more inline scripts than the document came with and none that carries a payload, no
	 * element with an event-handler attribute, no frame, no javascript: link, no bold from `<b>`,
	 * and no bidi control or invisible formatting character anywhere in the page's text.
	 */
	async expectUnharmed(page: Page, what: string) {
		const found = await page.evaluate(() => {
			const scripts = [...document.querySelectorAll('script:not([src])')];
			const handlers = [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name)));
			const planted = document.querySelectorAll(
				'iframe, frame, object, embed, img[src="x"], svg[onload], a[href^="javascript:" i], b, base, meta[http-equiv]'
			);
			const text = (document.body.textContent ?? '') + document.title;
			return {
				// eslint-disable-next-line @typescript-eslint/no-explicit-any
				pwned: (window as any).__pwned,
				inline: scripts.length,
				payloadScripts: scripts.filter((s) => /__pwned|alert\(/.test(s.textContent ?? '')).length,
				elements: [...handlers, ...planted].map((e) => e.outerHTML.slice(0, 120)),
				controls: [...text.matchAll(/[\p{Cc}\p{Cf}]/gu)]
					.map((m) => m[0])
					.filter((c) => c !== '\n' && c !== '\t' && c !== '\r')
					.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
			};
		});
		expect(found.pwned, `window.__pwned on ${what}`).toBe(0);
		expect(this.dialogs, `dialogs opened (by ${what} or before)`).toEqual([]);
		expect(found.payloadScripts, `inline scripts carrying a payload on ${what}`).toBe(0);
		const shell = this.shell.get(page);
		if (shell !== undefined) expect(found.inline, `inline scripts on ${what}, against the document's ${shell}`).toBeLessThanOrEqual(shell);
		expect(found.elements, `elements made from typed markup on ${what}`).toEqual([]);
		expect([...new Set(found.controls)], `control or formatting characters in the text of ${what}`).toEqual([]);
	}

	/** No uncaught error on any page so far. */
	expectNoErrors() {
		expect(this.errors, 'uncaught errors in the pages').toEqual([]);
	}
}

/**
 * At a 360 px phone width the page does not scroll sideways, even with the hostile names and
 * arguments on it; then the usual phone and laptop screenshots.
 */
export async function expectNoSidewaysScroll(page: Page, what: string) {
	const original = page.viewportSize();
	await page.setViewportSize({ width: 360, height: 780 });
	// Two frames, so the layout has settled at the new width.
	const overflow = await page.evaluate(
		() =>
			new Promise<{ scrollWidth: number; innerWidth: number; widest: string[] }>((resolve) =>
				requestAnimationFrame(() =>
					requestAnimationFrame(() => {
						const innerWidth = window.innerWidth;
						// What sticks out: elements, and text (a long word overflows its box, not the box itself).
						const where = (e: Element) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`;
						const widest = [...document.querySelectorAll('body *')]
							.filter((e) => e.checkVisibility() && !e.closest('.visually-hidden') && e.getBoundingClientRect().right > innerWidth + 1)
							.map((e) => `${where(e)} → ${Math.round(e.getBoundingClientRect().right)} px`);
						const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
						for (let node = walker.nextNode(); node; node = walker.nextNode()) {
							const range = document.createRange();
							range.selectNodeContents(node);
							const right = range.getBoundingClientRect().right;
							const parent = node.parentElement!;
							if (right > innerWidth + 1 && parent.checkVisibility() && !parent.closest('.visually-hidden')) widest.push(`text "${node.textContent!.slice(0, 24)}…" in ${where(node.parentElement!)} → ${Math.round(right)} px`);
						}
						widest.splice(12);
						resolve({ scrollWidth: document.documentElement.scrollWidth, innerWidth, widest });
					})
				)
			)
	);
	if (original) await page.setViewportSize(original);
	expect(overflow.scrollWidth, `${what} at 360 px wide scrolls sideways; past the edge: ${overflow.widest.join(', ')}`).toBeLessThanOrEqual(
		overflow.innerWidth + 1
	);
}
