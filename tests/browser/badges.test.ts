import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import PocketBase from 'pocketbase';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { axeInEveryTheme } from '../support/axe';
import { readStore, waitForServiceWorker } from '../support/learner';
import { goOffline } from '../support/offline';
import { pushPathwayDone } from '../support/pathway-done';

const url = inject('pbUrl');
const PATHWAY = 'digital-essentials';
const PASSWORD = 'badge-test-passphrase';

/** Checks pasted text and waits for the verdict (its heading's accessible name, without the mark). */
async function verdict(page: Page, text: string, expected: string): Promise<void> {
	await page.getByLabel('Or paste the badge').fill(text);
	await page.getByRole('button', { name: 'Check badge' }).click();
	await page
		.getByRole('status')
		.getByRole('heading', { level: 2, name: expected, exact: true })
		.waitFor();
}

describe('a badge on the phone: claimed, kept, printed and checked (real Chromium, real PocketBase)', () => {
	let browser: LaunchedBrowser;
	let admin: PocketBase;
	const email = `badge-${randomUUID().slice(0, 8)}@example.org`;

	beforeAll(async () => {
		admin = new PocketBase(url);
		admin.autoCancellation(false);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		await admin.collection('users').create({
			email,
			name: 'Isla Badge',
			role: 'learner',
			password: PASSWORD,
			passwordConfirm: PASSWORD
		});
		// Every lesson done, as another phone of this learner would have sent it.
		const learner = new PocketBase(url);
		await learner.collection('users').authWithPassword(email, PASSWORD);
		await pushPathwayDone(url, learner.authStore.token, PATHWAY);
		browser = await launchChromium({ viewport: { width: 360, height: 740 } });
	});
	afterAll(() => browser?.close());

	it('claims with a chosen name, keeps it offline, downloads it, and /verify says valid, tampered and revoked', async () => {
		const page = await browser.context.newPage();
		await page.goto(`${url}/account`);
		await page.getByLabel('Email address').fill(email);
		await page.getByLabel(/^Password/).fill(PASSWORD);
		await page.locator('form').getByRole('button', { name: 'Sign in' }).click();
		await page.getByText(/^Signed in as/).waitFor();
		await waitForServiceWorker(page);

		// The end of the pathway offers the badge once the pulled events show it done.
		await page.goto(`${url}/pathways/${PATHWAY}/complete`);
		await page.getByRole('link', { name: 'Get your badge' }).click();
		await page
			.getByRole('heading', { level: 1, name: 'Get your Digital Essentials badge' })
			.waitFor();
		await page.waitForLoadState('networkidle');
		expect(await axeInEveryTheme(page)).toEqual({});

		await page.getByRole('textbox', { name: 'Name on the badge' }).fill('Isla B.');
		await page.getByRole('button', { name: 'Get my badge' }).click();
		await page
			.getByRole('heading', { level: 1, name: 'Your Digital Essentials badge', exact: true })
			.waitFor();
		await page.getByText('Awarded to Isla B.').waitFor();
		expect(await axeInEveryTheme(page)).toEqual({});
		const [kept] = await readStore<{ credential: string; display_name: string }>(page, 'badges');
		expect(kept?.display_name).toBe('Isla B.');
		const jws = kept?.credential ?? '';

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download badge file' }).click()
		]);
		expect(download.suggestedFilename()).toBe(`clyde-badge-${PATHWAY}.json`);
		const file = JSON.parse(await readFile((await download.path()) ?? '', 'utf8')) as {
			type: string;
			id: string;
		};
		expect(file).toMatchObject({
			type: 'EnvelopedVerifiableCredential',
			id: `data:application/vc+jwt,${jws}`
		});

		// Checked from the file, online: valid, and the issuer's keys are now kept.
		await page.goto(`${url}/verify`);
		await page.getByRole('heading', { level: 1, name: 'Check a badge' }).waitFor();
		await page.getByLabel('Choose a badge file').setInputFiles((await download.path()) ?? '');
		await page.getByRole('status').getByRole('heading', { name: 'Valid', exact: true }).waitFor();
		expect(await axeInEveryTheme(page)).toEqual({});

		// Offline: the badge page still shows it, and /verify still checks, with the kept keys.
		const online = await goOffline(browser.context);
		await page.goto(`${url}/pathways/${PATHWAY}/badge`);
		await page.getByText('Awarded to Isla B.').waitFor();
		await page.goto(`${url}/verify`);
		await page.getByRole('heading', { level: 1, name: 'Check a badge' }).waitFor();
		await verdict(page, jws, 'Valid');
		await page.getByText('could not ask whether it was revoked').waitFor();
		const [head, body, signature] = jws.split('.') as [string, string, string];
		const changed = `${head}.${body.slice(0, 50)}${body[50] === 'A' ? 'B' : 'A'}${body.slice(51)}.${signature}`;
		await verdict(page, changed, 'Tampered');
		expect(await axeInEveryTheme(page)).toEqual({});
		await verdict(page, 'not a badge at all', 'Not a badge');
		await online();

		// Revoked by an admin: /verify says so, with the reason, and so does the badge page.
		const [record] = await admin
			.collection('badges')
			.getFullList({ filter: admin.filter('credential = {:jws}', { jws }) });
		const revoked = await fetch(`${url}/api/clyde/badges/${record?.id}/revoke`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Authorization: admin.authStore.token },
			body: JSON.stringify({ reason: 'Issued to the wrong account' })
		});
		expect(revoked.status).toBe(200);
		await page.goto(`${url}/verify`);
		await verdict(page, jws, 'Revoked');
		await page.getByText(/Issued to the wrong account/).waitFor();
		expect(await axeInEveryTheme(page)).toEqual({});
		await page.goto(`${url}/pathways/${PATHWAY}/badge`);
		await page.getByText(/revoked this badge: Issued to the wrong account/).waitFor();
	});
});
