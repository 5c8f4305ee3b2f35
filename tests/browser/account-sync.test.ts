import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { axeViolations } from '../support/axe';
import { readStore, waitForServiceWorker } from '../support/learner';

const url = inject('pbUrl');
const LESSON = `${url}/pathways/digital-essentials/getting-started/phones-tablets-and-computers`;

describe('accounts and sync in the app (real Chromium, real PocketBase)', () => {
	let browser: LaunchedBrowser;
	let admin: PocketBase;
	beforeAll(async () => {
		browser = await launchChromium();
		admin = new PocketBase(url);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
	});
	afterAll(() => browser?.close());

	it('progress made offline before having an account reaches the server after sign-up', async () => {
		const page = await browser.context.newPage();
		await page.goto(`${url}/`);
		await waitForServiceWorker(page);
		await page.goto(LESSON);
		await page.getByRole('heading', { level: 1 }).waitFor();

		// Going on to the next lesson marks this one complete, offline too.
		await browser.context.setOffline(true);
		await page.getByRole('link', { name: 'Next: The internet and the web' }).click();
		await page.getByRole('heading', { level: 1, name: 'The internet and the web' }).waitFor();
		await browser.context.setOffline(false);

		await page.getByRole('link', { name: 'Account' }).click();
		expect(await axeViolations(page)).toEqual([]);
		await page.getByRole('button', { name: 'Create an account' }).click();
		const email = `browser-${Date.now()}@example.org`;
		await page.getByLabel('Your name').fill('Browser Learner');
		await page.getByLabel('Email address').fill(email);
		await page.getByLabel(/^Password/).fill('a-good-password');
		await page.locator('form').getByRole('button', { name: 'Create account' }).click();
		await page.getByText('Signed in as Browser Learner.').waitFor();
		await page.getByText(/^Everything is sent to your account/).waitFor({ timeout: 20_000 });
		expect(await axeViolations(page)).toEqual([]);

		const user = await admin
			.collection('users')
			.getFirstListItem(admin.filter('email = {:e}', { e: email }));
		const events = await admin
			.collection('progress_events')
			.getFullList({ filter: admin.filter('user = {:u}', { u: user.id }) });
		// The first lesson opened and completed, and the next one opened once back online.
		expect(events.map((e) => e.type).sort()).toEqual([
			'lesson_completed',
			'lesson_opened',
			'lesson_opened'
		]);
		expect(user.role).toBe('learner');

		// A change made while signed in goes up by itself, shortly after it is made.
		await page.goto(`${url}/pathways/digital-essentials/getting-started/the-internet-and-the-web`);
		await page.getByRole('link', { name: 'Next: Browsers and searching' }).click();
		await expect
			.poll(
				async () =>
					(
						await admin.collection('progress_events').getFullList({
							filter: admin.filter('user = {:u} && type = "lesson_completed"', { u: user.id })
						})
					).length,
				{ timeout: 20_000 }
			)
			.toBe(2);
	});

	it('signing out with unsynced changes warns and keeps them', async () => {
		const page = await browser.context.newPage();
		await page.goto(`${url}/account`);
		await page.getByText(/Signed in as/).waitFor();
		await page.goto(`${url}/pathways/digital-essentials/getting-started/browsers-and-searching`);
		await page.locator('.lesson-body h2').first().waitFor();
		await browser.context.setOffline(true);
		await page.getByRole('link', { name: 'Next: Wifi and mobile data' }).click();
		await page.getByRole('heading', { level: 1, name: 'Wifi and mobile data' }).waitFor();
		await page.getByRole('link', { name: 'Account' }).click();
		await page.getByRole('button', { name: 'Sign out' }).click();
		await page.getByText(/not reached the server yet\.\s+They\s+stay on this phone/).waitFor();
		await page.getByRole('button', { name: 'Sign out anyway' }).click();
		await page.getByRole('heading', { name: 'Sign in' }).waitFor();
		const outbox = (await readStore(page, 'outbox')).length;
		expect(outbox).toBeGreaterThan(0);
		await browser.context.setOffline(false);
	});
});
