import type { Page } from 'playwright-core';
import { waitForServiceWorker } from '../tests/support/learner';

/**
 * A learner's first visit: the home page until the service worker controls it, then the
 * Digital Essentials pathway downloaded for offline use. Returns the size the download
 * button announced, in KB.
 */
export async function downloadDigitalEssentials(page: Page, url: string): Promise<number> {
	await page.goto(`${url}/`);
	await waitForServiceWorker(page);
	await page.waitForLoadState('networkidle');
	await page.getByRole('link', { name: 'Digital Essentials' }).click();
	const button = page.getByRole('button', { name: /Download for offline \(about \d+ KB\)/ });
	const announced = Number((await button.textContent())?.match(/about (\d+) KB/)?.[1]);
	await button.click();
	await page.getByText('Ready to use offline').waitFor({ timeout: 30_000 });
	await page.waitForLoadState('networkidle');
	return announced;
}
