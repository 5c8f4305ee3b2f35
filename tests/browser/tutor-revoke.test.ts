import { randomUUID } from 'node:crypto';
import PocketBase from 'pocketbase';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { axeInEveryTheme } from '../support/axe';
import { callRoute } from '../support/call-route';
import { readStore, waitForServiceWorker } from '../support/learner';
import { goOffline } from '../support/offline';
import { pushPathwayDone } from '../support/pathway-done';
import { signIn } from '../support/sign-in';

const url = inject('pbUrl');
const PATHWAY = 'digital-essentials';
const PASSWORD = 'tutor-revoke-passphrase';
const REASON = 'Issued to the wrong account';

/**
 * With CLYDE_SHOTS set, the screen at 360 and 1024 px, light and dark, into that folder, with
 * `part` scrolled into view.
 */
async function shots(page: Page, name: string, part: Locator): Promise<void> {
	const folder = process.env.CLYDE_SHOTS;
	if (!folder) return;
	const size = page.viewportSize() ?? { width: 1024, height: 800 };
	for (const width of [360, 1024]) {
		await page.setViewportSize({ width, height: 800 });
		// Centred: "if needed" leaves it under the phone's fixed bottom bar.
		await part.evaluate((element) => element.scrollIntoView({ block: 'center' }));
		for (const theme of ['light', 'dark']) {
			await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
			await page.screenshot({ path: `${folder}/${name}-${width}-${theme}.png` });
		}
	}
	await page.evaluate(() => (document.documentElement.dataset.theme = 'system'));
	await page.setViewportSize(size);
}

describe('a tutor revokes a learner’s badge (real Chromium, real PocketBase)', () => {
	let tutorBrowser: LaunchedBrowser;
	let phone: LaunchedBrowser;
	const suffix = randomUUID().slice(0, 8);
	const tutorEmail = `revoke-tutor-${suffix}@example.org`;
	const learnerEmail = `revoke-learner-${suffix}@example.org`;
	const learnerName = `Rona ${suffix}`;
	let cohortId = '';
	let admin: PocketBase;

	beforeAll(async () => {
		admin = new PocketBase(url);
		admin.autoCancellation(false);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		for (const [email, role, name] of [
			[tutorEmail, 'tutor', 'Tutor Calum'],
			[learnerEmail, 'learner', learnerName]
		] as const) {
			await admin
				.collection('users')
				.create({ email, role, name, password: PASSWORD, passwordConfirm: PASSWORD });
		}
		// The tutor's cohort, which the learner joins with its code.
		const tutor = new PocketBase(url);
		const { record } = await tutor.collection('users').authWithPassword(tutorEmail, PASSWORD);
		const cohort = await tutor
			.collection('cohorts')
			.create({ name: 'Revoke class', pathway: PATHWAY, tutor: record.id });
		cohortId = cohort.id;
		const learner = new PocketBase(url);
		await learner.collection('users').authWithPassword(learnerEmail, PASSWORD);
		const token = learner.authStore.token;
		const joined = await callRoute(url, token, 'POST', '/api/clyde/cohorts/join', {
			code: cohort.join_code
		});
		expect(joined.status, joined.text).toBe(200);
		await pushPathwayDone(url, token, PATHWAY);
		tutorBrowser = await launchChromium({ viewport: { width: 1024, height: 800 } });
		phone = await launchChromium({ viewport: { width: 360, height: 740 } });
	});
	afterAll(async () => {
		await tutorBrowser?.close();
		await phone?.close();
	});

	it('the learner claims, the tutor revokes with a reason, every open dashboard and the phone’s /verify say revoked, online and offline', async () => {
		// Two dashboards of the cohort open: the one the tutor works in and another tab.
		const tutor = await tutorBrowser.context.newPage();
		await signIn(tutor, url, tutorEmail, PASSWORD);
		const other = await tutorBrowser.context.newPage();
		for (const page of [tutor, other]) {
			await page.goto(`${url}/tutor/${cohortId}`);
			await page.getByText('Live: updates as learners').waitFor();
			await page.getByText(/0 badges earned/).waitFor();
		}

		// The learner claims the badge on their phone; the open dashboards count it live.
		const learner = await phone.context.newPage();
		await learner.goto(`${url}/`);
		await waitForServiceWorker(learner);
		await signIn(learner, url, learnerEmail, PASSWORD);
		await learner.goto(`${url}/pathways/${PATHWAY}/badge`);
		await learner.getByRole('button', { name: 'Get my badge' }).click();
		await learner.getByRole('heading', { level: 1, name: /^Your .* badge$/ }).waitFor();
		const [kept] = await readStore<{ id: string; credential: string }>(learner, 'badges');
		const jws = kept?.credential ?? '';
		expect(jws.split('.')).toHaveLength(3);
		for (const page of [tutor, other]) await page.getByText(/1 badge earned\./).waitFor();
		// The issuer's key is rotated after this badge was signed: the phone must keep the old
		// key too, as the issuer still publishes it, to check the badge offline.
		const rotated = await callRoute(
			url,
			admin.authStore.token,
			'POST',
			'/api/clyde/badges/keys/rotate'
		);
		expect(rotated.status, rotated.text).toBe(201);

		// The tutor opens the learner's page and revokes, through a dialog that wants a reason.
		await tutor.getByRole('link', { name: learnerName }).click();
		await tutor.getByRole('heading', { level: 2, name: 'Badge' }).waitFor();
		await tutor.getByText(/^Earned on /).waitFor();
		await tutor.getByRole('button', { name: 'Revoke badge…' }).click();
		const dialog = tutor.getByRole('dialog', { name: 'Revoke this badge?' });
		await dialog.waitFor();
		const confirm = dialog.getByRole('button', { name: 'Revoke badge', exact: true });
		expect(await confirm.isDisabled()).toBe(true);
		await dialog.getByRole('textbox', { name: 'Reason' }).fill('   ');
		expect(await confirm.isDisabled()).toBe(true);
		expect(await axeInEveryTheme(tutor)).toEqual({});
		// Cancel leaves the badge standing.
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		expect(await dialog.isVisible()).toBe(false);
		const status = () => callRoute(url, '', 'GET', `/api/clyde/badges/status/${kept?.id}`);
		expect((await status()).body.status).toBe('active');

		await tutor.getByRole('button', { name: 'Revoke badge…' }).click();
		await dialog.getByRole('textbox', { name: 'Reason' }).fill(REASON);
		expect(await axeInEveryTheme(tutor)).toEqual({});
		await shots(tutor, 'tutor-revoke-dialog', dialog);
		await confirm.click();
		await tutor.getByText(new RegExp(`revoked on .*: ${REASON}`)).waitFor();
		expect(await dialog.isVisible()).toBe(false);
		expect((await status()).body).toMatchObject({ status: 'revoked', reason: REASON });
		// Focus lands on what happened, not on the body, for keyboard and screen reader users.
		expect(await tutor.evaluate(() => document.activeElement?.textContent)).toMatch(/revoked/);
		expect(await tutor.getByRole('button', { name: 'Revoke badge…' }).count()).toBe(0);
		expect(await axeInEveryTheme(tutor)).toEqual({});
		await shots(
			tutor,
			'tutor-learner-revoked',
			tutor.getByRole('heading', { level: 2, name: 'Badge' })
		);

		// Both dashboards say so: this one at once, the other tab live.
		await tutor.goBack();
		for (const page of [tutor, other]) {
			await expect
				.poll(() => page.getByText(/badges? earned/).textContent(), { timeout: 20_000 })
				.toMatch(/0 badges earned \(1 revoked\)\./);
		}
		await shots(tutor, 'tutor-cohort-revoked', tutor.getByText(/badges? earned/));

		// The learner's phone, opened online anywhere, learns of it and keeps it.
		await learner.goto(`${url}/`);
		await expect
			.poll(async () => (await readStore<{ revoked_reason: string }>(learner, 'badges'))[0], {
				timeout: 20_000
			})
			.toMatchObject({ revoked_reason: REASON });

		// On the learner's phone, online: /verify says revoked, with the reason.
		await learner.goto(`${url}/verify`);
		const check = async () => {
			await learner.getByLabel('Or paste the badge').fill(jws);
			await learner.getByRole('button', { name: 'Check badge' }).click();
			await learner
				.getByRole('status')
				.getByRole('heading', { level: 2, name: 'Revoked', exact: true })
				.waitFor();
			await learner.getByText(new RegExp(REASON)).waitFor();
		};
		await check();
		expect(await axeInEveryTheme(learner)).toEqual({});

		// Offline: the badge page says revoked, and so does /verify, from the issuer's revocation
		// list and its whole key set (the old key included) that the phone kept.
		const online = await goOffline(phone.context);
		await learner.goto(`${url}/pathways/${PATHWAY}/badge`);
		await learner.getByText(new RegExp(`revoked this badge: ${REASON}`)).waitFor();
		await learner.goto(`${url}/verify`);
		await check();
		await learner.getByText(/list of revoked badges this phone fetched/).waitFor();
		await shots(
			learner,
			'verify-revoked-offline',
			learner.getByRole('heading', { level: 2, name: 'Revoked', exact: true })
		);
		const [issuer] = await readStore<{ keys: { kid: string }[] }>(learner, 'issuers');
		const signedWith = JSON.parse(Buffer.from(jws.split('.')[0] ?? '', 'base64url').toString())
			.kid as string;
		expect(issuer?.keys.map((k) => k.kid)).toEqual(
			expect.arrayContaining([signedWith, rotated.body.kid])
		);
		expect(signedWith).not.toBe(rotated.body.kid);
		await online();
	});
});
