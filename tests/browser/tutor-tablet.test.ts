import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { axeViolations } from '../support/axe';
import { signIn as signInAs } from '../support/sign-in';
import { seedCohort } from '../support/tutor-cohort';

const url = inject('pbUrl');
const PASSWORD = 'tutor-tablet-test-passphrase';
const suffix = Date.now().toString(36);
const COHORT = `Thursday drop-in ${suffix}`;

const signIn = (page: Page, email: string) => signInAs(page, url, email, PASSWORD);

describe('a tutor on a 768 px tablet, after a first session (real Chromium, real PocketBase)', () => {
	let browser: LaunchedBrowser;
	let page: Page;
	beforeAll(async () => {
		// A first session: Ada failed the first lesson's quiz twice at 0%, Bo did three lessons.
		const { tutorEmail } = await seedCohort(
			url,
			{ email: inject('adminEmail'), password: inject('adminPassword') },
			{ suffix: `tablet-${suffix}`, cohort: COHORT, password: PASSWORD }
		);
		browser = await launchChromium({ viewport: { width: 768, height: 1024 } });
		page = await browser.context.newPage();
		await signIn(page, tutorEmail);
		await page.goto(`${url}/tutor`);
		await page.getByRole('link', { name: COHORT }).click();
		await page.getByText('Live: updates as learners').waitFor();
	});
	afterAll(() => browser?.close());

	it('draws the completion chart as a line from yesterday at 0% to today', async () => {
		const d = await page.locator('.completion-chart path').getAttribute('d');
		const points = [...(d ?? '').matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => [
			Number(m[1]),
			Number(m[2])
		]);
		expect(points).toHaveLength(2);
		const [start, end] = points as [number[], number[]];
		expect(start[1]).toBe(160); // 0%
		expect(end[1]).toBeLessThan(160); // above 0%
		expect(end[0]).toBeGreaterThan(start[0] ?? 0);
		// 3 of 2 × 15 lessons: 10%.
		expect(
			await page.getByRole('img', { name: /^Cohort completion: 0% on .*, 10% on / }).count()
		).toBe(1);
	});

	it('flags the quiz failed twice at 0%, in words and in the grid', async () => {
		const ada = page.getByRole('row', { name: new RegExp(`Ada tablet-${suffix}`) });
		expect(await ada.textContent()).toMatch(/Failed the quiz on ".+" 2 times \(best 0%\)/);
		expect(await ada.locator('td.cell').first().textContent()).toBe('!');
		const bo = page.getByRole('row', { name: new RegExp(`Bo tablet-${suffix}`) });
		expect(await bo.textContent()).not.toContain('Failed the quiz');
	});

	it('says the grid scrolls sideways, and keeps names in view while it does', async () => {
		const hint = page.getByText('Scroll sideways to see every lesson');
		expect(await hint.isVisible()).toBe(true);
		const region = page.getByRole('region', { name: 'Learners and lessons' });
		expect(await region.getAttribute('aria-describedby')).toBe(
			await page.locator('.scroll-hint').getAttribute('id')
		);
		const name = page.getByRole('link', { name: `Ada tablet-${suffix}` });
		const header = page.getByRole('columnheader', { name: 'Learner' });
		const before = await name.boundingBox();

		await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
		await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(300);
		const box = await region.boundingBox();
		const after = await name.boundingBox();
		// Where it was, give or take the table's 1 px left border, which scrolls away.
		expect(Math.abs((after?.x ?? 0) - (before?.x ?? 0))).toBeLessThanOrEqual(1);
		expect(after?.x).toBeGreaterThanOrEqual(box?.x ?? 0);
		expect(await name.isVisible()).toBe(true);
		expect((await header.boundingBox())?.x).toBeLessThan((after?.x ?? 0) + 1);
		// The last lesson column is now in view beside the names.
		const lastSum = page
			.getByRole('row', { name: new RegExp(`Ada tablet-${suffix}`) })
			.locator('td')
			.last();
		const sum = await lastSum.boundingBox();
		expect((sum?.x ?? 0) + (sum?.width ?? 0)).toBeLessThanOrEqual(
			(box?.x ?? 0) + (box?.width ?? 0) + 1
		);
		await region.evaluate((el) => el.scrollTo({ left: 0 }));
	});

	it('offers the low-score rule among the needs-help rules', async () => {
		await page.getByText('Needs-help rules').click();
		const field = page.getByLabel(/after just 2 failed attempts, if every score was under/);
		expect(await field.inputValue()).toBe('50');
	});

	it('passes axe-core in light, dark and high contrast', async () => {
		for (const theme of ['light', 'dark', 'contrast']) {
			await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
			expect(await axeViolations(page), theme).toEqual([]);
		}
	});
});
