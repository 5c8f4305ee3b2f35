import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { axeViolations } from '../support/axe';
import { seedBigCohort } from '../support/big-cohort';
import { signIn } from '../support/sign-in';

const url = inject('pbUrl');
const PASSWORD = 'tutor-show-all-test-passphrase';
const suffix = Date.now().toString(36);
const COHORT = `Big Tuesday ${suffix}`;
// More than the 50 rows shown at first, and more than one 50-row chunk after them.
const LEARNERS = 130;
const tutorEmail = `tutor-all-${suffix}@example.org`;

describe('"Show all" on a big cohort (real Chromium, real PocketBase)', () => {
	let browser: LaunchedBrowser;
	let page: Page;
	beforeAll(async () => {
		// No events: the grid's rows are what is tested, not their cells.
		const names = Array.from(
			{ length: LEARNERS },
			(_, i) => `Learner ${String(i).padStart(3, '0')} ${suffix}`
		);
		await seedBigCohort(
			url,
			{ email: inject('adminEmail'), password: inject('adminPassword') },
			{ suffix, cohort: COHORT, tutorEmail, password: PASSWORD, names }
		);
		browser = await launchChromium({ viewport: { width: 1280, height: 800 } });
		page = await browser.context.newPage();
		await signIn(page, url, tutorEmail, PASSWORD);
		await page.goto(`${url}/tutor`);
		await page.getByRole('link', { name: COHORT }).click();
		await page.getByText(`Showing 50 of ${LEARNERS} learners`).waitFor();
	}, 240_000);
	afterAll(() => browser?.close());

	it('adds the rest in chunks, every row in the end, and says the full count throughout', async () => {
		const table = page.getByRole('table');
		expect(await table.getAttribute('aria-rowcount')).toBe('52');
		// The row counts the table passes through, and its row count as each chunk came.
		await page.evaluate(() => {
			const body = document.querySelector('.cohort-grid tbody') as Element;
			const seen: [number, string | null][] = [];
			(window as unknown as { seen: typeof seen }).seen = seen;
			new MutationObserver(() =>
				seen.push([
					body.children.length,
					body.closest('table')?.getAttribute('aria-rowcount') ?? null
				])
			).observe(body, { childList: true });
		});
		await page.getByRole('button', { name: 'Show all' }).click();
		await expect
			.poll(() => page.locator('.cohort-grid tbody tr').count(), { timeout: 30_000 })
			.toBe(LEARNERS);
		const seen = await page.evaluate(
			() => (window as unknown as { seen: [number, string][] }).seen
		);
		expect(seen.map(([rows]) => rows)).toEqual([100, LEARNERS]);
		for (const [, count] of seen) expect(count).toBe(String(LEARNERS + 2));
		const last = page.locator('.cohort-grid tbody tr').last();
		expect(await last.getAttribute('aria-rowindex')).toBe(String(LEARNERS + 2));
		expect(await page.getByText(/^Showing \d+ of/).count()).toBe(0);
		expect(await page.getByRole('button', { name: 'Show all' }).count()).toBe(0);
	});

	it('keeps every added row a row of the table, with its learner as row header', async () => {
		const row = page.getByRole('row', { name: new RegExp(`Learner 120 ${suffix}`) });
		await row.scrollIntoViewIfNeeded();
		expect(await row.getByRole('rowheader').textContent()).toContain(`Learner 120 ${suffix}`);
		// Keyboard: the learner's link in an added row takes focus like any other.
		const link = row.getByRole('link', { name: `Learner 120 ${suffix}` });
		await link.focus();
		expect(await link.evaluate((a) => a === document.activeElement)).toBe(true);
	});

	it('has no axe violations with every row shown', async () => {
		expect(await axeViolations(page)).toEqual([]);
	});
});
