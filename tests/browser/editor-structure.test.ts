import PocketBase from 'pocketbase';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { deleteAllDrafts, publishBundledContent } from '../support/pocketbase';
import { readStore } from '../support/learner';
import { lookAt } from '../support/look-at';
import { signIn } from '../support/sign-in';

const url = inject('pbUrl');
const PASSWORD = 'structure-test-passphrase';
const suffix = Date.now().toString(36);
const SAFE = '01-digital-essentials/02-staying-safe';
const EMAIL = '01-digital-essentials/03-email';
const RENAMED = `Strong passwords ${suffix}`;
const START = '01-digital-essentials/01-getting-started';
const SERVICES = '01-digital-essentials/04-services-and-rights';
const PATHWAY = `${url}/pathways/digital-essentials`;

// Rename, reorder and remove lessons as drafts; the publish page lists them; publish.
describe('structure actions in the editor (real Chromium, real PocketBase)', () => {
	let browser: LaunchedBrowser;
	let admin: PocketBase;
	let eve: Page;
	let phoneBrowser: LaunchedBrowser;
	let phone: Page;

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
		phoneBrowser = await launchChromium();
		eve = await browser.context.newPage();
		phone = await phoneBrowser.context.newPage();
		await signIn(eve, url, email, PASSWORD);
	}, 120_000);
	afterAll(async () => {
		await browser?.close();
		await phoneBrowser?.close();
		// Put the curriculum back as the other tests know it, with no draft left over.
		await deleteAllDrafts(admin);
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
		// Every draft the publish carried out is gone, the removals and the moves' too.
		expect(await admin.collection('drafts').getFullList()).toEqual([]);
	}, 240_000);

	it('moves and removes modules, moves a lesson to another module; the phone updates', async () => {
		await phone.goto(PATHWAY);
		await phone.getByRole('button', { name: /^Save for offline/ }).click();
		await phone.getByText('Saved for offline').waitFor({ timeout: 30_000 });
		const tree = eve.getByRole('navigation', { name: 'Pathways, modules and lessons' });

		// A module up, by keyboard: its folder takes the number of the one above.
		await eve.goto(`${url}/editor?file=${encodeURIComponent(`${SERVICES}/module.md`)}`);
		const up = eve.getByRole('button', { name: 'Move up' });
		await up.focus();
		await eve.keyboard.press('Enter');
		await eve.waitForURL(/03-services-and-rights%2Fmodule\.md/);
		await eve.getByText('Moved “Services and your rights” up: it is module 3 of 4.').waitFor();

		// A lesson with pictures and translations to another module, chosen by keyboard.
		await eve.goto(
			`${url}/editor?file=${encodeURIComponent(`${START}/03-browsers-and-searching.md`)}`
		);
		const select = eve.getByLabel('Move to another module');
		await select.focus();
		await select.selectOption({ label: 'Staying safe online' });
		await eve.getByRole('button', { name: 'Move', exact: true }).focus();
		await eve.keyboard.press('Enter');
		await eve.waitForURL(/02-staying-safe%2F05-browsers-and-searching\.md/);
		await eve
			.getByText(
				'Moved “Browsers and searching” to “Staying safe online”: it is lesson 5 of 5 there.'
			)
			.waitFor();
		// Its pictures followed it: the preview shows them and the checks find no missing file.
		await eve.getByText(/^(No problems found\.|0 errors,)/).waitFor();
		expect(await lookAt(eve, 'editor-move-to', [1280, 360])).toEqual({});

		// The email module (now the fourth) removed after a confirm.
		await eve.goto(
			`${url}/editor?file=${encodeURIComponent('01-digital-essentials/04-email/module.md')}`
		);
		await eve.getByRole('button', { name: 'Remove module…' }).click();
		const dialog = eve.getByRole('dialog', { name: /^Remove “Email”\?$/ });
		await dialog.waitFor();
		expect(await lookAt(eve, 'editor-remove-module', [1280, 360])).toEqual({});
		await dialog.getByRole('button', { name: 'Remove module' }).click();
		await tree.getByRole('link', { name: 'Email', exact: true }).waitFor({ state: 'detached' });

		await eve.getByRole('link', { name: 'Publish pathway…' }).click();
		await eve.getByRole('heading', { name: 'What will change' }).waitFor({ timeout: 60_000 });
		await eve.getByText('Moved module: Services and your rights').waitFor();
		await eve.getByText('Moved lesson: Browsers and searching').waitFor();
		await eve.getByText('Removed module: Email').waitFor();
		await eve.getByText('Removed lesson: What email is').waitFor();
		await eve.getByRole('button', { name: /^Publish / }).click();
		await eve.getByText(/^The pathway is published/).waitFor({ timeout: 30_000 });
		expect(await admin.collection('drafts').getFullList()).toEqual([]);
		const browsers = await admin
			.collection('lessons')
			.getFirstListItem('content_id = "de-browsers-and-searching"', { expand: 'module' });
		expect(browsers.expand?.module?.content_id).toBe('de-staying-safe');
		expect(browsers.media).toHaveLength(2);

		await phone.reload();
		await phone.getByText(/^Update available: .*lessons removed$/).waitFor();
		await phone.getByRole('button', { name: 'Get the update' }).click();
		await phone.getByText('Saved for offline').waitFor({ timeout: 30_000 });
	}, 300_000);

	it('a publish that only removes a lesson is an update on the phone; its progress stays', async () => {
		// The learner opens the lesson: progress the update must not take away.
		await phone.goto(`${PATHWAY}/staying-safe/browsers-and-searching`);
		await phone.getByRole('heading', { name: 'Browsers and searching', level: 1 }).waitFor();
		const opened = async () =>
			(await readStore<{ lesson: string }>(phone, 'events')).filter(
				(e) => e.lesson === 'de-browsers-and-searching'
			).length;
		await expect.poll(opened).toBeGreaterThan(0);
		const before = await opened();

		await eve.goto(
			`${url}/editor?file=${encodeURIComponent('01-digital-essentials/02-staying-safe/05-browsers-and-searching.md')}`
		);
		await eve.getByRole('button', { name: 'Remove lesson…' }).click();
		await eve.getByRole('dialog').getByRole('button', { name: 'Remove lesson' }).click();
		await eve.waitForURL(/module\.md/);
		await eve.getByRole('link', { name: 'Publish pathway…' }).click();
		await eve.getByText('Removed lesson: Browsers and searching').waitFor({ timeout: 60_000 });
		await eve.getByRole('button', { name: /^Publish / }).click();
		await eve.getByText(/^The pathway is published/).waitFor({ timeout: 30_000 });

		await phone.goto(PATHWAY);
		await phone.getByText('Update available: 1 lesson removed').waitFor();
		await phone.getByRole('button', { name: 'Get the update' }).click();
		await phone.getByText('Saved for offline').waitFor({ timeout: 30_000 });
		const stored = await readStore<{ id: string }>(phone, 'lessons');
		expect(stored.map((l) => l.id)).not.toContain('de-browsers-and-searching');
		expect(await opened()).toBe(before);
	}, 240_000);
});
