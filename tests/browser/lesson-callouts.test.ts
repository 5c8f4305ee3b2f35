import { resolve } from 'node:path';
import PocketBase from 'pocketbase';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { compileContent } from '../../scripts/content/compile';
import { loadContent } from '../../scripts/content/load';
import { nodeSanitiser } from '../../scripts/content/node-sanitiser';
import { publishContent } from '../../scripts/content/publish-client';
import { axeViolations } from '../support/axe';

const url = inject('pbUrl');
const LESSON = '/pathways/callouts/boxes/all-five';
const CALLOUTS = ['Note', 'Tip', 'Important', 'Warning', 'Caution'];
const EXTRA: [string, string][] = [
	[
		'99-callouts/pathway.md',
		'---\nid: callouts-p\ntitle: Callouts\nsummary: Boxes.\nlevel: beginner\noutcomes:\n  - See them\n---\n'
	],
	['99-callouts/01-boxes/module.md', '---\nid: callouts-m\ntitle: Boxes\nsummary: Boxes.\n---\n'],
	[
		'99-callouts/01-boxes/01-all-five.md',
		`---\nid: callouts-l\ntitle: All five\nsummary: Every kind of callout.\nminutes: 2\noutcomes:\n  - Know the boxes\n---\n\n## The boxes\n\nJump to [the last part](#the-last-part).\n\n${CALLOUTS.map((c) => `> [!${c.toUpperCase()}]\n> A ${c.toLowerCase()} with **bold** text and [a link](#the-boxes).\n`).join('\n')}\n${'Filler text to scroll past.\n\n'.repeat(30)}## The last part\n\nThe end.\n`
	]
];

/** The real curriculum, with or without the callout pathway: a publish is the whole set. */
async function publish(withExtra: boolean) {
	const input = await loadContent(resolve(import.meta.dirname, '../../content'));
	if (withExtra) for (const [path, text] of EXTRA) input.markdown.set(path, text);
	const { pathways, diagnostics } = compileContent(input, nodeSanitiser());
	expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
	const admin = new PocketBase(url);
	await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
	await publishContent({ url, token: admin.authStore.token, pathways, dryRun: false });
}

describe('a lesson with callouts and in-page links', () => {
	let browser: LaunchedBrowser;
	let page: Page;
	beforeAll(async () => {
		await publish(true);
		browser = await launchChromium();
		page = await browser.context.newPage();
		await page.setViewportSize({ width: 360, height: 780 });
	});
	afterAll(async () => {
		await browser?.close();
		await publish(false);
	});

	for (const theme of ['light', 'dark', 'contrast']) {
		it(`shows each callout with its title as text, and passes axe (${theme} colours)`, async () => {
			await page.goto(`${url}/`);
			await page.evaluate(
				(t) => localStorage.setItem('clyde-settings', JSON.stringify({ theme: t, textSize: 100 })),
				theme
			);
			await page.goto(`${url}${LESSON}`);
			await page.getByRole('heading', { level: 1, name: 'All five' }).waitFor();
			// The title comes with the catalog; the lesson's text may come a moment later.
			const notes = page.getByRole('note');
			await notes.first().waitFor();
			expect(await notes.count()).toBe(5);
			expect(await notes.locator('.callout-title').allTextContents()).toEqual(CALLOUTS);
			expect(await axeViolations(page)).toEqual([]);
			if (process.env.CLYDE_SHOTS) {
				await page.locator('.callout').first().scrollIntoViewIfNeeded();
				await page.screenshot({
					path: `${process.env.CLYDE_SHOTS}/callouts-360-${theme}.png`,
					fullPage: false
				});
			}
		});
	}

	it('an in-page link scrolls to its heading', async () => {
		await page.goto(`${url}${LESSON}`);
		await page.getByRole('link', { name: 'the last part' }).click();
		await page.waitForURL(/#user-content-the-last-part$/);
		// The heading sits near the end of the page, so it is scrolled into view, not to the top.
		await expect
			.poll(() =>
				page
					.getByRole('heading', { name: 'The last part' })
					.evaluate((h) => h.getBoundingClientRect().bottom <= innerHeight && scrollY > 500)
			)
			.toBe(true);
	});
});
