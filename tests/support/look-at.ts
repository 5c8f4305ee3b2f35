import type { Locator, Page } from 'playwright-core';
import { axeViolations } from './axe';

/**
 * axe in light and dark at each width, and each as a full-page screenshot
 * (`<name>-<width>-<theme>.png`; of `part` alone when given, such as a dialog on a long page)
 * for docs/screens when CLYDE_SHOTS names a folder. Returns the
 * violations by "width theme" (empty when clean); leaves the page at 1280 px in the system theme.
 */
export async function lookAt(
	page: Page,
	name: string,
	widths: readonly number[],
	part?: Locator
): Promise<Record<string, unknown>> {
	const found: Record<string, unknown> = {};
	for (const width of widths) {
		await page.setViewportSize({ width, height: 900 });
		for (const theme of ['light', 'dark']) {
			await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
			const violations = await axeViolations(page);
			if (violations.length) found[`${width} ${theme}`] = violations;
			const shots = process.env.CLYDE_SHOTS;
			if (shots) {
				const path = `${shots}/${name}-${width}-${theme}.png`;
				await (part ? part.screenshot({ path }) : page.screenshot({ path, fullPage: true }));
			}
		}
	}
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.evaluate(() => (document.documentElement.dataset.theme = 'system'));
	return found;
}
