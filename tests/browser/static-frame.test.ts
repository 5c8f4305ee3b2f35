import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';

const url = inject('pbUrl');

/**
 * The app's frame is painted from the static HTML before any of its modules has arrived
 * (src/app.html, src/routes/frame.css), in the learner's own colours and direction
 * (static/display-settings.js), and the root layout's frame takes its place.
 */
describe('the frame painted from the static HTML (real Chromium, 360 px)', () => {
	let browser: LaunchedBrowser;
	beforeAll(async () => {
		browser = await launchChromium({ viewport: { width: 360, height: 640 } });
	});
	afterAll(() => browser?.close());

	it('is in the HTML as served, with no inline script but SvelteKit’s own', async () => {
		const response = await fetch(`${url}/pathways/digital-essentials`);
		const html = await response.text();
		expect(html).toMatch(/<div id="static-frame">\s*<header class="app-header">/);
		const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)];
		// SvelteKit's start-up script, allowed by its hash in the page's CSP; nothing else.
		expect(inline).toHaveLength(1);
		expect(html).toContain('<script src="/display-settings.js"></script>');
	});

	it('paints the header and the tab bar with no module loaded, in the saved theme and direction', async () => {
		// A phone of its own, whose app never starts: no module arrives, so no service worker
		// is registered either, and what shows is the static HTML with its stylesheet.
		const phone = await launchChromium({ viewport: { width: 360, height: 640 } });
		try {
			const page = await phone.context.newPage();
			await page.emulateMedia({ colorScheme: 'light' });
			await page.addInitScript(() => {
				localStorage.setItem('clyde-settings', JSON.stringify({ theme: 'dark', textSize: 100 }));
				localStorage.setItem('clyde-locale', 'ar');
			});
			await page.route('**/_app/immutable/**/*.js', (route) => route.abort());
			await page.goto(`${url}/pathways/digital-essentials`);
			const frame = await page.evaluate(() => {
				const header = document.querySelector('#static-frame .app-header');
				const bar = document.querySelector('#static-frame .app-nav');
				return {
					header: header?.getBoundingClientRect().height,
					bar: bar?.getBoundingClientRect(),
					brand: header?.textContent?.trim(),
					background: getComputedStyle(document.documentElement).backgroundColor,
					dir: document.documentElement.dir
				};
			});
			expect(frame.brand).toBe('Clyde');
			expect(frame.header).toBeGreaterThanOrEqual(48);
			// The bottom tab bar, at its full height, before its tabs have names.
			expect(frame.bar?.height).toBeGreaterThanOrEqual(56);
			expect(frame.bar?.bottom).toBe(640);
			expect(frame.dir).toBe('rtl');
			// Dark (#121212) as saved, though the phone is set to light.
			expect(frame.background).toBe('rgb(18, 18, 18)');
		} finally {
			await phone.close();
		}
	});

	it('gives way to the layout’s frame: one header once the app has started', async () => {
		const page = await browser.context.newPage();
		await page.goto(`${url}/`);
		await page.getByRole('navigation', { name: 'Main' }).waitFor();
		await expect(page.locator('#static-frame').count()).resolves.toBe(0);
		await expect(page.locator('.app-header').count()).resolves.toBe(1);
		await page.close();
	});
});
