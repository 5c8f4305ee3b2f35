import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { axeViolations } from '../support/axe';

const url = inject('pbUrl');

describe('accessibility (axe-core, WCAG 2.2 AA) of the app shell', () => {
	let browser: LaunchedBrowser;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(() => browser?.close());

	it.each([
		['home', '/'],
		['page not found', '/no/such/page']
	])('%s has no violations', async (_name, path) => {
		const page = await browser.context.newPage();
		await page.goto(`${url}${path}`);
		await page.getByRole('heading', { level: 1 }).waitFor();
		expect(await axeViolations(page)).toEqual([]);
	});

	it('fits a 320 px wide screen without sideways scrolling', async () => {
		const page = await browser.context.newPage();
		await page.setViewportSize({ width: 320, height: 640 });
		await page.goto(`${url}/`);
		await page.getByRole('heading', { level: 1 }).waitFor();
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
	});

	it('offers a skip link as the first thing a keyboard reaches', async () => {
		const page = await browser.context.newPage();
		await page.goto(`${url}/`);
		await page.getByRole('heading', { level: 1 }).waitFor();
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
		expect(focused).toBe('Skip to content');
	});
});
