import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';

const url = inject('pbUrl');

/** What a screen reader would call the focused element, roughly: its label or its text. */
function focusedName(page: Page): Promise<string> {
	return page.evaluate(() => {
		const element = document.activeElement as HTMLElement | null;
		if (!element) return '';
		const label =
			element.getAttribute('aria-label') ?? (element as HTMLInputElement).labels?.[0]?.textContent;
		return `${element.tagName.toLowerCase()}:${(label ?? element.textContent ?? '').trim()}`;
	});
}

/** Presses Tab (and nothing else) until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, pattern: RegExp): Promise<void> {
	for (let i = 0; i < 120; i++) {
		await page.keyboard.press('Tab');
		if (pattern.test(await focusedName(page))) return;
	}
	throw new Error(`Tab never reached ${pattern}`);
}

describe('keyboard only', () => {
	let browser: LaunchedBrowser;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(() => browser?.close());

	it('completes a lesson and its quiz without a mouse', async () => {
		const page = await browser.context.newPage();
		await page.goto(`${url}/pathways/digital-essentials/getting-started/the-internet-and-the-web`);
		await page.getByRole('heading', { level: 1 }).waitFor();

		await tabTo(page, /^a:Take the quiz/);
		await page.keyboard.press('Enter');
		await page.getByRole('heading', { level: 1, name: /^Quiz:/ }).waitFor();
		await page.getByRole('button', { name: 'Check answer' }).waitFor();

		while (await page.getByRole('button', { name: 'Check answer' }).count()) {
			const form = page.locator('main form');
			if (await form.getByRole('radio').count()) {
				await tabTo(page, /^input:/);
				await page.keyboard.press('Space');
			} else if (await form.getByRole('checkbox').count()) {
				await tabTo(page, /^input:/);
				await page.keyboard.press('Space');
			} else if (await form.getByRole('textbox').count()) {
				await tabTo(page, /^input:/);
				await page.keyboard.type('internet');
			}
			await tabTo(page, /^button:Check answer/);
			await page.keyboard.press('Enter');
			// After checking, focus is already on the way forward.
			await page.getByRole('button', { name: /Next question|See your result/ }).waitFor();
			expect(await focusedName(page)).toMatch(/^button:(Next question|See your result)/);
			await page.keyboard.press('Enter');
		}
		await page.getByText(/You got \d+ of \d+ right/).waitFor();

		// The way on is the result's primary action; taking it marks the lesson complete.
		await tabTo(page, /^a:Next lesson: Browsers and searching/);
		await page.keyboard.press('Enter');
		await page.getByRole('heading', { level: 1, name: 'Browsers and searching' }).waitFor();
		await tabTo(page, /^a:Previous: The internet and the web/);
		await page.keyboard.press('Enter');
		await page.getByRole('heading', { level: 2, name: 'Lesson done' }).waitFor();
	});
});
