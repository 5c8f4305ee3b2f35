import type { Page } from 'playwright-core';

/**
 * Waits until what the page has started can no longer run script later: every image and
 * media element has loaded or failed (their load and error handlers run in the same task that
 * settles them), then a frame is drawn and one task queued behind whatever the pokes queued
 * (toggle events, javascript: navigations) has run. Not a sleep: a slow machine waits longer,
 * a fast one less, and an element that never settles fails the test by its timeout.
 */
export async function settle(page: Page): Promise<void> {
	await page.waitForFunction(() =>
		[...document.querySelectorAll('img, audio, video')].every((element) =>
			element instanceof HTMLImageElement
				? element.complete
				: element instanceof HTMLMediaElement &&
					(element.error !== null ||
						element.readyState > HTMLMediaElement.HAVE_NOTHING ||
						element.networkState === HTMLMediaElement.NETWORK_EMPTY ||
						element.networkState === HTMLMediaElement.NETWORK_NO_SOURCE)
		)
	);
	await page.evaluate(
		() =>
			new Promise<void>((done) =>
				requestAnimationFrame(() => {
					const channel = new MessageChannel();
					channel.port1.onmessage = () => done();
					channel.port2.postMessage(null);
				})
			)
	);
}
