import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { readStore } from '../support/learner';
import { mountTmpfs, tmpfsUnavailable, type Tmpfs } from '../support/tmpfs';

const url = inject('pbUrl');
const MODULE = `${url}/pathways/digital-essentials/getting-started`;
const FULL_MESSAGE =
	'This phone is out of space for Clyde, so this was not saved. Free some space (for example, remove a downloaded pathway) and try again. Everything saved before is kept.';

// Chromium gives an origin a share of the disk its profile lives on. With the profile on a
// 16 MB tmpfs that share is a few MB, so a page can fill it for real and the app's next write
// meets a genuine QuotaExceededError. (DevTools' quota override had no effect headless here.)
const unavailable = await tmpfsUnavailable();
if (unavailable) console.warn(`fault-storage-quota is skipped: ${unavailable}`);

/**
 * Fills the origin's quota with another database of incompressible bytes (IndexedDB
 * compresses), in ever smaller pieces until not even 64 bytes fit. Returns the bytes written.
 */
function fillQuota(page: Page): Promise<number> {
	return page.evaluate(async () => {
		const open = indexedDB.open('filler', 1);
		open.onupgradeneeded = () => open.result.createObjectStore('bytes');
		const db = await new Promise<IDBDatabase>((ok) => (open.onsuccess = () => ok(open.result)));
		let written = 0;
		for (let size = 1 << 20, key = 0; size >= 64; key++) {
			const bytes = new Uint8Array(size);
			for (let at = 0; at < size; at += 65536)
				crypto.getRandomValues(bytes.subarray(at, at + 65536));
			const stored = await new Promise<boolean>((ok) => {
				const tx = db.transaction('bytes', 'readwrite');
				tx.objectStore('bytes').put(bytes, key);
				tx.oncomplete = () => ok(true);
				tx.onabort = () => ok(false);
			});
			if (stored) written += size;
			else size >>= 2;
		}
		db.close();
		return written;
	});
}

describe.skipIf(unavailable)('the phone runs out of storage for Clyde', () => {
	let disk: Tmpfs;
	let browser: LaunchedBrowser;
	beforeAll(async () => {
		disk = await mountTmpfs('16m');
		browser = await launchChromium({ profileParent: disk.dir });
	});
	afterAll(async () => {
		await browser?.close();
		await disk?.remove();
	});

	it('says so clearly when progress cannot be saved, loses nothing, and saves again once space is freed', async () => {
		const page = await browser.context.newPage();
		// Going on marks a lesson complete: opened, completed, and the next one opened.
		await page.goto(`${MODULE}/phones-tablets-and-computers`);
		await page.getByRole('link', { name: 'Next: The internet and the web' }).click();
		const next = page.getByRole('link', { name: 'Next: Browsers and searching' });
		await next.waitFor();
		await expect.poll(async () => (await readStore(page, 'events')).length).toBe(3);
		const ids = async (store: string) =>
			(await readStore<{ id: string }>(page, store)).map((row) => row.id).sort();
		const events = await ids('events');
		const outbox = await ids('outbox');

		const filled = await fillQuota(page);
		console.info(`quota: ${(filled / 2 ** 20).toFixed(1)} MB filled before the origin was full`);
		await next.click();
		await expect.poll(() => page.getByRole('alert').allTextContents()).toEqual([FULL_MESSAGE]);
		// The learner stays on the lesson: nothing is lost, and the way on is still there.
		await page.getByRole('heading', { level: 1, name: 'The internet and the web' }).waitFor();
		expect(await ids('events')).toEqual(events);
		expect(await ids('outbox')).toEqual(outbox);

		// Freeing space (here: the filler) is enough; the same link then works.
		await page.evaluate(
			() =>
				new Promise((ok, fail) => {
					const request = indexedDB.deleteDatabase('filler');
					request.onsuccess = ok;
					request.onerror = () => fail(request.error);
				})
		);
		await next.click();
		await page.getByRole('heading', { level: 1, name: 'Browsers and searching' }).waitFor();
		expect(await page.getByRole('alert').count()).toBe(0);
		// The completion, and the next lesson opened.
		await expect.poll(async () => (await ids('events')).length).toBe(events.length + 2);
		const after = await ids('events');
		expect(after).toEqual(expect.arrayContaining(events));
		expect(await ids('outbox')).toEqual(after);
	});
});
