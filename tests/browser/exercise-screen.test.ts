import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { axeInEveryTheme } from '../support/axe';
import { readStore, savePathway } from '../support/learner';
import { goOffline } from '../support/offline';

const url = inject('pbUrl');
const LESSON = '/pathways/web-foundations/html/your-first-web-page';
/** Set to a folder (docs/screens) to keep screenshots of the exercise screen. */
const SCREENS = process.env.CLYDE_EXERCISE_SCREENS;

const starter = (heading: string) => `<!DOCTYPE html>
<html lang="en-GB">
  <head>
    <title>My first page</title>
  </head>
  <body>
    ${heading}
    <p>This is my first web page.</p>
  </body>
</html>`;

/** Replaces the code of the file on screen, as a paste would. */
async function writeCode(page: Page, code: string): Promise<void> {
	const editor = page.locator('[role=tabpanel]:not([hidden]) .cm-content');
	await editor.click();
	await page.keyboard.press('Control+A');
	await page.keyboard.insertText(code);
}

async function shoot(page: Page, name: string): Promise<void> {
	if (!SCREENS) return;
	await mkdir(SCREENS, { recursive: true });
	for (const [theme, textSize, suffix] of [
		['light', 100, 'light'],
		['dark', 100, 'dark'],
		['light', 200, 'light-200']
	] as const) {
		await page.evaluate(
			([theme, size]) => {
				document.documentElement.dataset.theme = theme;
				document.documentElement.style.fontSize = `${size}%`;
			},
			[theme, textSize] as const
		);
		const height = await page.evaluate(() => {
			window.scrollTo(0, 0);
			return document.documentElement.scrollHeight;
		});
		await page.setViewportSize({ width: 360, height: Math.max(740, height) });
		await page.screenshot({
			path: join(SCREENS, `${name}-360-${suffix}.png`),
			animations: 'disabled'
		});
	}
	await page.evaluate(() => {
		document.documentElement.dataset.theme = 'system';
		document.documentElement.style.fontSize = '';
	});
	await page.setViewportSize({ width: 360, height: 740 });
}

describe('a learner practises code on the phone, offline (real Chromium)', () => {
	let browser: LaunchedBrowser;
	beforeAll(async () => {
		browser = await launchChromium({ viewport: { width: 360, height: 740 } });
	});
	afterAll(() => browser?.close());

	it('checks a wrong answer, then a right one, keeps the draft over a reload and records the pass', async () => {
		const { context } = browser;
		// The editor's code is fetched once online (it is precached with the app).
		await savePathway(context, url, 'Web Foundations');

		await goOffline(context);
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		await page.goto(`${url}${LESSON}`);
		await page.getByRole('link', { name: 'Exercise: Say hello with a heading' }).click();
		await page
			.getByRole('heading', { level: 1, name: 'Exercise: Say hello with a heading' })
			.waitFor();
		await page.locator('.cm-content').first().waitFor();

		await writeCode(page, starter('<h1>Hello</h1>'));
		await page.getByRole('button', { name: 'Check', exact: true }).click();
		const status = page.locator('div.status[role=status]');
		await expect.poll(() => status.textContent()).toContain('2 of 3 checks passed.');
		await expect
			.poll(() => page.locator('.failed li').allTextContents())
			.toEqual(['The h1 should say "Hello, Glasgow!" Check the spelling and the comma.']);
		await page.locator('.preview iframe').waitFor();
		expect(await axeInEveryTheme(page)).toEqual({});
		await shoot(page, 'exercise-failed');

		await writeCode(page, starter('<h1>Hello, Glasgow!</h1>'));
		await page.getByRole('button', { name: 'Check', exact: true }).click();
		await expect
			.poll(() => status.textContent())
			.toContain('Well done: your code passes every check.');
		await page.getByRole('button', { name: 'Show a hint' }).click();
		await page.getByRole('button', { name: 'Show the solution' }).click();
		expect(await axeInEveryTheme(page)).toEqual({});
		await shoot(page, 'exercise-passed');

		await page.reload();
		await page.locator('.cm-content').first().waitFor();
		await expect
			.poll(() => page.locator('.cm-content').first().textContent())
			.toContain('<h1>Hello, Glasgow!</h1>');

		const checked = (
			await readStore<{ type: string; passed?: boolean; failed?: number[] }>(page, 'events')
		).filter((e) => e.type === 'exercise_checked');
		expect(checked.map((e) => [e.passed, e.failed])).toEqual([
			[false, [1]],
			[true, []]
		]);
		const drafts = await readStore<{ files: Record<string, string> }>(page, 'drafts');
		expect(drafts[0]?.files['index.html']).toContain('Hello, Glasgow!');

		await page.getByRole('button', { name: 'Start again' }).click();
		const dialog = page.getByRole('dialog', { name: 'Start again from the starter code?' });
		await dialog.waitFor();
		await shoot(page, 'exercise-reset');
		await dialog.getByRole('button', { name: 'Keep my code' }).click();
		expect(await page.locator('.cm-content').first().textContent()).toContain('Hello, Glasgow!');
		expect(errors).toEqual([]);
	});
});
