/** Saves a page at phone and laptop widths into test-output/screenshots, for people to look at. */
import type { Locator, Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));

export async function screenshots(page: Page, name: string) {
	const original = page.viewportSize();
	for (const width of [360, 1280]) {
		await page.setViewportSize({ width, height: width === 360 ? 780 : 860 });
		await page.screenshot({ path: `${dir}${name}-${width}.png`, fullPage: true });
	}
	if (original) await page.setViewportSize(original);
}

/** One part of a page at the page's present width, e.g. a section that opens within a long page. */
export async function screenshotOf(part: Locator, name: string) {
	await part.screenshot({ path: `${dir}${name}.png` });
}
