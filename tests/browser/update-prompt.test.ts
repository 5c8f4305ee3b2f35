import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { integrityOf } from '../../scripts/pwa/precache-reuse';
import { startTestServer, type TestServer } from '../support/pocketbase';
import { waitForServiceWorker } from '../support/learner';

describe('a new version of the app', () => {
	let publicDir: string;
	let server: TestServer;
	let browser: LaunchedBrowser;

	beforeAll(async () => {
		// A copy of the build that the test can "deploy" a new version into.
		publicDir = await mkdtemp(join(tmpdir(), 'clyde-public-'));
		await cp(resolve(import.meta.dirname, '../../build'), publicDir, { recursive: true });
		server = await startTestServer(publicDir);
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.destroy();
		await rm(publicDir, { recursive: true, force: true });
	});

	it('waits for the learner: a prompt, no silent reload, and the reload only on their say', async () => {
		const page = await browser.context.newPage();
		await page.goto(`${server.url}/`);
		await waitForServiceWorker(page);
		// Something the learner has on screen that a reload would lose.
		await page.evaluate(() => ((window as unknown as { unsaved: boolean }).unsaved = true));

		await appendFile(join(publicDir, 'sw.js'), '\n// a new version\n');
		await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
		await page
			.getByRole('heading', { name: 'A new version of Clyde is ready' })
			.waitFor({ timeout: 20_000 });
		// No silent take-over: the new version is installed and waiting. Only skipWaiting, which
		// the button sends, can activate it while this page is open, so no reload can come.
		expect(
			await page.evaluate(async () => {
				const registration = await navigator.serviceWorker.getRegistration();
				return registration?.waiting?.state;
			})
		).toBe('installed');
		expect(await page.evaluate(() => (window as unknown as { unsaved?: boolean }).unsaved)).toBe(
			true
		);

		await Promise.all([
			page.waitForEvent('load'),
			page.getByRole('button', { name: 'Use the new version' }).click()
		]);
		expect(
			await page.evaluate(() => (window as unknown as { unsaved?: boolean }).unsaved)
		).toBeUndefined();
		expect(
			await page.getByRole('heading', { name: 'A new version of Clyde is ready' }).count()
		).toBe(0);
	});

	it("stores a new deploy's index.html, though the HTTP cache holds the page's older copy", async () => {
		const page = await browser.context.newPage();
		await page.goto(`${server.url}/`);
		await waitForServiceWorker(page);

		// A new deploy: index.html changes, and sw.js gives it a new revision and integrity.
		const html = `${await readFile(join(publicDir, 'index.html'), 'utf8')}<!-- a new version -->\n`;
		await writeFile(join(publicDir, 'index.html'), html);
		const worker = await readFile(join(publicDir, 'sw.js'), 'utf8');
		const entry = /\{url:"index\.html",revision:"[0-9a-f]+",integrity:"[^"]+"\}/;
		expect(worker).toMatch(entry);
		await writeFile(
			join(publicDir, 'sw.js'),
			worker.replace(
				entry,
				`{url:"index.html",revision:"0a1b2c",integrity:"${integrityOf(Buffer.from(html))}"}`
			)
		);
		// Updated: the new worker has precached everything (an install that failed would not wait).
		await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.getRegistration();
			await registration?.update();
			while (registration?.waiting?.state !== 'installed') {
				await new Promise((wait) => setTimeout(wait, 100));
			}
		});
		const stored = await page.evaluate(async () => {
			for (const name of await caches.keys()) {
				const cache = await caches.open(name);
				const answer = await cache.match('/index.html?__WB_REVISION__=0a1b2c');
				if (answer) return answer.text();
			}
			return null;
		});
		expect(stored).toBe(html);
	});
});
