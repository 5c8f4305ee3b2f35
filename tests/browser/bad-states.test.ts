import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { publishedLessonIds, readStore, waitForServiceWorker } from '../support/learner';
import { goOffline } from '../support/offline';

const url = inject('pbUrl');
const PATHWAY = `${url}/pathways/digital-essentials`;
const LESSON = `${PATHWAY}/staying-safe/strong-passwords`;

describe('bad states get a clear message and lose nothing', () => {
	let browser: LaunchedBrowser;
	beforeEach(async () => {
		browser = await launchChromium();
	});
	afterEach(() => browser?.close());

	it('an interrupted download keeps what it stored and finishes later', async () => {
		const page = await browser.context.newPage();
		let batches = 0;
		// The second batch of lessons never arrives, as when wifi drops mid-download.
		await browser.context.route('**/api/clyde/lessons*', (route) =>
			++batches === 2 ? route.abort('internetdisconnected') : route.continue()
		);
		await page.goto(PATHWAY);
		await page.getByRole('button', { name: /^Save for offline/ }).click();
		await page.getByText(/The connection dropped/).waitFor();
		await page.getByText(/Saving not finished \(\d+%\)/).waitFor();

		await browser.context.unrouteAll();
		const kept = (await readStore<{ id: string }>(page, 'lessons')).map((lesson) => lesson.id);
		const asked: string[] = [];
		page.on('request', (request) => {
			const ids = new URL(request.url()).searchParams.get('ids');
			if (ids) asked.push(...ids.split(','));
		});
		await page.getByRole('button', { name: 'Finish saving' }).click();
		await page.getByText('Saved for offline').waitFor();
		// Only the lessons that had not arrived are fetched again.
		const all = await publishedLessonIds(url, 'digital-essentials');
		expect(kept.length).toBeGreaterThan(0);
		expect(asked.sort()).toEqual(all.filter((id) => !kept.includes(id)).sort());
	});

	it('a damaged lesson on the phone says so and can be downloaded again', async () => {
		const page = await browser.context.newPage();
		await page.goto(PATHWAY);
		await page.getByRole('button', { name: /^Save for offline/ }).click();
		await page.getByText('Saved for offline').waitFor();
		await page.evaluate(async () => {
			const open = indexedDB.open('clyde');
			const db = await new Promise<IDBDatabase>((ok) => (open.onsuccess = () => ok(open.result)));
			await new Promise((ok) => {
				const tx = db.transaction('lessons', 'readwrite');
				tx.objectStore('lessons').put({
					id: 'de-strong-passwords',
					pathway: 'digital-essentials',
					html: 42
				});
				tx.oncomplete = ok;
			});
		});
		await page.goto(LESSON);
		await page.getByText('This lesson is damaged on this phone. Your progress is safe.').waitFor();
		await page.getByRole('button', { name: 'Download this lesson again' }).click();
		await page.locator('.lesson-body h2').first().waitFor();
	});

	it('a lesson that was never downloaded says how to get it when offline', async () => {
		const page = await browser.context.newPage();
		await page.goto(`${url}/`);
		await waitForServiceWorker(page);
		await page.getByRole('link', { name: 'Digital Essentials', exact: true }).waitFor();
		const backOnline = await goOffline(browser.context);
		await page.goto(LESSON);
		await page.getByRole('heading', { name: 'This lesson is not on your phone yet' }).waitFor();
		await backOnline();
	});
});
