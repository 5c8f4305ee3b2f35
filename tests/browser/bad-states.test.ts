import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import {
	publishedLessonIds,
	publishedPictures,
	readStore,
	waitForServiceWorker
} from '../support/learner';
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
		// Digital Essentials' lessons come in one request and its pictures in another, which never
		// arrives, as when wifi drops mid-download. (A drop between two requests of pictures, some
		// kept, is download.spec.ts's: this pathway's 22 pictures are one request.)
		await browser.context.route('**/api/clyde/media*', (route) =>
			route.abort('internetdisconnected')
		);
		await page.goto(PATHWAY);
		await page.getByRole('button', { name: /^Save for offline/ }).click();
		await page.getByText(/The connection dropped/).waitFor();
		const missing = page.getByText(/pictures? (is|are) not on this phone yet/);
		await missing.waitFor();

		await browser.context.unrouteAll();
		const lessons = (await readStore<{ id: string }>(page, 'lessons')).map((lesson) => lesson.id);
		const kept = (await readStore<{ hash: string }>(page, 'media')).map((picture) => picture.hash);
		const asked = { lessons: [] as string[], pictures: [] as string[] };
		page.on('request', (request) => {
			const query = new URL(request.url()).searchParams;
			asked.lessons.push(...(query.get('ids')?.split(',') ?? []));
			asked.pictures.push(...(query.get('hashes')?.split(',') ?? []));
		});
		await page.getByRole('button', { name: 'Save the pictures' }).click();
		await missing.waitFor({ state: 'detached' });
		// Only what had not arrived is fetched again: no lesson, and the pictures not stored.
		const published = await publishedPictures(url, 'digital-essentials');
		expect(lessons.sort()).toEqual((await publishedLessonIds(url, 'digital-essentials')).sort());
		expect(asked.lessons).toEqual([]);
		expect(asked.pictures.length).toBeGreaterThan(0);
		expect(asked.pictures.sort()).toEqual(published.filter((hash) => !kept.includes(hash)).sort());
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
