import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { axeViolations } from '../support/axe';

const url = inject('pbUrl');
const QUIZ = `${url}/pathways/digital-essentials/staying-safe/strong-passwords/quiz`;
const THEMES = ['light', 'dark', 'contrast'] as const;

/**
 * The bundled "Strong passwords" quiz: 1 single choice (right: the second option), 2 true or
 * false (right: False), 3 multiple choice (right: the first three), 4 single choice (right: the
 * first). Pass mark 70%.
 */
const form = (page: Page) => page.locator('main form');
/** The box of one option: its input's label and its mark. */
const option = (page: Page, text: string | RegExp) =>
	form(page)
		.locator('.choice')
		.filter({ has: page.getByText(text) });

async function check(page: Page) {
	await page.getByRole('button', { name: 'Check answer' }).click();
	await page.getByRole('button', { name: /^(Next question|See your result)$/ }).waitFor();
}

async function next(page: Page) {
	await page.getByRole('button', { name: /^(Next question|See your result)$/ }).click();
}

/** axe-core in each theme, switched in place so the state on screen stays as it is. */
async function axeInEveryTheme(page: Page) {
	for (const theme of THEMES) {
		await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
		expect(await axeViolations(page), theme).toEqual([]);
	}
	await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
}

const borderColour = (box: Locator) => box.evaluate((el) => getComputedStyle(el).borderTopColor);
const token = (page: Page, name: string) =>
	page.evaluate((n) => {
		// A token's colour as the browser computes it, from a probe element.
		const probe = document.createElement('div');
		probe.style.color = `var(${n})`;
		document.body.append(probe);
		const colour = getComputedStyle(probe).color;
		probe.remove();
		return colour;
	}, name);

/** Answers the whole quiz: question 1 right or wrong, question 3 right or with one left out. */
async function answerAll(page: Page, q1Right: boolean, q3Right: boolean) {
	await form(page)
		.getByRole('radio')
		.nth(q1Right ? 1 : 0)
		.check();
	await check(page);
	await next(page);
	await form(page).getByRole('radio', { name: 'False' }).check();
	await check(page);
	await next(page);
	for (const i of q3Right ? [0, 1, 2] : [0, 1])
		await form(page).getByRole('checkbox').nth(i).check();
	await check(page);
	await next(page);
	await form(page).getByRole('radio').first().check();
	await check(page);
	await next(page);
	await page.getByRole('heading', { name: 'Your result' }).waitFor();
}

describe('quiz feedback that teaches (real Chromium, 360 px)', () => {
	let browser: LaunchedBrowser;
	let page: Page;
	beforeAll(async () => {
		browser = await launchChromium({ viewport: { width: 360, height: 800 } });
		page = await browser.context.newPage();
	});
	afterAll(() => browser?.close());

	it('marks a wrong answer and the right one, then a right one, in every theme', async () => {
		await page.goto(QUIZ);
		await page.getByRole('heading', { level: 1, name: 'Quiz: Strong passwords' }).waitFor();

		// Question 1, wrong.
		await form(page).getByRole('radio', { name: 'Password123' }).check();
		await check(page);
		const chosen = option(page, 'Password123');
		const right = option(page, 'Three random words');
		await expect.poll(() => chosen.textContent()).toContain('Your answer — not right');
		expect(await chosen.textContent()).toContain(
			'This is one of the first passwords criminals try.'
		);
		expect(await right.textContent()).toContain('Right answer');
		// Colour as well as words and symbol: the problem colour round the choice, success round
		// the right answer.
		expect(await borderColour(chosen)).toBe(await token(page, '--problem'));
		expect(await borderColour(right)).toBe(await token(page, '--success'));
		expect(await chosen.locator('svg').count()).toBe(1);
		// The praise written for choosing the right option is not shown to someone who did not.
		expect(await page.getByText(/^Yes\. Three random words/).count()).toBe(0);
		const verdict = form(page).getByRole('status');
		expect(await verdict.textContent()).toMatch(/Not quite.*The right answer is: Three random/);
		await axeInEveryTheme(page);

		// Question 2, right.
		await next(page);
		await form(page).getByRole('radio', { name: 'False' }).check();
		await check(page);
		const truth = option(page, 'False');
		expect(await truth.textContent()).toContain('Your answer — right');
		expect(await truth.textContent()).toContain(
			'Right. Use a different password for each account.'
		);
		expect(await borderColour(truth)).toBe(await token(page, '--success'));
		expect(await option(page, 'True').locator('.mark').count()).toBe(0);
		expect(await form(page).getByRole('status').textContent()).toMatch(/^\s*Right/);
		await axeInEveryTheme(page);

		// Question 3, two of three right options ticked: the third is the "Right answer",
		// without its "Yes. …", under "Not quite".
		await next(page);
		for (const i of [0, 1]) await form(page).getByRole('checkbox').nth(i).check();
		await check(page);
		const left = option(page, 'A notebook kept safe');
		expect(await left.textContent()).toContain('Right answer');
		expect(
			await page.getByText('Yes. This is far better than using the same password').count()
		).toBe(0);
		expect(await option(page, 'A password manager app').textContent()).toContain(
			'Your answer — right'
		);
		await axeInEveryTheme(page);
	});

	it('reviews what was missed after a fail, and celebrates a pass', async () => {
		await page.goto(QUIZ);
		await answerAll(page, false, false);
		expect(await page.getByText('You got 2 of 4 right (50%).').isVisible()).toBe(true);
		expect(await page.locator('svg.celebration').count()).toBe(0);
		const review = page.getByRole('region', { name: 'Questions to look at again' });
		const missed = review.locator(':scope > ol > li');
		expect(await missed.count()).toBe(2);
		expect(await missed.nth(0).textContent()).toContain(
			'The right answer is: Three random words, like cactus lemon harbour'
		);
		expect(await missed.nth(1).getByRole('listitem').allTextContents()).toEqual([
			'A password manager app',
			'Letting your browser save them',
			'A notebook kept safe at home, out of sight'
		]);
		expect(await missed.nth(1).textContent()).toContain('A notebook at home is fine too.');
		// Try again first, the next lesson second.
		const actions = page.locator('.actions > *');
		expect(await actions.allTextContents()).toEqual(['Try again', 'Next lesson: Two-step sign-in']);
		await axeInEveryTheme(page);

		// The second attempt passes, with question 1 still wrong.
		await page.getByRole('button', { name: 'Try again' }).click();
		await answerAll(page, false, true);
		expect(await page.getByText('You got 3 of 4 right (75%).').isVisible()).toBe(true);
		const celebration = page.locator('svg.celebration');
		expect(await celebration.isVisible()).toBe(true);
		expect(
			await celebration.locator('.star').evaluate((el) => getComputedStyle(el).animationName)
		).not.toBe('none');
		const cheer = page.locator('.result').getByRole('status');
		await expect.poll(() => cheer.textContent()).toBe('Well done! You passed.');
		expect(await cheer.getAttribute('aria-live')).not.toBe('assertive');
		expect(
			await page.getByRole('region', { name: 'The question to look at again' }).textContent()
		).toContain('Which of these is the strongest password?');
		expect(await actions.allTextContents()).toEqual(['Next lesson: Two-step sign-in', 'Try again']);
		await axeInEveryTheme(page);
	});

	it('fits 320 px at double text size once answered, and on the result', async () => {
		const overflow = () =>
			page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		await page.setViewportSize({ width: 320, height: 640 });
		await page.evaluate(() =>
			localStorage.setItem('clyde-settings', JSON.stringify({ theme: 'system', textSize: 200 }))
		);
		try {
			await page.goto(QUIZ);
			await form(page).getByRole('radio', { name: 'Password123' }).check();
			await check(page);
			expect(await overflow()).toBeLessThanOrEqual(0);
			await page.goto(QUIZ);
			await answerAll(page, false, false);
			expect(await overflow()).toBeLessThanOrEqual(0);
		} finally {
			await page.evaluate(() => localStorage.removeItem('clyde-settings'));
			await page.setViewportSize({ width: 360, height: 800 });
		}
	});

	it('shows no celebration to someone who asked for less motion, and still says they passed', async () => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		try {
			await page.goto(QUIZ);
			await answerAll(page, true, true);
			expect(await page.getByText('You got 4 of 4 right (100%).').isVisible()).toBe(true);
			await expect
				.poll(() => page.locator('.result').getByRole('status').textContent())
				.toBe('Well done! You passed.');
			expect(await page.locator('svg.celebration').isVisible()).toBe(false);
			expect(await page.getByRole('region', { name: /look at again/ }).count()).toBe(0);

			// The next lesson is one tap away.
			await page.getByRole('link', { name: 'Next lesson: Two-step sign-in' }).click();
			await page.getByRole('heading', { level: 1, name: 'Two-step sign-in' }).waitFor();
		} finally {
			await page.emulateMedia({ reducedMotion: null });
		}
	});
});
