import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { axeViolations } from '../support/axe';
import { readStore, waitForServiceWorker } from '../support/learner';
import { goOffline } from '../support/offline';

const url = inject('pbUrl');
const PATHWAY = `${url}/pathways/digital-essentials`;
const LESSON = `${PATHWAY}/getting-started/phones-tablets-and-computers`;
const OTHER_LESSON = `${PATHWAY}/staying-safe/strong-passwords`;
const GESTURES = /Three hands on phone screens\. Tap: a finger touches the screen once/;

async function useSettings(page: Page, settings: Record<string, unknown>) {
	await page.evaluate(
		(value) => localStorage.setItem('clyde-settings', JSON.stringify(value)),
		settings
	);
}

/** Computed colours of the first picture's ink: a filled element's fill, an outline's stroke. */
function inkColours(page: Page): Promise<{ fill: string; stroke: string }> {
	return page.evaluate(() => {
		const svg = document.querySelector('figure.picture svg') as SVGElement;
		const filled = svg.querySelector('.ink:not([fill="none"]) text, text.ink') as Element;
		const outlined = svg.querySelector('.ink[fill="none"] rect') as Element;
		return { fill: getComputedStyle(filled).fill, stroke: getComputedStyle(outlined).stroke };
	});
}

describe('pictures in lessons (real Chromium, real service worker, real PocketBase)', () => {
	// Each test is a phone of its own: a fresh profile, nothing downloaded yet.
	let browser: LaunchedBrowser;
	beforeEach(async () => {
		browser = await launchChromium();
	});
	afterEach(() => browser?.close());

	it('a downloaded pathway brings its pictures: offline, each shows inline, themed and named', async () => {
		const { context } = browser;
		const online = await context.newPage();
		await online.goto(`${url}/`);
		await waitForServiceWorker(online);
		await online.goto(PATHWAY);
		await online.getByRole('button', { name: /^Save for offline/ }).click();
		await online.getByText('Saved for offline').waitFor({ timeout: 30_000 });
		expect((await readStore(online, 'media')).length).toBeGreaterThanOrEqual(22);

		await goOffline(context);
		await online.close();
		const page = await context.newPage();
		const reachedNetwork: string[] = [];
		page.on('response', (r) => {
			if (!r.fromServiceWorker()) reachedNetwork.push(r.url());
		});
		await page.goto(LESSON);
		const gestures = page.getByRole('img', { name: GESTURES });
		await gestures.waitFor();
		expect(await gestures.evaluate((e) => e.tagName.toLowerCase())).toBe('svg');
		expect(await page.locator('figure.picture svg').count()).toBe(2);
		expect(await page.locator('figure.picture svg title').count()).toBe(0);
		await page.getByText('Tap, swipe and pinch', { exact: true }).waitFor();
		expect(reachedNetwork).toEqual([]);

		// The same picture follows the theme: light, dark and high contrast differ, and axe
		// finds nothing in any of them.
		// Each cold open shows the early text, then the full lesson screen takes over: no frame
		// between them may show a picture's alt text in place of a picture that is on the phone.
		await page.addInitScript(() => {
			const seen = { frames: 0, withoutPicture: 0 };
			(window as unknown as { pictureFrames: typeof seen }).pictureFrames = seen;
			const sample = () => {
				if (document.querySelector('figure.picture')) {
					seen.frames++;
					if (document.querySelector('figure.picture .alt')) seen.withoutPicture++;
				}
				requestAnimationFrame(sample);
			};
			requestAnimationFrame(sample);
		});
		const colours: Record<string, { fill: string; stroke: string }> = {};
		for (const theme of ['light', 'dark', 'contrast']) {
			await useSettings(page, { theme });
			await page.reload();
			await gestures.waitFor();
			colours[theme] = await inkColours(page);
			expect(await axeViolations(page), theme).toEqual([]);
			const frames = await page.evaluate(
				() => (window as unknown as { pictureFrames: object }).pictureFrames
			);
			expect(frames, theme).toMatchObject({ withoutPicture: 0 });
		}
		expect(colours.light?.fill).not.toBe(colours.dark?.fill);
		expect(colours.light?.stroke).not.toBe(colours.dark?.stroke);
		expect(colours.dark?.fill).toBe('rgb(242, 242, 242)');

		// At 320 px the pictures shrink to the screen: nothing scrolls sideways.
		await page.setViewportSize({ width: 320, height: 640 });
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		const width = await gestures.evaluate((svg) => svg.getBoundingClientRect().width);
		expect(width).toBeGreaterThan(250);
		expect(width).toBeLessThanOrEqual(320);

		// Read aloud says the alt text where the picture is, not the words drawn inside it.
		await page.evaluate(() => {
			(window as unknown as { spoken: string[] }).spoken = [];
			speechSynthesis.speak = (utterance) =>
				(window as unknown as { spoken: string[] }).spoken.push(utterance.text);
		});
		await page.getByRole('button', { name: 'Read aloud' }).click();
		const spoken = await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
		expect(spoken[0]).toContain('Picture: Three hands on phone screens. Tap:');
		expect(spoken[0]).toContain('Touch screens');
		expect(spoken[0]).not.toContain('to zoom');
		await page.close();
	});

	it('low-data mode downloads no picture, then shows one when asked, and explains offline', async () => {
		const { context } = browser;
		const page = await context.newPage();
		await page.goto(`${url}/`);
		await waitForServiceWorker(page);
		await page.goto(PATHWAY);
		await page.getByRole('button', { name: /^Save for offline/ }).waitFor();
		await useSettings(page, { lowData: true });
		await page.reload();
		// Sizes are announced in whole MB; what low-data mode leaves out is said beside them.
		await page.getByText(/^Low-data mode is on: the pictures \(\d+ kB\) are not saved\./).waitFor();

		const mediaRequests: string[] = [];
		context.on('request', (r) => {
			if (r.url().includes('/api/clyde/media')) mediaRequests.push(r.url());
		});
		await page.getByRole('button', { name: /^Save for offline/ }).click();
		await page.getByText('Saved for offline').waitFor({ timeout: 30_000 });
		expect(mediaRequests).toEqual([]);
		expect(await readStore(page, 'media')).toEqual([]);

		await page.goto(LESSON);
		const show = page.getByRole('button', { name: /^Show picture \(\d+ kB\)$/ });
		await show.first().waitFor();
		expect(await show.count()).toBe(2);
		await page.getByText(GESTURES).waitFor();
		expect(await axeViolations(page)).toEqual([]);
		expect(mediaRequests).toEqual([]);

		await show.nth(1).click();
		await page.getByRole('img', { name: GESTURES }).waitFor();
		expect(mediaRequests).toHaveLength(1);
		expect(await readStore(page, 'media')).toHaveLength(1);
		expect(await show.count()).toBe(1);

		await goOffline(context);
		const offline = await context.newPage();
		await offline.goto(OTHER_LESSON);
		await offline.getByRole('button', { name: /^Show picture/ }).click();
		await offline.getByText('You are offline, so the picture cannot be fetched now.').waitFor();
		expect(await offline.locator('figure.picture svg').count()).toBe(0);
		expect(mediaRequests).toHaveLength(1);
		// The picture asked for earlier is on the phone: it shows offline too.
		await offline.goto(LESSON);
		await offline.getByRole('img', { name: GESTURES }).waitFor();
	});

	it('a lesson read online without a download gets its pictures, and keeps none', async () => {
		const page = await browser.context.newPage();
		await page.goto(OTHER_LESSON);
		await page.getByRole('img', { name: /^A cactus, a lemon and a harbour/ }).waitFor();
		expect(await readStore(page, 'media')).toEqual([]);
	});
});
