import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import PocketBase from 'pocketbase';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { callRoute } from '../support/call-route';
import { lookAt } from '../support/look-at';
import { deleteAllDrafts, publishBundledContent } from '../support/pocketbase';
import { signIn } from '../support/sign-in';

const url = inject('pbUrl');
const PASSWORD = 'translations-test-passphrase';
const suffix = Date.now().toString(36);
const LESSON = '01-digital-essentials/01-getting-started/02-the-internet-and-the-web.md';
const POLISH = LESSON.replace(/\.md$/, '.pl.md');
const SAFE = '01-digital-essentials/02-staying-safe/01-staying-safe-online.md';
const URDU = SAFE.replace(/\.md$/, '.ur.md');
const fileHref = (file: string) => `${url}/editor?file=${encodeURIComponent(file)}`;

// Translations in the editor's tree, checked against their original; New translation.
describe('translations in the editor (real Chromium, real PocketBase)', () => {
	let browser: LaunchedBrowser;
	let admin: PocketBase;
	let eve: Page;
	let plantedLine = 0;

	beforeAll(async () => {
		admin = new PocketBase(url);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		const email = `translations-${suffix}@example.org`;
		await admin.collection('users').create({
			email,
			name: 'Eve',
			role: 'editor',
			password: PASSWORD,
			passwordConfirm: PASSWORD
		});
		await publishBundledContent(url);
		// The planted mistake: the Polish quiz's first answer turned round, saved as a draft.
		const polish = await readFile(resolve(import.meta.dirname, '../../content', POLISH), 'utf8');
		const text = polish.replace('    answer: false', '    answer: true');
		plantedLine = text.split('\n').indexOf('  - type: true-false') + 1;
		const saved = await callRoute(url, admin.authStore.token, 'POST', '/api/clyde/drafts/save', {
			file: POLISH,
			text,
			baseVersion: 0
		});
		expect(saved.status, saved.text).toBe(200);
		browser = await launchChromium({ viewport: { width: 1280, height: 900 } });
		eve = await browser.context.newPage();
		await signIn(eve, url, email, PASSWORD);
	}, 120_000);
	afterAll(async () => {
		await browser?.close();
		// Put the curriculum back as the other tests know it, with no draft left over.
		await deleteAllDrafts(admin);
		await publishBundledContent(url);
	});

	it('lists a lesson’s translations under it and reports a structure mistake at its line', async () => {
		await eve.goto(fileHref(LESSON));
		const tree = eve.getByRole('navigation', { name: 'Pathways, modules and lessons' });
		const translations = tree.getByRole('list', {
			name: 'Translations of The internet and the web'
		});
		await translations.getByRole('link', { name: 'Polski draft' }).waitFor();
		const names = await translations.getByRole('link').allTextContents();
		expect(names.map((n) => n.replace(/\s+/g, ' ').trim())).toEqual([
			'Polski draft',
			'اردو draft',
			'العربية draft'
		]);
		// Opened by keyboard, as any file of the tree.
		await translations.getByRole('link', { name: 'Polski draft' }).focus();
		await eve.keyboard.press('Enter');
		await eve.waitForURL(/02-the-internet-and-the-web\.pl\.md/);
		await eve
			.getByRole('button', {
				name: `Error, line ${plantedLine}: question 1 must have the answer false, as in 02-the-internet-and-the-web.md`
			})
			.waitFor();
		// The preview is in Polish, left to right; the lesson's own actions are not offered.
		const preview = eve.getByRole('region', { name: 'Preview' });
		await preview
			.locator('[lang="pl"][dir="ltr"]')
			.getByRole('heading', { name: 'Internet i sieć WWW', level: 3 })
			.waitFor();
		expect(await eve.getByRole('button', { name: 'Insert picture…' }).count()).toBe(0);
		expect(await lookAt(eve, 'editor-translation', [1280, 360])).toEqual({});
	}, 180_000);

	it('New translation (Urdu) makes a draft that checks clean, right to left; it publishes', async () => {
		await eve.goto(fileHref(SAFE));
		const language = eve.getByLabel('New translation of this lesson, into');
		await language.focus();
		await language.selectOption('ur');
		await eve.getByRole('button', { name: 'Create translation' }).focus();
		await eve.keyboard.press('Enter');
		await eve.waitForURL(/01-staying-safe-online\.ur\.md/);
		await eve.getByText(/^(No problems found\.|0 errors,)/).waitFor();
		const preview = eve.getByRole('region', { name: 'Preview' });
		await preview
			.locator('[lang="ur"][dir="rtl"]')
			.getByRole('heading', { name: 'Staying safe online', level: 3 })
			.waitFor();
		const tree = eve.getByRole('navigation', { name: 'Pathways, modules and lessons' });
		await tree
			.getByRole('list', { name: 'Translations of Staying safe online' })
			.getByRole('link', { name: 'اردو draft' })
			.waitFor();
		expect(await lookAt(eve, 'editor-new-translation', [1280, 360])).toEqual({});
		const [draft] = await admin
			.collection('drafts')
			.getFullList({ filter: admin.filter('file = {:file}', { file: URDU }) });
		expect(draft?.text).toMatch(/\nstatus: draft — needs review by a native speaker\n---\n/);

		// Published with its pathway as any draft, once the planted mistake's draft is gone.
		const [planted] = await admin
			.collection('drafts')
			.getFullList({ filter: admin.filter('file = {:file}', { file: POLISH }) });
		await admin.collection('drafts').delete(planted?.id ?? '');
		await eve.getByRole('link', { name: 'Publish pathway…' }).click();
		await eve.getByRole('heading', { name: 'What will change' }).waitFor({ timeout: 60_000 });
		await eve.getByText('New lesson translation (اردو): Staying safe online').waitFor();
		await eve.getByRole('button', { name: /^Publish / }).click();
		await eve.getByText(/^The pathway is published/).waitFor({ timeout: 30_000 });
		const catalog = await (await fetch(`${url}/api/clyde/catalog`)).json();
		const lessons = catalog.pathways.flatMap((p: { modules: { lessons: unknown[] }[] }) =>
			p.modules.flatMap((m) => m.lessons)
		) as { id: string; translations?: Record<string, unknown> }[];
		const safe = lessons.find((l) => l.id === 'de-staying-safe-online');
		expect(Object.keys(safe?.translations ?? {})).toEqual(['ur']);
	}, 180_000);
});
