import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { startTestServer, type TestServer } from '../support/pocketbase';

describe('the account form under the abuse limits (a PocketBase of its own, production limits)', () => {
	let server: TestServer;
	let browser: LaunchedBrowser;
	beforeAll(async () => {
		[server, browser] = await Promise.all([
			startTestServer(undefined, { rateLimits: 'real' }),
			launchChromium()
		]);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.destroy();
	});

	it('password guessing: after 10 tries the form says to wait, in minutes, instead of "wrong password"', async () => {
		const email = 'guessed@example.org';
		for (let i = 0; i < 10; i++) {
			await fetch(`${server.url}/api/collections/users/auth-with-password`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ identity: email, password: `guess-number-${i}` })
			});
		}
		const page = await browser.context.newPage();
		await page.goto(`${server.url}/account`);
		await page.getByLabel('Email address').fill(email);
		await page.getByLabel(/^Password/).fill('the-real-password');
		await page.locator('form').getByRole('button', { name: 'Sign in' }).click();
		const alert = page.getByRole('alert');
		await alert.waitFor();
		expect(await alert.textContent()).toBe('Too many attempts. Try again in 15 minutes.');
	});

	it('common passwords: sign-up says why the password was refused', async () => {
		const page = await browser.context.newPage();
		await page.goto(`${server.url}/account`);
		await page.getByRole('button', { name: 'Create an account' }).click();
		await page.getByLabel('Your name').fill('Sam');
		await page.getByLabel('Email address').fill('sam@example.org');
		await expect
			.poll(() => page.getByLabel(/^Password/).getAttribute('minlength'))
			.toBe(String(10));
		await page.getByLabel(/^Password/).fill('qwertyuiop');
		await page.locator('form').getByRole('button', { name: 'Create account' }).click();
		const alert = page.getByRole('alert');
		await alert.waitFor();
		expect(await alert.textContent()).toMatch(
			/^This password is one of the most common ones, so it is easy to guess\./
		);
	});
});
