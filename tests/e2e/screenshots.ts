/** Saves a page at phone and laptop widths (and any others asked for, e.g. a projector's 1920) into test-output/screenshots, for people to look at. */
import type { Locator, Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));

export async function screenshots(page: Page, name: string, widths: number[] = [360, 1280]) {
	const original = page.viewportSize();
	for (const width of widths) {
		await page.setViewportSize({ width, height: width === 360 ? 740 : width >= 1920 ? 1080 : 800 });
		await page.screenshot({ path: `${dir}${name}-${width}.png`, fullPage: true });
	}
	if (original) await page.setViewportSize(original);
}

/** One part of a page at the page's present width, e.g. a section that opens within a long page. */
export async function screenshotOf(part: Locator, name: string) {
	await part.screenshot({ path: `${dir}${name}.png` });
}
