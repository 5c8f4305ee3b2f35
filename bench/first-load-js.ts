import { gzipSync } from 'node:zlib';
import { launchChromium } from '../scripts/browser/chromium';
import type { Benchmark } from './benchmark';
import { kb } from './format';
import { median } from './stats';

/**
 * The JavaScript a first visit downloads: every script response until the network is idle
 * (the service worker's own precache fetches included, since a phone pays for them too),
 * each gzipped at level 9 as a server or CDN would send it.
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
		const gzip = median(samples.map((s) => s.gzip));
		return {
			headers: ['measure', 'median', 'runs'],
			rows: [
				['JS files fetched', String(median(samples.map((s) => s.files))), String(runs)],
				['JS raw', kb(median(samples.map((s) => s.raw))), String(runs)],
				['JS gzip -9', kb(gzip), String(runs)]
			],
			notes: `Goal: ≤ 75 KB gzip (issue 4). Measured: ${kb(gzip)}, ${gzip / 1024 <= 75 ? 'within' : 'over'} the goal.`
		};
	}
};
