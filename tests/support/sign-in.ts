import type { Page } from 'playwright-core';

/** Signs in through the Account page, as a person would, and waits until it says so. */
export async function signIn(page: Page, url: string, email: string, password: string) {
	await page.goto(`${url}/account`);
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel(/^Password/).fill(password);
	await page.locator('form').getByRole('button', { name: 'Sign in' }).click();
	await page.getByText(/Signed in as/).waitFor();
}
