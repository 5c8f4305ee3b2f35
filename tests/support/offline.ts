import type { BrowserContext } from 'playwright-core';

/**
 * Takes the browser off the network as a phone with no signal, for pages opened from now on:
 * requests fail (Playwright's setOffline) and `navigator.onLine` is false from the first line
 * of the app's code. setOffline alone is not enough here: Chromium 147 (the bundled one)
 * resets navigator.onLine to true in every new document while the network stays cut, so an
 * app opened offline would believe it is online. An init script says "offline" before the
 * app runs. Returns the way back online, which tells open pages as the phone would.
 */
export async function goOffline(context: BrowserContext): Promise<() => Promise<void>> {
	await context.setOffline(true);
	const script = await context.addInitScript(() =>
		Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false })
	);
	return async () => {
		await script.dispose();
		await context.setOffline(false);
		for (const page of context.pages()) {
			await page.evaluate(() => {
				if (!Object.hasOwn(navigator, 'onLine')) return;
				delete (navigator as { onLine?: boolean }).onLine;
				window.dispatchEvent(new Event('online'));
			});
		}
	};
}
