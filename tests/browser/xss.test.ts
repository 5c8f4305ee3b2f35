import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { nodeSanitiser } from '../../scripts/content/node-sanitiser';
import { renderMarkdown } from '../../scripts/content/render';
import { JSDOM } from 'jsdom';
import { svgSanitiser } from '../../scripts/content/sanitize-svg';
import { HOSTILE_SVGS } from '../fixtures/hostile-svgs';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads';
import { settle } from '../support/settle';

const sanitiseSvg = svgSanitiser(new JSDOM('').window as unknown as Window);

const noLinks = { link: () => undefined, picture: () => undefined };

/**
 * Puts HTML into a blank page with no CSP (so only the sanitiser stands in the way), both as
 * the document itself and through innerHTML as the app's {@html} does, then clicks, focuses
 * and hovers everything. Returns the payload numbers that managed to call __xss.
 */
async function executedPayloads(page: Page, html: string): Promise<number[]> {
	await page.setContent(
		`<!doctype html><script>window.__ran=[];window.__xss=(n)=>window.__ran.push(n);</script><main>${html}</main><div id="inner"></div>`
	);
	await page.evaluate((markup) => {
		(document.getElementById('inner') as HTMLElement).innerHTML = markup;
	}, html);
	for (const handle of await page.$$('main *, #inner *')) {
		await handle.hover({ timeout: 200, force: true }).catch(() => {});
		await handle.focus().catch(() => {});
		await handle.click({ timeout: 200, force: true, noWaitAfter: true }).catch(() => {});
	}
	await settle(page);
	// A click on a javascript: link may have navigated the page; read what ran wherever it is.
	return page.evaluate(() => (window as unknown as { __ran?: number[] }).__ran ?? []);
}

describe('lesson HTML in real Chromium', () => {
	let browser: LaunchedBrowser;
	let page: Page;
	beforeAll(async () => {
		browser = await launchChromium();
		page = await browser.context.newPage();
	});
	afterAll(() => browser?.close());

	it('the harness does catch script that runs (unsanitised payloads)', async () => {
		const raw = XSS_PAYLOADS.slice(0, 5).join('\n');
		expect((await executedPayloads(page, raw)).length).toBeGreaterThan(0);
	});

	it(`runs none of the ${XSS_PAYLOADS.length} payloads once rendered and sanitised`, async () => {
		const html = XSS_PAYLOADS.map(
			(payload) => renderMarkdown(payload, noLinks, nodeSanitiser()).html
		).join('\n');
		expect(await executedPayloads(page, html)).toEqual([]);
	});

	it('the harness catches hostile SVG shown inline as it is', async () => {
		const raw = HOSTILE_SVGS.map((h) => h.svg).join('\n');
		expect((await executedPayloads(page, raw)).length).toBeGreaterThan(0);
	});

	it(`runs none of the ${HOSTILE_SVGS.length} hostile SVGs, nor the lesson payloads, once sanitised as pictures`, async () => {
		const pictures = [...HOSTILE_SVGS.map((h) => h.svg), ...XSS_PAYLOADS].map(
			(svg) => sanitiseSvg(svg).svg
		);
		expect(await executedPayloads(page, pictures.join('\n'))).toEqual([]);
	});
});
