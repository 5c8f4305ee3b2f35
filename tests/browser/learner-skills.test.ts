import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { axeInEveryTheme } from '../support/axe';
import {
	answerRightly,
	publishedLessonIds,
	publishedQuiz,
	saveDigitalEssentials
} from '../support/learner';
import { goOffline } from '../support/offline';

const url = inject('pbUrl');
const FIRST = `${url}/pathways/digital-essentials/getting-started/phones-tablets-and-computers`;

/** The filled buttons and button links on screen: a learner screen has exactly one. */
function primaries(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll('main a.button:not(.secondary), main button:not(.secondary)')]
			.filter((e) => e.getClientRects().length > 0)
			.map((e) => e.textContent?.trim() ?? '')
	);
}

describe("a learner's skills, worked out offline (real Chromium, real service worker)", () => {
	let browser: LaunchedBrowser;
	beforeAll(async () => {
		browser = await launchChromium({ viewport: { width: 360, height: 740 } });
	});
	afterAll(() => browser?.close());

	it('a quiz passed with no network shows its skills achieved, and what is next with its lesson', async () => {
		const { context } = browser;
		const [first = ''] = await publishedLessonIds(url, 'digital-essentials');
		const quiz = await publishedQuiz(url, first);

		await saveDigitalEssentials(context, url);

		const backOnline = await goOffline(context);
		try {
			const page = await context.newPage();
			await page.goto(`${url}/progress/skills`);
			await page.getByRole('heading', { level: 1, name: 'Your skills' }).waitFor();
			await page.getByText('Each lesson you finish builds a skill.').waitFor();
			expect(await primaries(page)).toEqual(['Start Digital Essentials']);

			await page.goto(`${FIRST}/quiz`);
			await page.getByRole('button', { name: 'Check answer' }).waitFor();
			for (const question of quiz.questions) await answerRightly(page, question);
			await page.getByText('You passed.').waitFor();

			await page.getByRole('link', { name: 'Progress' }).click();
			await page.getByRole('link', { name: 'See your skills' }).click();
			await page.getByRole('heading', { level: 1, name: 'Your skills' }).waitFor();
			await page.getByText(/^You have learned 3 skills in 1 area\./).waitFor();

			const foundation = page.getByRole('region', { name: 'Foundation skills' });
			const achieved = foundation.getByRole('list').first().getByRole('listitem');
			expect((await achieved.allTextContents()).map((t) => t.replace('✔', '').trim())).toEqual([
				'Turn on a device',
				'Use the controls of my device, such as a touch screen, keyboard or mouse',
				'Find my way around the home screen of my device'
			]);
			// Begun in another area: the statement, how far, and the lesson that teaches the rest.
			const safe = page.getByRole('region', { name: 'Being safe and legal online' });
			await safe
				.getByRole('listitem')
				.filter({ hasText: 'Keep the software on my devices up to date' })
				.filter({ hasText: 'Learn it in Staying safe online: 1 of 2 lessons done' })
				.waitFor();
			// No framework codes in what the learner reads.
			expect(await page.locator('main').textContent()).not.toMatch(/\b(FOUND|SAFE|COM)-/);
			expect(await primaries(page)).toEqual(['Continue: The internet and the web']);
			expect(await axeInEveryTheme(page)).toEqual({});

			await safe.getByRole('link', { name: 'Staying safe online' }).click();
			await page.getByRole('heading', { level: 1, name: 'Staying safe online' }).waitFor();

			// A small phone with double text: no sideways scrolling, the title on the first screen.
			await page.setViewportSize({ width: 320, height: 640 });
			await page.evaluate(() =>
				localStorage.setItem('clyde-settings', JSON.stringify({ theme: 'system', textSize: 200 }))
			);
			await page.goto(`${url}/progress/skills`);
			const title = await page
				.getByRole('heading', { level: 1, name: 'Your skills' })
				.boundingBox();
			await page.getByText('Turn on a device').waitFor();
			expect(title && title.y + 40).toBeLessThan(640 - 64);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				320
			);
			expect(await axeInEveryTheme(page)).toEqual({});
			await page.evaluate(() => localStorage.removeItem('clyde-settings'));
		} finally {
			await backOnline();
		}
	});
});
