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

	it("makes a row's lesson cells once it comes near the viewport, and every row's to print", async () => {
		const rows = page.locator('.cohort-grid tbody tr');
		const made = (n: number) => rows.nth(n).locator('td.cell').count();
		await page.evaluate(() => window.scrollTo(0, 0));
		// The rows never yet near the viewport: their facts are there, their lessons one empty cell.
		const waiting = await rows.evaluateAll((trs) =>
			trs.flatMap((tr, i) => (tr.querySelector('td.later') ? [i] : []))
		);
		expect(waiting.length).toBeGreaterThan(10);
		const [first, last] = [waiting[0] as number, waiting.at(-1) as number];
		expect(await rows.nth(last).locator('th a').count()).toBe(1);
		expect(await made(last)).toBe(0);
		// Scrolled to, a row gets them.
		const whole = await made(0);
		expect(whole).toBeGreaterThan(0);
		await rows.nth(last).scrollIntoViewIfNeeded();
		await expect.poll(() => made(last), { timeout: 10_000 }).toBe(whole);
		expect(await rows.nth(last).locator('td.later').count()).toBe(0);
		// Reached by the keyboard: focus scrolls the row into view, which makes its cells.
		await page.evaluate(() => window.scrollTo(0, 0));
		expect(await made(first)).toBe(0);
		await rows.nth(first).locator('th a').focus();
		await expect.poll(() => made(first), { timeout: 10_000 }).toBe(whole);
		// About to print (the browser's own event, as Ctrl+P sends it): every row whole.
		await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
		expect(await page.locator('.cohort-grid td.later').count()).toBe(0);
		expect(await page.locator('.cohort-grid td.cell').count()).toBe(whole * LEARNERS);
	});
});
