import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Route } from 'playwright-core';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { axeInEveryTheme } from '../support/axe';
import { goOffline } from '../support/offline';

const url = inject('pbUrl');

describe('the app shell, served by PocketBase, in real Chromium', () => {
	let browser: LaunchedBrowser;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(() => browser?.close());

	it('opens again offline, in a new page, from the service worker', async () => {
		const { context } = browser;
		const first = await context.newPage();
		await first.goto(`${url}/`);
		// A phone that has never used Clyde gets the welcome.
		await expect(first.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
			'Welcome to Clyde'
		);

		// The first worker claims the page (clientsClaim), so control arrives without a reload.
		await first.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
			timeout: 20_000
		});

		const backOnline = await goOffline(context);
		const failedRequests: string[] = [];
		const notFromWorker: string[] = [];
		const second = await context.newPage();
		second.on('requestfailed', (request) => failedRequests.push(new URL(request.url()).pathname));
		second.on('response', (response) => {
			if (!response.fromServiceWorker()) notFromWorker.push(new URL(response.url()).pathname);
		});
		// A deep link, not only "/": the worker answers every navigation with the cached shell.
		await second.goto(`${url}/pathways/digital-essentials`);
		await expect(second.locator('.brand').textContent()).resolves.toBe('Clyde');
		await second.getByRole('status').filter({ hasText: 'Offline' }).waitFor();
		// Everything the shell needs came from the worker's cache. The only request that may
		// fail is SvelteKit's check for a newer app version, made when a route is unknown.
		expect(notFromWorker).toEqual([]);
		expect(failedRequests.filter((path) => path !== '/_app/version.json')).toEqual([]);
		await backOnline();
	});

	it('a screen kept for later (/verify) says it is not on the phone yet offline, and opens offline once opened online', async () => {
		// A phone of its own, so that nothing another test opened is kept on it.
		const phone = await launchChromium();
		const { context } = phone;
		try {
			const page = await context.newPage();
			await page.goto(`${url}/`);
			await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
				timeout: 20_000
			});
			// Not precached (vite.config.ts, LATER_PAGES): offline, the learner is told why. The
			// worker's own fetches ignore setOffline in Chromium: the server is cut off for it too.
			const cut = (route: Route) => route.abort('internetdisconnected');
			const offline = async () => {
				await context.route(`${url}/**`, cut);
				const online = await goOffline(context);
				return async () => {
					await context.unroute(`${url}/**`, cut);
					await online();
				};
			};
			let backOnline = await offline();
			await page.goto(`${url}/verify`);
			await page
				.getByRole('heading', { level: 1, name: 'This screen is not on your phone yet' })
				.waitFor();
			await page.getByText('Your progress is safe on this phone.').waitFor();
			expect(await axeInEveryTheme(page)).toEqual({});
			await backOnline();

			await page.goto(`${url}/verify`);
			await page.getByRole('heading', { level: 1, name: 'Check a badge' }).waitFor();
			backOnline = await offline();
			await page.goto(`${url}/verify`);
			await page.getByRole('heading', { level: 1, name: 'Check a badge' }).waitFor();
			await backOnline();
		} finally {
			await phone.close();
		}
	});

	it('serves a web app manifest with 192, 512 and maskable icons that exist', async () => {
		const page = await browser.context.newPage();
		const response = await page.request.get(`${url}/manifest.webmanifest`);
		expect(response.ok()).toBe(true);
		const manifest = (await response.json()) as {
			theme_color: string;
			icons: { src: string; sizes: string; purpose: string }[];
		};
		expect(manifest.theme_color).toBe('#0b5563');
		expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual([
			'192x192 any',
			'512x512 any',
			'512x512 maskable'
		]);
		for (const icon of manifest.icons) {
			const image = await page.request.get(`${url}${icon.src}`);
			expect(image.headers()['content-type']).toBe('image/png');
		}
	});
});
