import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import PocketBase from 'pocketbase';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { axeInEveryTheme } from '../support/axe';
import { callRoute } from '../support/call-route';
import { readStore, waitForServiceWorker } from '../support/learner';
import { goOffline } from '../support/offline';
import { signIn } from '../support/sign-in';

const url = inject('pbUrl');
const PATHWAY = 'web-foundations';
const LESSON = '/pathways/web-foundations/html/your-first-web-page';
const PASSWORD = 'share-code-passphrase';
/** Learner code that would run if the tutor's page ever rendered it as HTML. */
const CODE = '<h1>Hello, Glasgow!</h1>\n<img src="x" onerror="window.pwned = true">';

/** With CLYDE_SHOTS set, the page at 360 px, light and dark, into that folder. */
async function shots(page: Page, name: string): Promise<void> {
	const folder = process.env.CLYDE_SHOTS;
	if (!folder) return;
	await mkdir(folder, { recursive: true });
	for (const theme of ['light', 'dark']) {
		await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
		await page.screenshot({ path: `${folder}/${name}-360-${theme}.png` });
	}
	await page.evaluate(() => (document.documentElement.dataset.theme = 'system'));
}

describe('a learner sends their code to their tutor, offline (real Chromium, real PocketBase)', () => {
	let phone: LaunchedBrowser;
	let tutorBrowser: LaunchedBrowser;
	const suffix = randomUUID().slice(0, 8);
	const tutorEmail = `share-tutor-${suffix}@example.org`;
	const learnerEmail = `share-learner-${suffix}@example.org`;
	let cohortId = '';
	let learnerId = '';
	let admin: PocketBase;

	beforeAll(async () => {
		admin = new PocketBase(url);
		admin.autoCancellation(false);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		for (const [email, role, name] of [
			[tutorEmail, 'tutor', 'Tutor Morag'],
			[learnerEmail, 'learner', `Sam ${suffix}`]
		] as const) {
			const user = await admin
				.collection('users')
				.create({ email, role, name, password: PASSWORD, passwordConfirm: PASSWORD });
			if (role === 'learner') learnerId = user.id;
		}
		const tutor = new PocketBase(url);
		const { record } = await tutor.collection('users').authWithPassword(tutorEmail, PASSWORD);
		const cohort = await tutor
			.collection('cohorts')
			.create({ name: 'Share class', pathway: PATHWAY, tutor: record.id });
		cohortId = cohort.id;
		const learner = new PocketBase(url);
		await learner.collection('users').authWithPassword(learnerEmail, PASSWORD);
		const joined = await callRoute(
			url,
			learner.authStore.token,
			'POST',
			'/api/clyde/cohorts/join',
			{
				code: cohort.join_code
			}
		);
		expect(joined.status, joined.text).toBe(200);
		phone = await launchChromium({ viewport: { width: 360, height: 740 } });
		tutorBrowser = await launchChromium({ viewport: { width: 360, height: 740 } });
	});
	afterAll(async () => {
		await phone?.close();
		await tutorBrowser?.close();
	});

	it('shares offline through the dialog, the next sync sends it, the tutor reads it as text', async () => {
		const { context } = phone;
		const online = await context.newPage();
		await online.goto(`${url}/`);
		await waitForServiceWorker(online);
		await signIn(online, url, learnerEmail, PASSWORD);
		await online.goto(`${url}/pathways/${PATHWAY}`);
		await online.getByRole('button', { name: /^Save for offline/ }).click();
		await online.getByText('Saved for offline').waitFor({ timeout: 30_000 });
		await online.close();

		const backOnline = await goOffline(context);
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		await page.goto(`${url}${LESSON}`);
		await page.getByRole('link', { name: 'Exercise: Say hello with a heading' }).click();
		const editor = page.locator('[role=tabpanel]:not([hidden]) .cm-content');
		await editor.waitFor();
		await editor.click();
		await page.keyboard.press('Control+A');
		await page.keyboard.insertText(CODE);

		// Cancel sends nothing; Escape closes too (a native modal dialog).
		const open = page.getByRole('button', { name: 'Send my code to my tutor…' });
		const dialog = page.getByRole('dialog', { name: 'Send your code to your tutor?' });
		await open.click();
		await dialog.waitFor();
		await dialog.getByRole('button', { name: "Don't send" }).click();
		await dialog.waitFor({ state: 'hidden' });
		await open.focus();
		await page.keyboard.press('Enter');
		await dialog.waitFor();
		expect(await axeInEveryTheme(page)).toEqual({});
		await shots(page, 'share-dialog');
		expect(await readStore(page, 'shares')).toEqual([]);
		await dialog.getByRole('button', { name: 'Send my code' }).click();
		await page.getByText('Your code is on its way to your tutor.').waitFor();
		const queued = await readStore<{ files: { html: string } }>(page, 'shares');
		expect(queued.map((s) => s.files.html)).toEqual([CODE]);

		await backOnline();
		await expect.poll(() => readStore(page, 'shares'), { timeout: 30_000 }).toEqual([]);
		const stored = await admin
			.collection('shared_code')
			.getFullList({ filter: admin.filter('user = {:u}', { u: learnerId }) });
		expect(stored.map((s) => s.files.html)).toEqual([CODE]);
		expect(errors).toEqual([]);

		const tutor = await tutorBrowser.context.newPage();
		await signIn(tutor, url, tutorEmail, PASSWORD);
		await tutor.goto(`${url}/tutor/${cohortId}/learners/${learnerId}`);
		const shared = tutor.locator('section', {
			has: tutor.getByRole('heading', { name: 'Code shared with you' })
		});
		await shared.locator('pre code').first().waitFor();
		expect(await shared.locator('pre code').first().textContent()).toBe(CODE);
		expect(await shared.locator('img').count()).toBe(0);
		expect(await tutor.evaluate(() => (window as { pwned?: boolean }).pwned)).toBeUndefined();
		expect(await axeInEveryTheme(tutor)).toEqual({});
		await shared.evaluate((element) => element.scrollIntoView({ block: 'start' }));
		await shots(tutor, 'share-tutor');
	});
});
