import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from '../scripts/config';
import { launchChromium } from '../scripts/browser/chromium';
import type { Benchmark } from './benchmark';
import { countingProxy, type Transfer } from './counting-proxy';
import { downloadDigitalEssentials } from './learner';
import { kb } from './format';
import { median } from './stats';
import { builtNames, transferTable, type NamedChunk } from './transfer-table';

const GOAL_KB = 200;
// Text worth compressing; images are compressed already.
const TEXT = /text|javascript|json|xml|svg|manifest/;

/** Where one visit's bytes went, as they crossed the proxy (status lines and headers counted). */
interface Sample {
	shell: Transfer[];
	content: Transfer[];
	announced: number;
}

/**
 * Everything a first visit pulls over the network: the home page until the service worker
 * controls it (its precache included), then the Digital Essentials pathway downloaded for
 * offline use. Counted at a proxy in front of PocketBase, as `npm start` serves it: compressed
 * by pb_hooks where the browser accepts it, headers as sent.
 */
export const firstVisitTransfer: Benchmark = {
	id: 'first-visit-transfer',
	title: 'First visit with one downloaded pathway (bytes over the network)',
	async run({ url, runs }) {
		const names = await namesOfThisBuild();
		const samples: Sample[] = [];
		for (let i = 0; i < runs; i++) {
			const proxy = await countingProxy(url);
			const browser = await launchChromium();
			try {
				const page = await browser.context.newPage();
				const announced = await downloadDigitalEssentials(page, proxy.url);
				await quiet(() => proxy.transfers.length);
				const isContent = (t: Transfer) => t.path.startsWith('/api/clyde/');
				// Per response, for docs/benchmarks.md: the same in every run, so the first is printed.
				if (i === 0) console.log(transferTable(proxy.transfers, names));
				samples.push({
					shell: proxy.transfers.filter((t) => !isContent(t)),
					content: proxy.transfers.filter(isContent),
					announced
				});
			} finally {
				await browser.close();
				await proxy.close();
			}
		}
		const all = (s: Sample) => [...s.shell, ...s.content];
		const kbSpread = (measure: (s: Sample) => number) => {
			const values = samples.map(measure);
			return `${kb(median(values))} (${kb(Math.min(...values))}–${kb(Math.max(...values))})`;
		};
		const row = (name: string, part: (s: Sample) => Transfer[]) => [
			name,
			String(median(samples.map((s) => part(s).length))),
			kbSpread((s) => bytes(part(s))),
			kb(median(samples.map((s) => headerBytes(part(s))))),
			String(runs)
		];
		const total = median(samples.map((s) => bytes(all(s)))) / 1024;
		const byKind = KINDS.map(
			([name, test]) => `${name} ${kb(median(samples.map((s) => bodyBytes(all(s).filter(test)))))}`
		);
		const perResponse = Math.round(median(samples.map((s) => headerBytes(all(s)) / all(s).length)));
		const plain = new Set(samples.flatMap((s) => uncompressedText(all(s))));
		const twice = new Set(samples.flatMap((s) => refetched(s.shell).map((t) => t.path)));
		return {
			headers: ['part', 'requests', 'on the wire, median (min–max)', 'of which headers', 'runs'],
			rows: [
				row('app shell + service worker precache', (s) => s.shell),
				row('content (/api/clyde/*)', (s) => s.content),
				row('total', all)
			],
			notes: [
				`Goal: total ≤ ${GOAL_KB} KB (issue 13): ${total.toFixed(1)} KB, ${total <= GOAL_KB ? 'within' : 'over'} the goal.`,
				`Bodies by kind: ${byKind.join(', ')}; the rest is status lines and headers (${perResponse} bytes a response on average; the security headers of a page are on documents only, docs/security.md).`,
				`Fetched twice: ${kb(median(samples.map((s) => bytes(refetched(s.shell)))))} (${listed([...twice])}).`,
				plain.size === 0
					? 'Every text response over 200 bytes was compressed (brotli for the app and the content routes, gzip for the rest of the API).'
					: `Text sent uncompressed: ${listed([...plain])}.`,
				`The catalog gives the pathway's lessons as about ${median(samples.map((s) => s.announced))} KB (uncompressed; the button says it in whole MB).`
			].join(' ')
		};
	}
};

/** The built files' readable names, from Vite's manifest and SvelteKit's generated nodes. */
async function namesOfThisBuild(): Promise<Map<string, string>> {
	const kit = join(ROOT, '.svelte-kit');
	const manifest = JSON.parse(
		await readFile(join(kit, 'output/client/.vite/manifest.json'), 'utf8')
	) as Record<string, NamedChunk>;
	const nodesDir = join(kit, 'generated/client-optimized/nodes');
	const routes: Record<string, string> = {};
	for (const file of await readdir(nodesDir)) {
		const source = (await readFile(join(nodesDir, file), 'utf8')).match(/src\/routes\/([^"']*)/);
		if (source?.[1]) routes[file.replace(/\.js$/, '')] = source[1];
	}
	return builtNames(manifest, routes);
}

const KINDS: [string, (t: Transfer) => boolean][] = [
	['JS', (t) => /javascript/.test(t.contentType)],
	// The precache's files the page does not fetch itself, in one response (scripts/pwa/pack-build.ts).
	['JS and CSS in the precache’s pack', (t) => t.path.endsWith('.pack')],
	['CSS', (t) => /css/.test(t.contentType)],
	['HTML and manifest', (t) => /html|manifest/.test(t.contentType)],
	['API JSON', (t) => /json/.test(t.contentType) && !/manifest/.test(t.contentType)],
	['images', (t) => /image/.test(t.contentType)]
];

/** A few paths, and how many more: the notes stay one paragraph. */
const listed = (paths: string[]) =>
	paths.length === 0
		? 'nothing'
		: `${paths.slice(0, 4).join(', ')}${paths.length > 4 ? ` and ${paths.length - 4} more` : ''}`;

const bytes = (transfers: Transfer[]) => transfers.reduce((sum, t) => sum + t.bytes, 0);
const bodyBytes = (transfers: Transfer[]) => transfers.reduce((sum, t) => sum + t.body.length, 0);
const headerBytes = (transfers: Transfer[]) => bytes(transfers) - bodyBytes(transfers);

/** Paths of text answers that went without a Content-Encoding (a few bytes may not gain). */
function uncompressedText(transfers: Transfer[]): string[] {
	return transfers
		.filter((t) => TEXT.test(t.contentType) && !t.contentEncoding && t.body.length > 200)
		.map((t) => t.path.split('?')[0] ?? t.path);
}

/** Responses whose path was already fetched once in this visit (`/` is index.html). */
function refetched(transfers: Transfer[]): Transfer[] {
	const seen = new Set<string>();
	return transfers.filter((transfer) => {
		const path = transfer.path.split('?')[0] ?? transfer.path;
		const file = path === '/' ? '/index.html' : path;
		const again = seen.has(file);
		seen.add(file);
		return again;
	});
}

/** Waits until nothing new has crossed the proxy for half a second (Playwright's "idle"). */
async function quiet(count: () => number): Promise<void> {
	for (let last = -1; count() !== last;) {
		last = count();
		await sleep(500);
	}
}
