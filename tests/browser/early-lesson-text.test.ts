import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { readStore, saveDigitalEssentials } from '../support/learner';
import { goOffline } from '../support/offline';

const url = inject('pbUrl');
const MODULE = '/pathways/digital-essentials/staying-safe';
const STRONG = { path: `${MODULE}/strong-passwords`, title: 'Strong passwords' };
const TWO_STEP = { path: `${MODULE}/two-step-sign-in`, title: 'Two-step sign-in' };

/** The "opened" events on the phone, by lesson title (read from the stored catalog's ids). */
async function openedEvents(page: Page): Promise<string[]> {
	const events = await readStore<{ type: string; lesson: string }>(page, 'events');
	return events.filter((e) => e.type === 'lesson_opened').map((e) => e.lesson);
}

/** Home's "Continue" offer: the lesson it names. */
async function continueTitle(page: Page): Promise<string | null> {
	const next = page.locator('main .next-step h2');
	await next.waitFor();
	return next.textContent();
}

describe('a cold-opened lesson shows its text early and records its open once (real Chromium, offline)', () => {
	let browser: LaunchedBrowser;
	beforeAll(async () => {
		browser = await launchChromium({ viewport: { width: 360, height: 640 } });
	});
	afterAll(() => browser?.close());

	it('a learner who leaves at once is taken back to the lesson; one open per visit', async () => {
		const { context } = browser;
		await saveDigitalEssentials(context, url);
		await goOffline(context);

		/** A cold open of a lesson on a slow phone, the early text on screen. */
		const openCold = async (lesson: { path: string; title: string }) => {
			const page = await context.newPage();
			const cdp = await context.newCDPSession(page);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
			await page.goto(`${url}${lesson.path}`);
			await page.locator('main .lesson-body h2').first().waitFor();
			return {
				page,
				early: await page.locator('main > .first-text h1').textContent(),
				fast: () => cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
			};
		};

		// 1. Left at once, by another address, before the lesson screen has loaded.
		const first = await openCold(TWO_STEP);
		expect(first.early).toBe(TWO_STEP.title);
		await first.fast();
		await first.page.goto(`${url}/`);
		expect(await continueTitle(first.page)).toBe(TWO_STEP.title);
		const twoStep = (await openedEvents(first.page))[0];
		expect(await openedEvents(first.page)).toEqual([twoStep]);
		await first.page.close();

		// 2. Stayed: the lesson screen takes over (its quiz and "Next" come), and records no
		// second open for the same visit.
		const second = await openCold(STRONG);
		expect(second.early).toBe(STRONG.title);
		await second.fast();
		await second.page.getByRole('link', { name: /quiz/i }).waitFor();
		await second.page.getByRole('link', { name: `Next: ${TWO_STEP.title}` }).waitFor();
		expect(await second.page.locator('main > .first-text').count()).toBe(0);
		expect(await second.page.locator('main h1').count()).toBe(1);
		// Long enough for the screen's own effects (its open would be written by now).
		await second.page.waitForTimeout(500);
		const strong = (await openedEvents(second.page)).find((id) => id !== twoStep);
		expect(await openedEvents(second.page)).toEqual([twoStep, strong]);
		expect(await readStore(second.page, 'outbox')).toHaveLength(2);
		await second.page.close();

		// 3. Left at once inside the app (the breadcrumb), then home: a new visit, a new open,
		// and the lesson is the one to continue.
		// The breadcrumb is clicked in the page at the first frame that shows it: Playwright's own
		// click waits for a still element, and the lesson screen may take over in that time.
		const third = await context.newPage();
		const cdp = await context.newCDPSession(third);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
		await third.goto(`${url}${TWO_STEP.path}`, { waitUntil: 'commit' });
		const early = await third.waitForFunction(
			() => {
				const box = document.querySelector('main > .first-text');
				const link = box?.querySelector<HTMLAnchorElement>('.breadcrumb a');
				if (!link) return false;
				const title = box?.querySelector('h1')?.textContent;
				link.click();
				return title;
			},
			undefined,
			{ polling: 'raf' }
		);
		expect(await early.jsonValue()).toBe(TWO_STEP.title);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
		await third.getByRole('heading', { level: 1, name: 'Digital Essentials' }).waitFor();
		await third.getByRole('link', { name: 'Home' }).click();
		expect(await continueTitle(third)).toBe(TWO_STEP.title);
		expect(await openedEvents(third)).toEqual([twoStep, strong, twoStep]);
		await third.close();
	});
});
