import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { axeViolations } from '../support/axe';
import { answerQuestion } from '../support/learner';

const url = inject('pbUrl');
const LESSON = '/pathways/digital-essentials/staying-safe/strong-passwords';

/** Every learner screen, by path, with the heading that shows it has rendered. */
const SCREENS: [name: string, path: string, heading: string | RegExp][] = [
	['home', '/', 'Learn digital skills, at your own pace'],
	['pathway', '/pathways/digital-essentials', 'Digital Essentials'],
	['module', '/pathways/digital-essentials/staying-safe', 'Staying safe online'],
	['lesson', LESSON, 'Strong passwords'],
	['quiz', `${LESSON}/quiz`, 'Quiz: Strong passwords'],
	['progress', '/progress', 'Your progress'],
	['settings', '/settings', 'Settings'],
	['account', '/account', 'Your account'],
	['page not found', '/no/such/page', 'Page not found']
];

async function open(page: Page, path: string, heading: string | RegExp) {
	await page.goto(`${url}${path}`);
	await page.getByRole('heading', { level: 1, name: heading }).waitFor();
	// Let live queries settle (progress bars, download state) before judging the page.
	await page.waitForLoadState('networkidle');
}

async function useTheme(page: Page, theme: string, textSize = 100) {
	await page.evaluate(
		([t, s]) => localStorage.setItem('clyde-settings', JSON.stringify({ theme: t, textSize: s })),
		[theme, textSize] as const
	);
}

describe('accessibility (axe-core, WCAG 2.2 AA) of every learner screen', () => {
	let browser: LaunchedBrowser;
	let page: Page;
	beforeAll(async () => {
		browser = await launchChromium();
		page = await browser.context.newPage();
	});
	afterAll(() => browser?.close());

	for (const theme of ['light', 'dark', 'contrast']) {
		it.each(SCREENS)(`%s has no violations (${theme} colours)`, async (_name, path, heading) => {
			await page.goto(`${url}/`);
			await useTheme(page, theme);
			await open(page, path, heading);
			expect(await axeViolations(page)).toEqual([]);
		});
	}

	it('the quiz has no violations after an answer is checked, nor on its result', async () => {
		await page.goto(`${url}/`);
		await useTheme(page, 'light');
		await open(page, `${LESSON}/quiz`, 'Quiz: Strong passwords');
		await page.locator('main form').getByRole('radio').first().check();
		await page.getByRole('button', { name: 'Check answer' }).click();
		await page.getByRole('button', { name: 'Next question' }).waitFor();
		expect(await axeViolations(page)).toEqual([]);
		await page.getByRole('button', { name: 'Next question' }).click();
		while (await page.getByRole('button', { name: 'Check answer' }).count()) {
			await answerQuestion(page);
		}
		await page.getByRole('button', { name: 'Try again' }).waitFor();
		expect(await axeViolations(page)).toEqual([]);
	});

	it.each(SCREENS.filter(([name]) => name !== 'page not found'))(
		'%s fits 320 px at double text size without sideways scrolling',
		async (_name, path, heading) => {
			await page.setViewportSize({ width: 320, height: 640 });
			await page.goto(`${url}/`);
			await useTheme(page, 'system', 200);
			await open(page, path, heading);
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - window.innerWidth
			);
			expect(overflow).toBeLessThanOrEqual(0);
			await page.setViewportSize({ width: 390, height: 844 });
		}
	);

	it('offers a skip link as the first thing a keyboard reaches', async () => {
		await page.goto(`${url}/`);
		await page.getByRole('heading', { level: 1 }).waitFor();
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
		expect(focused).toBe('Skip to content');
	});
});
