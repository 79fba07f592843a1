/** Saves a page at phone and laptop widths (and any others asked for, e.g. a projector's 1920) into test-output/screenshots, for people to look at. */
import type { Locator, Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));

/** A width (at a usual height for it), or a whole screen such as a projector's 1280×720. */
export type Screen = number | { width: number; height: number };

export async function screenshots(page: Page, name: string, screens: Screen[] = [360, 1280]) {
	const original = page.viewportSize();
	for (const screen of screens) {
		const size = typeof screen === 'number' ? { width: screen, height: screen === 360 ? 740 : screen >= 1920 ? 1080 : 800 } : screen;
		await page.setViewportSize(size);
		const suffix = typeof screen === 'number' ? `${screen}` : `${screen.width}x${screen.height}`;
		await page.screenshot({ path: `${dir}${name}-${suffix}.png`, fullPage: true });
	}
	if (original) await page.setViewportSize(original);
}

/** One part of a page at the page's present width, e.g. a section that opens within a long page. */
export async function screenshotOf(part: Locator, name: string) {
	await part.screenshot({ path: `${dir}${name}.png` });
}
