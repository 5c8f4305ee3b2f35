import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import {
	finishQuiz,
	publishedLessonIds,
	readStore,
	waitForServiceWorker
} from '../support/learner';

const url = inject('pbUrl');

describe('a learner studies a downloaded pathway offline (real Chromium, real service worker)', () => {
	let browser: LaunchedBrowser;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(() => browser?.close());

	it('downloads online, then reads, answers, completes and keeps progress with no network', async () => {
		const { context } = browser;
		const online = await context.newPage();
		await online.goto(`${url}/`);
		await waitForServiceWorker(online);
		await online.getByRole('link', { name: 'Digital Essentials', exact: true }).click();
		const download = online.getByRole('button', { name: 'Save for offline (less than 1 MB)' });
		await download.click();
		await online.getByText('Saved for offline').waitFor({ timeout: 30_000 });

		// Offline from here on: any request that reaches the network is a failure of the app.
		await context.setOffline(true);
		await online.close();
		const reachedNetwork: string[] = [];
		const watch = async (request: Request) => {
			const response = await request.response();
			if (response && !response.fromServiceWorker()) reachedNetwork.push(request.url());
		};
		context.on('requestfinished', (request) => void watch(request));

		const page = await context.newPage();
		await page.goto(`${url}/`);
		await page.getByRole('link', { name: 'Digital Essentials', exact: true }).click();
		await page.getByRole('link', { name: 'Strong passwords' }).click();
		await page.getByRole('heading', { level: 1, name: 'Strong passwords' }).waitFor();
		expect(await page.locator('.lesson-body h2').count()).toBeGreaterThan(0);

		await page.getByRole('link', { name: /Take the quiz/ }).click();
		await finishQuiz(page);
		expect(await page.locator('main').textContent()).toMatch(/You got \d+ of \d+ right/);

		// Going on from the result marks the lesson complete, passed or not.
		await page.getByRole('link', { name: 'Next lesson: Two-step sign-in' }).click();
		await page.getByRole('heading', { level: 1, name: 'Two-step sign-in' }).waitFor();
		await page.locator('.lesson-body h2').first().waitFor();

		await page.getByRole('link', { name: 'Previous: Strong passwords' }).click();
		await page.getByRole('heading', { level: 1, name: 'Strong passwords' }).waitFor();
		await page.reload();
		await page.getByRole('heading', { level: 2, name: 'Lesson done' }).waitFor();
		await page.getByRole('link', { name: 'Progress' }).click();
		const total = (await publishedLessonIds(url, 'digital-essentials')).length;
		await page.getByText(`1 of ${total} lessons done`).first().waitFor();

		const events = {
			events: await readStore<{ type?: string }>(page, 'events'),
			outbox: await readStore(page, 'outbox')
		};
		const types = events.events.map((e) => e.type);
		expect(types).toContain('lesson_opened');
		expect(types).toContain('quiz_answered');
		expect(types).toContain('quiz_completed');
		expect(types).toContain('lesson_completed');
		expect(events.outbox).toHaveLength(events.events.length);
		expect(reachedNetwork).toEqual([]);
		await context.setOffline(false);
	});
});
