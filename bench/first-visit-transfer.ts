import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../scripts/browser/chromium';
import type { Benchmark } from './benchmark';
import { countingProxy, type Transfer } from './counting-proxy';
import { downloadDigitalEssentials } from './learner';
import { kb } from './format';
import { median } from './stats';

const GOAL_KB = 300;
// What a compressing server or CDN would gzip; images are compressed already.
const COMPRESSIBLE = /text|javascript|json|xml|svg|manifest/;

interface Part {
	requests: number;
	bytes: number;
	gzip: number;
}

/**
 * Everything a first visit pulls over the network: the home page until the service worker
 * controls it (its precache included), then the Digital Essentials pathway downloaded for
 * offline use. Counted at a proxy in front of PocketBase, which sends no Content-Encoding, so
 * the gzip -9 figures say what a compressing server would send (headers counted as sent).
 */
export const firstVisitTransfer: Benchmark = {
	id: 'first-visit-transfer',
	title: 'First visit with one downloaded pathway (bytes over the network)',
	async run({ url, runs }) {
		const samples: { shell: Part; content: Part; twice: number; announced: number }[] = [];
		for (let i = 0; i < runs; i++) {
			const proxy = await countingProxy(url);
			const browser = await launchChromium();
			try {
				const page = await browser.context.newPage();
				const announced = await downloadDigitalEssentials(page, proxy.url);
				await quiet(() => proxy.transfers.length);
				const content = proxy.transfers.filter((t) => t.path.startsWith('/api/clyde/'));
				const shell = proxy.transfers.filter((t) => !t.path.startsWith('/api/clyde/'));
				samples.push({
					shell: sum(shell),
					content: sum(content),
					twice: refetched(shell),
					announced
				});
			} finally {
				await browser.close();
				await proxy.close();
			}
		}
		const row = (name: string, part: (s: (typeof samples)[number]) => Part) => [
			name,
			String(median(samples.map((s) => part(s).requests))),
			kb(median(samples.map((s) => part(s).bytes))),
			kb(median(samples.map((s) => part(s).gzip))),
			String(runs)
		];
		const total = (s: (typeof samples)[number]): Part => ({
			requests: s.shell.requests + s.content.requests,
			bytes: s.shell.bytes + s.content.bytes,
			gzip: s.shell.gzip + s.content.gzip
		});
		const sent = median(samples.map((s) => total(s).bytes)) / 1024;
		const gzipped = median(samples.map((s) => total(s).gzip)) / 1024;
		const verdict = (value: number) =>
			`${value.toFixed(1)} KB, ${value <= GOAL_KB ? 'within' : 'over'} the goal`;
		return {
			headers: ['part', 'requests', 'as sent (uncompressed)', 'gzip -9', 'runs'],
			rows: [
				row('app shell + service worker precache', (s) => s.shell),
				row('content (/api/clyde/*)', (s) => s.content),
				row('total', total)
			],
			notes: [
				`Goal: total ≤ ${GOAL_KB} KB. As PocketBase sends it today (no compression): ${verdict(sent)}.`,
				`Gzipped, as a compressing server or CDN would send it: ${verdict(gzipped)}.`,
				`Of the shell, ${kb(median(samples.map((s) => s.twice)))} (uncompressed) is fetched twice: once by the page, then again by the service worker's precache.`,
				`The download button announced about ${median(samples.map((s) => s.announced))} KB for the pathway.`
			].join(' ')
		};
	}
};

function sum(transfers: Transfer[]): Part {
	return {
		requests: transfers.length,
		bytes: transfers.reduce((total, t) => total + t.bytes, 0),
		gzip: transfers.reduce((total, t) => total + t.bytes - t.body.length + gzipped(t), 0)
	};
}

function gzipped(transfer: Transfer): number {
	if (transfer.contentEncoding || !COMPRESSIBLE.test(transfer.contentType)) {
		return transfer.body.length;
	}
	return gzipSync(transfer.body, { level: 9 }).length;
}

/** Bytes of responses whose path was already fetched once in this visit. */
function refetched(transfers: Transfer[]): number {
	const seen = new Set<string>();
	let bytes = 0;
	for (const transfer of transfers) {
		const path = transfer.path.split('?')[0] ?? transfer.path;
		if (seen.has(path)) bytes += transfer.bytes;
		seen.add(path);
	}
	return bytes;
}

/** Waits until nothing new has crossed the proxy for half a second (Playwright's "idle"). */
async function quiet(count: () => number): Promise<void> {
	for (let last = -1; count() !== last;) {
		last = count();
		await sleep(500);
	}
}
