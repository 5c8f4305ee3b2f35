import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { STATIC_ROUTES_MARKER, withStaticRoutes } from '../../scripts/pwa/static-routes';
import { waitForServiceWorker } from '../support/learner';
import { goOffline } from '../support/offline';
import { startTestServer, type TestServer } from '../support/pocketbase';

/**
 * Put before the deployed sw.js (a listener added after Workbox's is not called for the requests
 * Workbox answers): every request that reaches the worker's fetch handler is written down in a
 * cache of its own (a stopped worker forgets its variables, a cache it keeps), so the test can
 * tell which files the handler never saw.
 */
const RECORD_FETCH_EVENTS = `
self.addEventListener('fetch', (event) => {
	event.waitUntil(caches.open('test-fetch-events').then((seen) => seen.put(event.request.url, new Response(''))));
});
`;

/** The addresses (paths) that reached the worker's fetch handler so far. */
async function handled(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const seen = await caches.open('test-fetch-events');
		return (await seen.keys()).map((request) => new URL(request.url).pathname);
	});
}

/** Each hashed file the page loaded, with the source Chromium's router answered it from. */
async function hashedFiles(page: Page): Promise<{ path: string; source: string }[]> {
	return page.evaluate(() =>
		performance
			.getEntriesByType('resource')
			.map((entry) => entry as PerformanceResourceTiming & { workerFinalSourceType?: string })
			.filter((entry) => new URL(entry.name).pathname.startsWith('/_app/immutable/'))
			.map((entry) => ({
				path: new URL(entry.name).pathname,
				source: entry.workerFinalSourceType ?? 'none'
			}))
	);
}

describe('the precached code, answered by Chromium from the cache without the worker', () => {
	let publicDir: string;
	let server: TestServer;
	let browser: LaunchedBrowser;

	beforeAll(async () => {
		// A copy of the build, to record the worker's fetch events and to "deploy" a new version.
		publicDir = await mkdtemp(join(tmpdir(), 'clyde-public-'));
		await cp(resolve(import.meta.dirname, '../../build'), publicDir, { recursive: true });
		const worker = join(publicDir, 'sw.js');
		await writeFile(worker, `${RECORD_FETCH_EVENTS}${await readFile(worker, 'utf8')}`);
		server = await startTestServer(publicDir);
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.destroy();
		await rm(publicDir, { recursive: true, force: true });
	});

	it('opens offline with every hashed file from the cache, none through the fetch handler', async () => {
		const { context } = browser;
		const first = await context.newPage();
		await first.goto(`${server.url}/`);
		await waitForServiceWorker(first);
		await first.close();

		const backOnline = await goOffline(context);
		const page = await context.newPage();
		await page.goto(`${server.url}/pathways/digital-essentials`);
		await expect(page.locator('.brand').textContent()).resolves.toBe('Clyde');
		await page.getByRole('status').filter({ hasText: 'Offline' }).waitFor();

		const files = await hashedFiles(page);
		expect(files.length).toBeGreaterThan(5);
		expect(files.filter((file) => file.source !== 'cache')).toEqual([]);
		// The page itself still comes from the worker (its navigation route), its code does not.
		const seen = await handled(page);
		expect(seen).toContain('/pathways/digital-essentials');
		expect(seen.filter((path) => path.startsWith('/_app/immutable/'))).toEqual([]);
		// A hashed file the precache does not hold (the exercise editor's, kept once fetched) still
		// reaches the handler, whose runtime cache keeps it.
		const later = '/_app/immutable/chunks/not-precached.js';
		await page.evaluate((path) => fetch(path).catch(() => null), later);
		expect(await handled(page)).toContain(later);
		await backOnline();
		await page.close();
	});

	it('takes a new version’s files from the cache once that version is in use', async () => {
		const { context } = browser;
		const page = await context.newPage();
		await page.goto(`${server.url}/`);
		await waitForServiceWorker(page);

		// A new deploy with one more hashed file, precached and routed by the new worker.
		const added = '_app/immutable/chunks/new-version.js';
		await writeFile(join(publicDir, added), 'export const version = "new";\n');
		const before = await readFile(join(publicDir, 'sw.js'), 'utf8');
		const workbox = before.slice(RECORD_FETCH_EVENTS.length, before.indexOf(STATIC_ROUTES_MARKER));
		const entry = '{url:"_app/immutable/assets/';
		expect(workbox).toContain(entry);
		await writeFile(
			join(publicDir, 'sw.js'),
			RECORD_FETCH_EVENTS +
				withStaticRoutes(workbox.replace(entry, `{url:"${added}",revision:null},${entry}`))
		);
		// As "Use the new version" does (register.ts): installed, then told to take over.
		await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.getRegistration();
			await registration?.update();
			while (registration?.waiting?.state !== 'installed') {
				await new Promise((wait) => setTimeout(wait, 100));
			}
			const controlling = new Promise((done) =>
				navigator.serviceWorker.addEventListener('controllerchange', done, { once: true })
			);
			registration.waiting.postMessage({ type: 'SKIP_WAITING' });
			await controlling;
		});
		await page.close();

		const backOnline = await goOffline(context);
		const next = await context.newPage();
		await next.goto(`${server.url}/`);
		await expect(next.locator('.brand').textContent()).resolves.toBe('Clyde');
		// A string: Vitest would rewrite an import() written in a function.
		const version = await next.evaluate(`import('/${added}').then((module) => module.version)`);
		expect(version).toBe('new');
		expect(await hashedFiles(next)).toContainEqual({ path: `/${added}`, source: 'cache' });
		expect(await handled(next)).not.toContain(`/${added}`);
		await backOnline();
		await next.close();
	});
});
