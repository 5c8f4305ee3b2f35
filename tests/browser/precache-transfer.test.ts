import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { countingProxy, type CountingProxy } from '../../bench/counting-proxy';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { packPlanOf } from '../../scripts/pwa/precache-pack';
import { waitForServiceWorker } from '../support/learner';

const url = inject('pbUrl');
const BUILD = resolve(import.meta.dirname, '../../build');

/** The hashed files the built service worker precaches (its manifest, as Workbox wrote it). */
async function precachedHashedFiles(): Promise<string[]> {
	const worker = await readFile(resolve(BUILD, 'sw.js'), 'utf8');
	const entries = [...worker.matchAll(/\{url:"([^"]+)",revision:([^,}]+)/g)];
	const hashed = entries.filter(([, path]) => path?.startsWith('_app/immutable/'));
	// Versioned by URL: Workbox fetches these with the default cache mode, so the HTTP cache
	// may answer. With a revision it would bypass the cache ('reload').
	expect(hashed.map(([, path, revision]) => `${path} ${revision}`)).toEqual(
		hashed.map(([, path]) => `${path} null`)
	);
	return hashed.map(([, path]) => `/${path}`);
}

describe('a first visit, counted at a proxy between Chromium and PocketBase', () => {
	let browser: LaunchedBrowser;
	let proxy: CountingProxy;
	beforeAll(async () => {
		proxy = await countingProxy(url);
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
		await proxy?.close();
	});

	it("the service worker's precache takes the page's files from the HTTP cache and the rest from one pack", async () => {
		const page = await browser.context.newPage();
		await page.goto(`${proxy.url}/`);
		await waitForServiceWorker(page);
		await page.waitForLoadState('networkidle');

		const hashed = await precachedHashedFiles();
		const plan = packPlanOf(await readFile(resolve(BUILD, 'sw.js'), 'utf8'));
		const packed = Object.keys(plan?.members ?? {});
		expect(packed.length).toBeGreaterThan(10);
		const cached = await page.evaluate(async () => {
			const bodies: Record<string, string> = {};
			for (const name of await caches.keys()) {
				const cache = await caches.open(name);
				for (const request of await cache.keys()) {
					bodies[new URL(request.url).pathname] =
						(await (await cache.match(request))?.text()) ?? '';
				}
			}
			return bodies;
		});
		// Every hashed file is in the precache, with the build's bytes …
		expect(
			Object.keys(cached)
				.filter((path) => path.startsWith('/_app/immutable/'))
				.sort()
		).toEqual([...hashed].sort());
		for (const path of hashed) {
			expect(cached[path] === (await readFile(resolve(BUILD, `.${path}`), 'utf8')), path).toBe(
				true
			);
		}
		// … yet each crossed the network once, whole and compressed: those the page fetched on
		// their own (no second download, no 304 revalidation), the rest inside the one pack.
		const crossings = proxy.transfers.filter((t) => t.path.startsWith('/_app/immutable/'));
		expect(crossings.map((t) => t.path).sort()).toEqual(
			[...hashed.filter((path) => !packed.includes(path)), plan?.url].sort()
		);
		for (const transfer of crossings) {
			expect(transfer.body.length, transfer.path).toBeGreaterThan(0);
			if (transfer.body.length > 300) {
				expect(transfer.contentEncoding, transfer.path).toBe('br');
			}
		}
		// index.html and display-settings.js have revisions, which Workbox fetches past the HTTP
		// cache; the worker takes the page's own copies when their bytes match (precache-reuse.ts).
		const pageFetched = ['/', '/index.html', '/display-settings.js'];
		expect(proxy.transfers.map((t) => t.path).filter((path) => pageFetched.includes(path))).toEqual(
			['/', '/display-settings.js']
		);
		const precachedCopies = await page.evaluate(async () => {
			const texts: Record<string, string> = {};
			for (const name of await caches.keys()) {
				const cache = await caches.open(name);
				for (const request of await cache.keys()) {
					const path = new URL(request.url).pathname;
					if (path === '/index.html' || path === '/display-settings.js') {
						texts[path] = (await (await cache.match(request))?.text()) ?? '';
					}
				}
			}
			return texts;
		});
		expect(precachedCopies).toEqual({
			'/index.html': await readFile(resolve(BUILD, 'index.html'), 'utf8'),
			'/display-settings.js': await readFile(resolve(BUILD, 'display-settings.js'), 'utf8')
		});
	});

	it('serves the pack as the build wrote it, in brotli, cached a year as every hashed file', async () => {
		const plan = packPlanOf(await readFile(resolve(BUILD, 'sw.js'), 'utf8'));
		const answer = await fetch(`${url}${plan?.url}`, { headers: { 'Accept-Encoding': 'br' } });
		expect(answer.status).toBe(200);
		expect(answer.headers.get('Content-Encoding')).toBe('br');
		expect(answer.headers.get('Cache-Control')).toBe('max-age=31536000, immutable');
		// fetch decodes the brotli: the bytes are the pack's.
		expect(Buffer.from(await answer.arrayBuffer())).toEqual(
			await readFile(resolve(BUILD, `.${plan?.url}`))
		);
	});
});
