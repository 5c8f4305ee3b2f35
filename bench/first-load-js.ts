import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../scripts/browser/chromium';
import { ROOT } from '../scripts/config';
import { readPack } from '../scripts/pwa/precache-pack';
import { criticalFiles, routeRoots, type ManifestChunk } from './critical-js';
import type { Benchmark } from './benchmark';
import { kb } from './format';
import { median } from './stats';

const GOAL_KB = 60;

/**
 * The JavaScript of a first visit, each file gzipped at level 9: on the critical path (what
 * the home page's first paint waits for, from the build's import graph), and all of it, every
 * script response until the network is idle (the service worker's own precache fetches
 * included, since a phone pays for them too).
 */
export const firstLoadJs: Benchmark = {
	id: 'first-load-js',
	title: 'JavaScript loaded by the first page (gzip)',
	async run({ url, runs }) {
		const samples: { files: number; raw: number; gzip: number }[] = [];
		for (let i = 0; i < runs; i++) {
			const browser = await launchChromium();
			try {
				const seen = new Map<string, Buffer>();
				browser.context.on('response', async (response) => {
					const path = new URL(response.url()).pathname;
					// The precache's pack brings the scripts the page does not fetch itself.
					if (path.endsWith('.pack')) {
						const members = readPack(await response.body().catch(() => Buffer.alloc(0)));
						for (const { url: member, bytes } of members) {
							if (member.endsWith('.js')) seen.set(`/${member}`, Buffer.from(bytes));
						}
						return;
					}
					if (!path.endsWith('.js') || seen.has(path)) return;
					seen.set(path, await response.body().catch(() => Buffer.alloc(0)));
				});
				const page = await browser.context.newPage();
				await page.goto(`${url}/`, { waitUntil: 'networkidle' });
				await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
				await page.waitForLoadState('networkidle');
				const bodies = [...seen.values()];
				samples.push({
					files: bodies.length,
					raw: bodies.reduce((sum, b) => sum + b.length, 0),
					gzip: bodies.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0)
				});
			} finally {
				await browser.close();
			}
		}
		const critical = criticalJs();
		const gzip = median(samples.map((s) => s.gzip));
		return {
			headers: ['measure', 'files', 'raw', 'gzip -9', 'runs'],
			rows: [
				[
					'critical path of the home page',
					String(critical.files),
					kb(critical.raw),
					kb(critical.gzip),
					'build'
				],
				[
					'all JS fetched (precache included)',
					String(median(samples.map((s) => s.files))),
					kb(median(samples.map((s) => s.raw))),
					kb(gzip),
					String(runs)
				]
			],
			notes: [
				`Goal: critical path ≤ ${GOAL_KB} KB gzip (issue 13): ${kb(critical.gzip)}, ${critical.gzip / 1024 <= GOAL_KB ? 'within' : 'over'} the goal.`,
				"The critical path is SvelteKit's entries and the home route's nodes (root layout, page) with their static imports, read from the build's manifest: SvelteKit paints nothing before they have all run. What they import lazily (the app's data layer with Dexie, the service worker's registration) loads beside or after that paint, and the rest of the app is precached after it."
			].join(' ')
		};
	}
};

/** Files, raw and gzip -9 bytes of the home page's critical path, from the last build. */
export function criticalJs(): { files: number; raw: number; gzip: number } {
	const client = resolve(ROOT, '.svelte-kit/output/client');
	const manifest = JSON.parse(
		readFileSync(resolve(client, '.vite/manifest.json'), 'utf8')
	) as Record<string, ManifestChunk>;
	const app = readFileSync(resolve(ROOT, '.svelte-kit/generated/client-optimized/app.js'), 'utf8');
	const bodies = criticalFiles(manifest, routeRoots(manifest, app, '/'))
		.filter((file) => file.endsWith('.js'))
		.map((file) => readFileSync(resolve(client, file)));
	return {
		files: bodies.length,
		raw: bodies.reduce((sum, b) => sum + b.length, 0),
		gzip: bodies.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0)
	};
}
