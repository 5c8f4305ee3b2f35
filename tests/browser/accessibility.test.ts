import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { axeViolations } from '../support/axe';
import { answerQuestion } from '../support/learner';

const url = inject('pbUrl');
const LESSON = '/pathways/digital-essentials/staying-safe/strong-passwords';

/** Every learner screen, by path, with the heading that shows it has rendered. */
const SCREENS: [name: string, path: string, heading: string | RegExp][] = [
	['home', '/', /^(Welcome to Clyde|Your learning)$/],
	['pathway', '/pathways/digital-essentials', 'Digital Essentials'],
	['module', '/pathways/digital-essentials/staying-safe', 'Staying safe online'],
	['lesson', LESSON, 'Strong passwords'],
	['quiz', `${LESSON}/quiz`, 'Quiz: Strong passwords'],
	['pathway complete', '/pathways/digital-essentials/complete', /Digital Essentials$/],
	['progress', '/progress', 'Your progress'],
	['skills', '/progress/skills', 'Your skills'],
	['settings', '/settings', 'Settings'],
	['account', '/account', 'Your account'],
	['join', '/join?code=ABCD2345', 'Join a class'],
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

	// The missing-answer message only shows after a check: the screen sweep above never sees it.
	it.each(['light', 'dark', 'contrast'])(
		"the quiz's missing-answer message has no violations (%s colours)",
		async (theme) => {
			await page.goto(`${url}/`);
			await useTheme(page, theme);
			await open(page, `${LESSON}/quiz`, 'Quiz: Strong passwords');
			await page.getByRole('button', { name: 'Check answer' }).click();
			await page.getByRole('alert').waitFor();
			expect(await axeViolations(page)).toEqual([]);
		}
	);

	it('"Same as my phone" shows the dark colours on a dark phone and the light ones on a light one', async () => {
		const colours = async (theme: string, scheme: 'light' | 'dark') => {
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto(`${url}/`);
			await useTheme(page, theme);
			await open(page, '/settings', 'Settings');
			return page.evaluate(() => {
				const style = getComputedStyle(document.body);
				const link = getComputedStyle(document.querySelector('main a, nav a') as Element);
				return [style.color, style.backgroundColor, link.color];
			});
		};
		try {
			const dark = await colours('dark', 'light');
			const light = await colours('light', 'dark');
			expect(dark).not.toEqual(light);
			expect(await colours('system', 'dark')).toEqual(dark);
			expect(await colours('system', 'light')).toEqual(light);
		} finally {
			await page.emulateMedia({ colorScheme: null });
		}
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
