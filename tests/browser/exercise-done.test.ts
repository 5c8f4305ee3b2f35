import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import PocketBase from 'pocketbase';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { axeInEveryTheme } from '../support/axe';
import { waitForServiceWorker } from '../support/learner';
import { goOffline } from '../support/offline';
import { signIn as signInAs } from '../support/sign-in';

const url = inject('pbUrl');
const LESSON = '/pathways/web-foundations/html/your-first-web-page';
const PASSWORD = 'exercise-done-test-passphrase';
/** Set to a folder to keep screenshots of the screens this test passes through. */
const SCREENS = process.env.CLYDE_EXERCISE_SCREENS;

const signIn = (page: Page, email: string) => signInAs(page, url, email, PASSWORD);

/** The two exercises of "Your first web page", each with a page that passes its checks. */
const EXERCISES = [
	{
		title: 'Say hello with a heading',
		code: `<!DOCTYPE html>
<html lang="en-GB">
  <head><title>My first page</title></head>
  <body>
    <h1>Hello, Glasgow!</h1>
    <p>This is my first web page.</p>
  </body>
</html>`
	},
	{
		title: 'Name the page in the tab',
		code: `<!DOCTYPE html>
<html lang="en-GB">
  <head><meta charset="utf-8"><title>About me</title></head>
  <body><h1>About me</h1></body>
</html>`
	}
];

/** The tutor's grid cell of `learner` on "Your first web page": module 2's first lesson. */
function gridCell(page: Page, learner: string) {
	// After the four facts, module 1's four lessons and its total.
	return page
		.getByRole('row', { name: new RegExp(learner) })
		.locator('td')
		.nth(4 + 4 + 1);
}

/** Light and dark screenshots of the page, or of one part of it (`selector`). */
async function shoot(page: Page, name: string, selector?: string): Promise<void> {
	if (!SCREENS) return;
	await mkdir(SCREENS, { recursive: true });
	const width = page.viewportSize()?.width ?? 360;
	for (const theme of ['light', 'dark'] as const) {
		await page.evaluate((theme) => (document.documentElement.dataset.theme = theme), theme);
		const path = join(SCREENS, `${name}-${width}-${theme}.png`);
		// A part scrolls into view first, so the grid's rows (content-visibility) are painted.
		if (selector) await page.locator(selector).screenshot({ path });
		else await page.screenshot({ path, fullPage: true });
	}
	await page.evaluate(() => (document.documentElement.dataset.theme = 'system'));
}

async function passExercise(page: Page, title: string, code: string): Promise<void> {
	await page.goto(`${url}${LESSON}`);
	await page.getByRole('link', { name: `Exercise: ${title}` }).click();
	await page.locator('.cm-content').first().waitFor();
	const editor = page.locator('[role=tabpanel]:not([hidden]) .cm-content');
	await editor.click();
	await page.keyboard.press('Control+A');
	await page.keyboard.insertText(code);
	await page.getByRole('button', { name: 'Check', exact: true }).click();
	await expect
		.poll(() => page.locator('div.status[role=status]').textContent(), { timeout: 10_000 })
		.toContain('Well done: your code passes every check.');
}

describe('a lesson with exercises is done only once they pass, and the tutor sees it (real Chromium, real PocketBase)', () => {
	let tutorBrowser: LaunchedBrowser;
	let learnerBrowser: LaunchedBrowser;
	const suffix = Date.now().toString(36);
	const tutorEmail = `ex-tutor-${suffix}@example.org`;
	const learnerEmail = `ex-learner-${suffix}@example.org`;
	const learnerName = `Eilidh ${suffix}`;

	beforeAll(async () => {
		const admin = new PocketBase(url);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		for (const [email, role, name] of [
			[tutorEmail, 'tutor', 'Tutor Iain'],
			[learnerEmail, 'learner', learnerName]
		] as const) {
			await admin
				.collection('users')
				.create({ email, role, name, password: PASSWORD, passwordConfirm: PASSWORD });
		}
		tutorBrowser = await launchChromium({ viewport: { width: 1280, height: 800 } });
		learnerBrowser = await launchChromium({ viewport: { width: 360, height: 740 } });
	});
	afterAll(async () => {
		await tutorBrowser?.close();
		await learnerBrowser?.close();
	});

	it('offline at 360 px: finishing the reading leaves it open, passing both exercises makes it done, and the grid shows it after sync', async () => {
		const tutor = await tutorBrowser.context.newPage();
		await signIn(tutor, tutorEmail);
		await tutor.goto(`${url}/tutor`);
		await tutor.getByLabel('Name').fill('Coding club');
		await tutor.getByLabel('Pathway').selectOption({ label: 'Web Foundations' });
		await tutor.getByRole('button', { name: 'Create cohort' }).click();
		await tutor.getByRole('link', { name: 'Coding club' }).click();
		await tutor.getByText('Live: updates as learners').waitFor();
		const code = (await tutor.locator('.join-code .code').textContent())?.trim() ?? '';

		const learner = await learnerBrowser.context.newPage();
		const errors: string[] = [];
		learner.on('pageerror', (error) => errors.push(error.message));
		await learner.goto(`${url}/`);
		await waitForServiceWorker(learner);
		await signIn(learner, learnerEmail);
		await learner.goto(`${url}/join`);
		await learner.getByLabel('Join code').fill(code);
		await learner.getByRole('button', { name: 'Find my class' }).click();
		await learner.getByRole('button', { name: 'Join Coding club' }).click();
		await learner.getByText('You joined Coding club.').waitFor();
		await learner.goto(`${url}/pathways/web-foundations`);
		await learner.getByRole('button', { name: /^Save for offline/ }).click();
		await learner.getByText('Saved for offline').waitFor({ timeout: 30_000 });
		await expect
			.poll(() => gridCell(tutor, learnerName).textContent(), { timeout: 20_000 })
			.toBe('· exercises 0/2 passed');

		const backOnline = await goOffline(learnerBrowser.context);
		// Going on from the end of the lesson marks it complete: without its exercises, not done.
		await learner.goto(`${url}${LESSON}`);
		await learner.getByRole('link', { name: /^Next: Headings, text and links/ }).click();
		await learner.getByRole('heading', { level: 1, name: 'Headings, text and links' }).waitFor();
		await learner.goto(`${url}${LESSON}`);
		const end = learner.locator('section.lesson-end');
		await expect
			.poll(() => end.textContent(), { timeout: 10_000 })
			.toContain('2 exercises above are still to pass. Pass them to finish this lesson.');
		expect(await learner.locator('p.meta').first().textContent()).not.toContain('Done');
		expect(await axeInEveryTheme(learner)).toEqual({});
		await shoot(learner, 'lesson-exercises-left', 'section.lesson-end');

		const [first, second] = EXERCISES as [(typeof EXERCISES)[0], (typeof EXERCISES)[0]];
		await passExercise(learner, first.title, first.code);
		await learner.goto(`${url}${LESSON}`);
		await expect
			.poll(() => end.textContent(), { timeout: 10_000 })
			.toContain('One exercise above is still to pass. Pass it to finish this lesson.');
		await learner.goto(`${url}/pathways/web-foundations`);
		const item = learner.getByRole('listitem').filter({ hasText: 'Your first web page' });
		await expect
			.poll(() => item.textContent(), { timeout: 10_000 })
			.toContain('1 exercise to pass');
		expect(await axeInEveryTheme(learner)).toEqual({});
		await shoot(learner, 'pathway-exercises-left');

		await passExercise(learner, second.title, second.code);
		await learner.goto(`${url}${LESSON}`);
		await expect
			.poll(() => learner.locator('p.meta').first().textContent(), { timeout: 10_000 })
			.toContain('Done');
		expect(await end.textContent()).not.toContain('still to pass');
		// Offline, the tutor cannot know yet.
		expect(await gridCell(tutor, learnerName).textContent()).not.toContain('✓');

		await backOnline();
		await expect
			.poll(() => gridCell(tutor, learnerName).textContent(), { timeout: 30_000 })
			.toBe('✓ exercises 2/2 passed');
		expect(await gridCell(tutor, learnerName).getAttribute('title')).toBe('exercises 2/2 passed');
		await shoot(tutor, 'tutor-grid-exercises', '.grid-scroll');
		expect(errors).toEqual([]);
	}, 240_000);
});
