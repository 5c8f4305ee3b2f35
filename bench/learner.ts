import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import type { CatalogPathway } from '../src/lib/content/catalog-types';
import { readStore, waitForServiceWorker } from '../tests/support/learner';

/**
 * A learner's first visit: the home page until the service worker controls it, then the
 * Digital Essentials pathway saved for offline use. Returns the size of its lessons as the
 * catalog gives it (what the app announces, rounded to whole MB on screen), in KB.
 */
export async function downloadDigitalEssentials(page: Page, url: string): Promise<number> {
	await page.goto(`${url}/`);
	await waitForServiceWorker(page);
	await page.waitForLoadState('networkidle');
	await page.getByRole('link', { name: 'Digital Essentials', exact: true }).click();
	// From the catalog the phone already holds: no request of the benchmark's own.
	const catalog = await readStore<CatalogPathway>(page, 'catalog');
	const pathway = catalog.find((p) => p.id === 'digital-essentials');
	const bytes = pathway?.modules.flatMap((m) => m.lessons).reduce((s, l) => s + l.bytes, 0) ?? 0;
	const announced = Math.round(bytes / 1024);
	await page.getByRole('button', { name: /^Save for offline/ }).click();
	await page.getByText('Saved for offline').waitFor({ timeout: 30_000 });
	await page.waitForLoadState('networkidle');
	return announced;
}

/**
 * Takes a page offline as a phone with no signal, for the benchmarks that open it again and
 * again. Playwright's offline switch covers the page and the service worker, but once a CDP
 * session is attached Chromium forgets it in navigator.onLine after a navigation, so it is said
 * on that session too; and Chromium 147 resets navigator.onLine to true in each new document
 * (see tests/support/offline.ts). The script is text: tsx would wrap a function's inner arrows
 * in a helper the page lacks.
 */
export async function offlineLikeAPhone(
	context: BrowserContext,
	page: Page,
	cdp: CDPSession
): Promise<void> {
	await context.setOffline(true);
	await page.addInitScript({
		content: "Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });"
	});
	await cdp.send('Network.emulateNetworkConditions', {
		offline: true,
		latency: 0,
		downloadThroughput: -1,
		uploadThroughput: -1
	});
}
