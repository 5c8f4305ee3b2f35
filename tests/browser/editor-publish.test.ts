import PocketBase from 'pocketbase';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { deleteAllDrafts, publishBundledContent } from '../support/pocketbase';
import { lookAt } from '../support/look-at';
import { signIn } from '../support/sign-in';

const url = inject('pbUrl');
const PASSWORD = 'publish-test-passphrase';
const suffix = Date.now().toString(36);
const MODULE = '01-digital-essentials/04-services-and-rights';
const CHANGED = `${MODULE}/03-your-data.md`;
const TITLE = `Keeping records ${suffix}`;
const PATHWAY = `${url}/pathways/digital-essentials`;

const lessonText = (minutes: string) =>
	[
		'---',
		`id: keeping-records-${suffix}`,
		`title: ${TITLE}`,
		'summary: Keep the letters and forms you send, so that you can show what you did.',
		minutes,
		'outcomes:',
		'  - Keep a record of the letters and forms you send',
		'---',
		'',
		'Keep every letter in one folder, with the date you sent it.',
		''
	].join('\n');

// An editor's whole day with a browser only: write a lesson, fix the mistake the checks show,
// preview, publish with the change list; a learner's phone gets it as an update; roll back.
describe('publish and roll back from the editor (real Chromium, real PocketBase)', () => {
	let editorBrowser: LaunchedBrowser;
	let phoneBrowser: LaunchedBrowser;
	let admin: PocketBase;
	let eve: Page;
	let phone: Page;

	beforeAll(async () => {
		admin = new PocketBase(url);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		// The editor's day starts from what learners have: no draft left by other test files.
		await deleteAllDrafts(admin);
		const email = `publisher-${suffix}@example.org`;
		await admin.collection('users').create({
			email,
			name: 'Eve',
			role: 'editor',
			password: PASSWORD,
			passwordConfirm: PASSWORD
		});
		// What the other tests know, recorded as a publish of its own: the version to roll back to.
		await publishBundledContent(url);
		editorBrowser = await launchChromium({ viewport: { width: 1280, height: 900 } });
		phoneBrowser = await launchChromium();
		eve = await editorBrowser.context.newPage();
		phone = await phoneBrowser.context.newPage();
		await signIn(eve, url, email, PASSWORD);
	}, 120_000);
	afterAll(async () => {
		await editorBrowser?.close();
		await phoneBrowser?.close();
		// Put the curriculum back as the other tests know it.
		await publishBundledContent(url);
	});

	it('writes, checks, previews and publishes a new lesson; the phone gets it as an update', async () => {
		await phone.goto(PATHWAY);
		await phone.getByRole('button', { name: /^Save for offline/ }).click();
		await phone.getByText('Saved for offline').waitFor({ timeout: 30_000 });

		await eve.goto(`${url}/editor?file=${encodeURIComponent(`${MODULE}/module.md`)}`);
		await eve.getByLabel('New lesson in this module, its title').fill(TITLE);
		await eve.keyboard.press('Enter');
		await eve.waitForURL(/05-keeping-records/);
		const file = new URL(eve.url()).searchParams.get('file') ?? '';
		expect(file).toBe(`${MODULE}/05-keeping-records-${suffix}.md`);
		await eve.getByText(/^(No problems found\.|0 errors,)/).waitFor();

		// The lesson written over the template, with a planted mistake on line 5.
		await eve.locator('.cm-content').click();
		await eve.keyboard.press('Control+a');
		await eve.keyboard.insertText(lessonText('minutes: five'));
		const problem = eve.getByRole('button', { name: /^Error, line 5: .*whole number of minutes/ });
		await problem.waitFor();
		// Fixed guided by the message: choosing it puts the cursor on its line.
		await problem.click();
		await eve.keyboard.press('End');
		await eve.keyboard.press('Shift+Home');
		await eve.keyboard.type('minutes: 6');
		await eve.getByText(/^(No problems found\.|0 errors,)/).waitFor();
		const preview = eve.getByRole('region', { name: 'Preview' });
		await preview.getByText('Keep every letter in one folder').waitFor();
		await eve.getByText('All changes saved').waitFor();

		// A change to a published lesson too, which the change list shows line by line.
		await eve.goto(`${url}/editor?file=${encodeURIComponent(CHANGED)}`);
		await eve.getByText(/^(No problems found\.|0 errors,|\d+ errors?,)/).waitFor();
		await eve.locator('.cm-content').click();
		await eve.keyboard.press('Control+End');
		await eve.keyboard.insertText('\nAsk for a copy of your data in writing.\n');
		await eve.getByText('All changes saved').waitFor();

		// The publish page: what will change, checked again by the server's dry run.
		await eve.getByRole('link', { name: 'Publish pathway…' }).focus();
		await eve.keyboard.press('Enter');
		await eve.getByRole('heading', { name: 'What will change' }).waitFor({ timeout: 60_000 });
		await eve.getByText(`New lesson: ${TITLE}`).waitFor();
		await eve.getByText(/1 lesson updated, 1 lesson new/).waitFor();
		await eve.getByText('Changed lesson: Your data').waitFor();
		await eve.getByText('Show the changes to Your data').click();
		await eve
			.getByLabel(`Changes to ${CHANGED}`)
			.getByText('Ask for a copy of your data in writing.')
			.waitFor();
		expect(await lookAt(eve, 'editor-publish', [1280, 768, 360])).toEqual({});
		await eve.getByRole('button', { name: /^Publish / }).focus();
		await eve.keyboard.press('Enter');
		await eve.getByText(/^The pathway is published/).waitFor({ timeout: 30_000 });
		// The draft is what was published: it is gone, and the tree shows the lesson as published.
		expect(await admin.collection('drafts').getFullList({ filter: `file = "${file}"` })).toEqual(
			[]
		);

		await phone.reload();
		await phone.getByText('Update available: 1 new lesson, 1 changed').waitFor();
		await phone.getByRole('button', { name: 'Get the update' }).click();
		await phone.getByText('Saved for offline').waitFor({ timeout: 30_000 });
		await phone.getByRole('link', { name: TITLE, exact: true }).waitFor();
	}, 240_000);

	it('rolls back from the history with a confirm; the phone sees the update again', async () => {
		await eve.goto(`${url}/editor/history`);
		const latest = eve.getByRole('listitem').filter({ hasText: 'what learners have now' });
		await latest.getByText('By Eve').waitFor();
		const restore = eve.getByRole('button', { name: /^Restore publish \d+$/ }).first();
		await restore.focus();
		await eve.keyboard.press('Enter');
		const dialog = eve.getByRole('dialog', { name: /^Restore publish \d+\?$/ });
		await dialog.waitFor();
		expect(await lookAt(eve, 'editor-history', [1280, 768, 360])).toEqual({});
		// Escape cancels; nothing is restored.
		await eve.keyboard.press('Escape');
		await dialog.waitFor({ state: 'hidden' });
		await restore.click();
		await dialog.getByRole('button', { name: /^Restore publish/ }).click();
		await eve.getByText(/is what learners have again/).waitFor({ timeout: 30_000 });
		await eve
			.getByText(/a restore of publish \d+/)
			.first()
			.waitFor();

		// The phone follows: the changed lesson is an update again, the new one is gone.
		await phone.reload();
		await phone.getByText('Update available: 1 lesson changed, 1 lesson removed').waitFor();
		await phone.getByRole('button', { name: 'Get the update' }).click();
		await phone.getByText('Saved for offline').waitFor({ timeout: 30_000 });
		await phone.getByRole('link', { name: TITLE, exact: true }).waitFor({ state: 'detached' });
	}, 180_000);
});
