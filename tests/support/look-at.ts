import type { Page } from 'playwright-core';
import { axeViolations } from './axe';

/**
 * axe in light and dark at each width, and each as a full-page screenshot
 * (`<name>-<width>-<theme>.png`) for docs/screens when CLYDE_SHOTS names a folder. Returns the
 * violations by "width theme" (empty when clean); leaves the page at 1280 px in the system theme.
 */
export async function lookAt(
	page: Page,
	name: string,
	widths: readonly number[]
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
				await page.screenshot({ path: `${shots}/${name}-${width}-${theme}.png`, fullPage: true });
			}
		}
	}
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.evaluate(() => (document.documentElement.dataset.theme = 'system'));
	return found;
}
