import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { waitForServiceWorker } from '../support/learner';

const url = inject('pbUrl');
/** The budget for the cumulative layout shift of home and lesson. */
const BUDGET = 0.02;

/**
 * Cumulative layout shift as Chromium reports it (shifts right after an input do not count),
 * summed from the start of the page's load until it has been still for a while. The content
 * of a screen arrives after its frame (IndexedDB is read then); nothing on screen may move
 * for it. A throttled CPU spreads the renders out, as on a cheap phone.
 */
async function layoutShift(
	page: Page,
	open: () => Promise<void>
): Promise<{ sum: number; moved: string[] }> {
	await open();
	await page.waitForTimeout(1000);
	return page.evaluate(
		() =>
			new Promise<{ sum: number; moved: string[] }>((done) => {
				let sum = 0;
				const moved: string[] = [];
				type Shift = PerformanceEntry & {
					value: number;
					hadRecentInput: boolean;
					sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
				};
				new PerformanceObserver((list) => {
					for (const entry of list.getEntries() as Shift[]) {
						if (entry.hadRecentInput) continue;
						sum += entry.value;
						// What moved, for the failure message: the element and its two positions.
						for (const { node, previousRect: from, currentRect: to } of entry.sources) {
							const what = node instanceof Element ? node.outerHTML.slice(0, 80) : node?.nodeName;
							moved.push(
								`${entry.value.toFixed(3)} ${what} y ${from.y}→${to.y} h ${from.height}→${to.height}`
							);
						}
					}
				}).observe({ type: 'layout-shift', buffered: true });
				setTimeout(() => done({ sum, moved }), 100);
			})
	);
}

describe('no layout shift on home and lesson (real Chromium, a 360 px phone, 4× CPU)', () => {
	let browser: LaunchedBrowser;
	let page: Page;
	beforeAll(async () => {
		browser = await launchChromium({ viewport: { width: 360, height: 640 } });
		page = await browser.context.newPage();
		const cdp = await browser.context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	});
	afterAll(() => browser?.close());

	it('home on a first visit, while the courses arrive from the server', async () => {
		const shift = await layoutShift(page, async () => {
			await page.goto(`${url}/`);
			await page.getByRole('link', { name: 'Digital Essentials', exact: true }).first().waitFor();
		});
		expect(shift.sum, shift.moved.join('\n')).toBeLessThanOrEqual(BUDGET);
		await waitForServiceWorker(page);
	});

	it('a lesson opened by its address, and home once there is progress', async () => {
		const lesson = `${url}/pathways/digital-essentials/staying-safe/strong-passwords`;
		const onLesson = await layoutShift(page, async () => {
			await page.goto(lesson);
			await page.locator('.lesson-body h2').first().waitFor();
		});
		expect(onLesson.sum, onLesson.moved.join('\n')).toBeLessThanOrEqual(BUDGET);

		const onHome = await layoutShift(page, async () => {
			await page.goto(`${url}/`);
			await page.locator('.next-step').waitFor();
		});
		expect(onHome.sum, onHome.moved.join('\n')).toBeLessThanOrEqual(BUDGET);
	});
});
