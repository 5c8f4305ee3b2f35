import PocketBase from 'pocketbase';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { publishBundledContent } from '../support/pocketbase';
import { lookAt } from '../support/look-at';
import { signIn } from '../support/sign-in';

const url = inject('pbUrl');
const PASSWORD = 'structure-test-passphrase';
const suffix = Date.now().toString(36);
const SAFE = '01-digital-essentials/02-staying-safe';
const EMAIL = '01-digital-essentials/03-email';
const RENAMED = `Strong passwords ${suffix}`;

// Rename, reorder and remove lessons as drafts; the publish page lists them; publish.
describe('structure actions in the editor (real Chromium, real PocketBase)', () => {
	let browser: LaunchedBrowser;
	let admin: PocketBase;
	let eve: Page;

	beforeAll(async () => {
		admin = new PocketBase(url);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		const email = `structure-${suffix}@example.org`;
		await admin.collection('users').create({
			email,
			name: 'Eve',
			role: 'editor',
			password: PASSWORD,
			passwordConfirm: PASSWORD
		});
		await publishBundledContent(url);
		browser = await launchChromium({ viewport: { width: 1280, height: 900 } });
		eve = await browser.context.newPage();
		await signIn(eve, url, email, PASSWORD);
	}, 120_000);
	afterAll(async () => {
		await browser?.close();
		// Removal drafts outlive a publish (nothing is published at their path): clear them all.
		for (const draft of await admin.collection('drafts').getFullList()) {
			await admin.collection('drafts').delete(draft.id);
		}
		await publishBundledContent(url);
	});

	it('renames, moves and removes lessons; the publish page lists them; they publish', async () => {
		await eve.goto(`${url}/editor?file=${encodeURIComponent(`${SAFE}/02-strong-passwords.md`)}`);
		await eve.getByLabel('New title for this lesson').fill(RENAMED);
		await eve.keyboard.press('Enter');
		await eve.getByText(`Renamed to “${RENAMED}”`).waitFor();
		await eve.getByText('All changes saved').waitFor();
		const tree = eve.getByRole('navigation', { name: 'Pathways, modules and lessons' });
		await tree.getByRole('link', { name: RENAMED }).waitFor();

		// Moved down by keyboard: the focus stays on the button, the new place is announced.
		const down = eve.getByRole('button', { name: 'Move down' });
		await down.focus();
		await eve.keyboard.press('Enter');
		await eve.waitForURL(/03-strong-passwords/);
		await eve.getByText(`Moved “${RENAMED}” down: it is lesson 3 of 4.`).waitFor();
		expect(await eve.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Move down');
		expect(await lookAt(eve, 'editor-structure', [1280, 360])).toEqual({});

		// Removed after a confirm; Escape first cancels it.
		await eve.goto(
			`${url}/editor?file=${encodeURIComponent(`${EMAIL}/02-writing-and-sending-email.md`)}`
		);
		await eve.getByRole('button', { name: 'Remove lesson…' }).click();
		const dialog = eve.getByRole('dialog', { name: /^Remove “Writing and sending email”\?$/ });
		await dialog.waitFor();
		expect(await lookAt(eve, 'editor-remove', [1280, 360])).toEqual({});
		await dialog.getByRole('button', { name: 'Remove lesson' }).click();
		await eve.waitForURL(/module\.md/);
		await tree.getByRole('link', { name: 'Writing and sending email' }).waitFor({
			state: 'detached'
		});

		await eve.getByRole('link', { name: 'Publish pathway…' }).click();
		await eve.getByRole('heading', { name: 'What will change' }).waitFor({ timeout: 60_000 });
		await eve.getByText(`Moved lesson: ${RENAMED}`).waitFor();
		await eve.getByText('Moved lesson: Two-step sign-in').waitFor();
		await eve.getByText('Removed lesson: Writing and sending email').waitFor();
		await eve.getByRole('button', { name: /^Publish / }).click();
		await eve.getByText(/^The pathway is published/).waitFor({ timeout: 30_000 });

		// Same ids (so learners' progress stays with them), new places and title; one unpublished.
		const lesson = (id: string) =>
			admin.collection('lessons').getFirstListItem(`content_id = "${id}"`);
		const [strong, twoStep, email] = await Promise.all(
			['de-strong-passwords', 'de-two-step-sign-in', 'de-writing-and-sending-email'].map(lesson)
		);
		expect([strong?.title, strong?.published, twoStep?.published]).toEqual([RENAMED, true, true]);
		expect(twoStep?.position).toBeLessThan(strong?.position);
		expect(email?.published).toBe(false);
	}, 240_000);
});
