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
		await saveDigitalEssentials(browser.context, url);
		await goOffline(browser.context);
	});
	afterAll(() => browser?.close());

	it('a learner who leaves at once is taken back to the lesson; one open per visit', async () => {
		const { context } = browser;

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

	it('the lesson screen takes over with focus where it was, and reading aloud goes on', async () => {
		const { context } = browser;
		/**
		 * A cold open of STRONG on a slow phone: at the first frame of the early text, focus goes
		 * to `selector` in it (and it is pressed) as a learner's keys would (Playwright's own
		 * actions wait for a still page, and the lesson screen may take over in that time); then
		 * the screen takes over.
		 */
		const openCold = async (selector: string, press: boolean) => {
			const page = await context.newPage();
			// Headless Chromium has no voice: the speech is what the page asks of speechSynthesis,
			// going on until something cancels it.
			await page.addInitScript(() => {
				const speech = { spoken: [] as string[], cancelled: 0 };
				Object.assign(window, { speech });
				speechSynthesis.speak = (utterance) => void speech.spoken.push(utterance.text);
				speechSynthesis.cancel = () => void speech.cancelled++;
			});
			const cdp = await context.newCDPSession(page);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
			await page.goto(`${url}${STRONG.path}`, { waitUntil: 'commit' });
			await page.waitForFunction(
				([selector, press]) => {
					const early = document.querySelector('main > .first-text');
					const control = early?.querySelector<HTMLElement>(selector);
					if (!early?.querySelector('.lesson-body') || !control) return false;
					control.focus();
					if (press) control.click();
					return true;
				},
				[selector, press] as const,
				{ polling: 'raf' }
			);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
			await page.getByRole('link', { name: `Next: ${TWO_STEP.title}` }).waitFor();
			expect(await page.locator('main > .first-text').count()).toBe(0);
			return page;
		};
		const focused = (page: Page) =>
			page.evaluate(() => {
				const element = document.activeElement;
				return `${element?.tagName} ${element?.textContent?.trim()}`;
			});
		const speech = (page: Page) =>
			page.evaluate(() => (window as unknown as { speech: unknown }).speech);

		// Tabbed to "Read aloud" and pressed it: the screen's own button has focus, says the
		// lesson is being read, and nothing cut the speech off; it stops it when pressed.
		const reading = await openCold('button[aria-pressed]', true);
		expect(await focused(reading)).toBe('BUTTON Stop reading aloud');
		expect(await reading.locator(':focus').getAttribute('aria-pressed')).toBe('true');
		expect(await speech(reading)).toEqual({
			spoken: [expect.stringContaining('password')],
			cancelled: 0
		});
		await reading.keyboard.press('Enter');
		await reading.getByRole('button', { name: 'Read aloud', pressed: false }).waitFor();
		expect(await speech(reading)).toMatchObject({ cancelled: 1 });
		await reading.close();

		// Tabbed to the breadcrumb: the screen's breadcrumb link has focus.
		const crumb = await openCold('.breadcrumb a', false);
		expect(await focused(crumb)).toBe('A Digital Essentials');
		expect(await crumb.evaluate(() => !!document.activeElement?.closest('.breadcrumb'))).toBe(true);
		await crumb.close();
	});
});
