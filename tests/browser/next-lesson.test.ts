import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { saveDigitalEssentials } from '../support/learner';
import { goOffline } from '../support/offline';

const url = inject('pbUrl');
const LESSON = '/pathways/digital-essentials/staying-safe/strong-passwords';

describe('the next lesson of a downloaded pathway, offline (real Chromium, real service worker)', () => {
	let browser: LaunchedBrowser;
	beforeAll(async () => {
		browser = await launchChromium({ viewport: { width: 360, height: 640 } });
	});
	afterAll(() => browser?.close());

	it('opens cold onto the lesson text, and "Next" shows the next text with its title, read ahead', async () => {
		const { context } = browser;
		await saveDigitalEssentials(context, url);

		await goOffline(context);
		const page = await context.newPage();
		await page.goto(`${url}${LESSON}`);
		await page.getByRole('heading', { level: 1, name: 'Strong passwords' }).waitFor();
		await page.locator('.lesson-body h2').first().waitFor();

		// Every batch of DOM changes after the click: the next title must never be on screen
		// without the next lesson's text (it would be if the text waited for a database read).
		const titledWithoutText = page.evaluate(
			(title) =>
				new Promise<boolean>((resolve) => {
					const before = document.querySelector('.lesson-body')?.innerHTML;
					let bare = false;
					const observer = new MutationObserver(() => {
						if (document.querySelector('h1')?.textContent !== title) return;
						const body = document.querySelector('.lesson-body');
						const shown = !!body?.querySelector('h2') && body.innerHTML !== before;
						if (!shown) bare = true;
						else {
							observer.disconnect();
							resolve(bare);
						}
					});
					observer.observe(document.body, { childList: true, subtree: true, characterData: true });
				}),
			'Two-step sign-in'
		);
		await page.getByRole('link', { name: 'Next: Two-step sign-in' }).click();
		expect(await titledWithoutText).toBe(false);
		await page.getByRole('heading', { level: 1, name: 'Two-step sign-in' }).waitFor();
	});
});
