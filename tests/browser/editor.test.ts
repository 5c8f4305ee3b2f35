import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import PocketBase from 'pocketbase';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { axeViolations } from '../support/axe';
import { callRoute } from '../support/call-route';
import { deleteAllDrafts } from '../support/pocketbase';
import { signIn } from '../support/sign-in';

const url = inject('pbUrl');
const PASSWORD = 'editor-test-passphrase';
const suffix = Date.now().toString(36);
const FILE = '01-digital-essentials/01-getting-started/02-the-internet-and-the-web.md';
const editorUrl = `${url}/editor?file=${encodeURIComponent(FILE)}`;

/** The draft on the server, as an admin reads it. */
async function draftOnServer(admin: PocketBase) {
	const [draft] = await admin
		.collection('drafts')
		.getFullList({ filter: admin.filter('file = {:file}', { file: FILE }) });
	return draft;
}

/** The end of the text in the editor: CodeMirror draws only the lines on screen. */
async function editorEnd(page: Page): Promise<string> {
	await page.locator('.cm-content').click();
	await page.keyboard.press('Control+End');
	return page.locator('.cm-content').evaluate((el) => (el as HTMLElement).innerText);
}

describe('the content editor in the browser (real Chromium, real PocketBase)', () => {
	let browser: LaunchedBrowser;
	let admin: PocketBase;
	let ann: Page;
	const email = (who: string) => `editor-${who}-${suffix}@example.org`;

	beforeAll(async () => {
		admin = new PocketBase(url);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		for (const [who, role] of [
			['ann', 'editor'],
			['bob', 'editor'],
			['lee', 'learner']
		] as const) {
			await admin.collection('users').create({
				email: email(who),
				name: who === 'ann' ? 'Ann' : who === 'bob' ? 'Bob' : 'Lee',
				role,
				password: PASSWORD,
				passwordConfirm: PASSWORD
			});
		}
		// The planted mistake: a lesson's minutes in words, saved as a draft by an admin.
		const published = await admin
			.collection('lessons')
			.getFirstListItem(admin.filter('file = {:file}', { file: FILE }));
		const text = `${published.head}${published.source}`.replace(
			/^minutes: \d+$/m,
			'minutes: seven'
		);
		const saved = await callRoute(url, admin.authStore.token, 'POST', '/api/clyde/drafts/save', {
			file: FILE,
			text,
			baseVersion: 0
		});
		expect(saved.status, saved.text).toBe(200);
		browser = await launchChromium({ viewport: { width: 1280, height: 900 } });
		ann = await browser.context.newPage();
		await signIn(ann, url, email('ann'), PASSWORD);
	}, 120_000);
	afterAll(async () => {
		await browser?.close();
		// The drafts made here would be published by a later test file's publish.
		await deleteAllDrafts(admin);
	});

	it('shows the planted mistake at its line; the editor fixes it guided by the message', async () => {
		await ann.goto(editorUrl);
		const problem = ann.getByRole('button', { name: /^Error, line 5: .*whole number of minutes/ });
		await problem.waitFor();
		// Marked in the editor itself, on that line.
		expect(await ann.locator('.cm-lintRange-error').first().textContent()).toContain('seven');
		await problem.click();
		// The cursor is on line 5, in the editor, which has the focus.
		expect(await ann.locator('.cm-activeLine').textContent()).toBe('minutes: seven');
		await ann.keyboard.press('End');
		await ann.keyboard.press('Shift+Home');
		await ann.keyboard.type('minutes: 7');
		await ann.getByText('No problems found.').waitFor();
		// The preview shows the lesson as learners get it.
		const preview = ann.getByRole('region', { name: 'Preview' });
		await preview.getByRole('heading', { name: 'The internet and the web' }).waitFor();
		expect(await preview.getByRole('heading', { name: 'The internet', exact: true }).count()).toBe(
			1
		);
		await ann.getByText('All changes saved').waitFor();
		expect(await draftOnServer(admin)).toMatchObject({ version: 2, author_name: 'Ann' });
		expect((await draftOnServer(admin))?.text).toContain('\nminutes: 7\n');
	});

	it('keeps typing made offline on the device and sends it once back online', async () => {
		await ann.context().setOffline(true);
		await ann.locator('.cm-content').click();
		await ann.keyboard.press('Control+End');
		await ann.keyboard.type('\nWritten on the train.');
		await ann.getByText(/^Offline: your changes are kept on this device/).waitFor();
		// Closing the tab loses nothing: a new tab opens the text kept on the device.
		await ann.close();
		ann = await browser.context.newPage();
		await ann.context().setOffline(false);
		await ann.goto(editorUrl);
		await ann.getByText('All changes saved').waitFor();
		expect(await editorEnd(ann)).toContain('Written on the train.');
		expect((await draftOnServer(admin))?.text).toContain('Written on the train.');
	});

	it('two editors on one lesson: the later save is refused, both texts are shown, nothing lost', async () => {
		const other = await launchChromium({ viewport: { width: 1280, height: 900 } });
		const bob = await other.context.newPage();
		try {
			await signIn(bob, url, email('bob'), PASSWORD);
			await bob.goto(editorUrl);
			await bob.getByText('No problems found.').waitFor();
			await ann.goto(editorUrl);
			await ann.getByText('No problems found.').waitFor();
			// Ann saves first.
			await ann.locator('.cm-content').click();
			await ann.keyboard.press('Control+End');
			await ann.keyboard.type('\nAnn was here.');
			await ann.getByText('All changes saved').waitFor();
			// Bob, still on the version before Ann's, types and is refused.
			await bob.locator('.cm-content').click();
			await bob.keyboard.press('Control+End');
			await bob.keyboard.type('\nBob was here.');
			const panel = bob.getByRole('region', { name: 'Ann saved this file while you were writing' });
			await panel.waitFor();
			expect(await panel.getByLabel(/^Ann's version/).inputValue()).toContain('Ann was here.');
			expect(await panel.getByLabel('Your version').inputValue()).toContain('Bob was here.');
			const kept = await admin
				.collection('draft_conflicts')
				.getFullList({ filter: admin.filter('file = {:file}', { file: FILE }) });
			expect(kept.map((k) => k.text).join()).toContain('Bob was here.');
			// Bob merges both by hand and saves on Ann's version.
			await panel.getByRole('button', { name: 'Merge both by hand' }).click();
			await bob.getByText('All changes saved').waitFor();
			const merged = (await draftOnServer(admin))?.text ?? '';
			expect(merged).toContain('Ann was here.');
			expect(merged).toContain('Bob was here.');
			expect(merged).toContain("<<<<<<< Ann's version");
		} finally {
			await other.close();
		}
	});

	it('can be used by keyboard alone: Escape then Tab leaves the editor', async () => {
		await ann.goto(`${url}/editor`);
		const link = ann.getByRole('link', { name: 'Phones, tablets and computers' });
		await link.focus();
		await ann.keyboard.press('Enter');
		await ann.waitForURL(/file=/);
		await ann
			.getByRole('status')
			.filter({ hasText: /errors?,|No problems/ })
			.waitFor();
		// Tab from the tree reaches the editor; Tab inside it indents; Escape, Tab leaves it.
		const inEditor = () => ann.evaluate(() => !!document.activeElement?.closest('.cm-editor'));
		for (let i = 0; i < 100 && !(await inEditor()); i++) await ann.keyboard.press('Tab');
		expect(await inEditor()).toBe(true);
		await ann.keyboard.press('Tab');
		expect(await inEditor()).toBe(true);
		await ann.keyboard.press('Escape');
		await ann.keyboard.press('Tab');
		expect(await inEditor()).toBe(false);
		// The next thing on the page: the list of checks.
		expect(await ann.evaluate(() => !!document.activeElement?.closest('.problems'))).toBe(true);
		// The indent typed by the Tab is saved like any edit.
		await ann.getByText('All changes saved').waitFor();
	});

	it('passes axe-core in light and dark', async () => {
		await ann.goto(editorUrl);
		await ann.getByText('All changes saved').waitFor();
		for (const theme of ['light', 'dark']) {
			await ann.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
			expect(await axeViolations(ann), theme).toEqual([]);
		}
	});

	it("shows a pathway's skills coverage, as npm run content:coverage counts it", async () => {
		// The generated report in docs/ is kept current by a test; the editor must agree with it
		// (on a pathway whose lessons the tests above leave alone: the panel counts drafts too).
		const report = await readFile(resolve('docs/skills-coverage.md'), 'utf8');
		const [, covered, total, lessons] =
			/## Web Foundations\n\n(\d+) of (\d+) statements covered; (\d+) of/.exec(report) ?? [];
		await ann.goto(`${url}/editor?file=${encodeURIComponent('02-web-foundations/pathway.md')}`);
		await ann
			.getByText(
				`${covered} of ${total} statements are covered by this pathway's ${lessons} lessons`
			)
			.waitFor();
		await ann.getByText(/^Foundation skills: \d+ of \d+$/).click();
		for (const theme of ['light', 'dark']) {
			await ann.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
			expect(await axeViolations(ann), theme).toEqual([]);
			const shots = process.env.CLYDE_SHOTS;
			if (shots) await ann.screenshot({ path: `${shots}/editor-coverage-1280-${theme}.png` });
		}
		// Each lesson named there opens in the editor.
		const lesson = ann.locator('.coverage li a').first();
		const href = (await lesson.getAttribute('href')) ?? '';
		await lesson.click();
		await ann.waitForURL((u) => u.href.endsWith(href));
		const file = new URL(href, url).searchParams.get('file');
		expect(await ann.locator('#source-title').textContent()).toBe(file);
	});

	it('tells a learner it is for content editors', async () => {
		const learner = await launchChromium();
		try {
			const page = await learner.context.newPage();
			await signIn(page, url, email('lee'), PASSWORD);
			await page.goto(`${url}/editor`);
			await page.getByText('This is for content editors').waitFor();
		} finally {
			await learner.close();
		}
	});
});
