import { resolve } from 'node:path';
import { launchChromium } from '../scripts/browser/chromium';
import { ROOT } from '../scripts/config';
import { compileContent } from '../scripts/content/compile';
import { loadContent } from '../scripts/content/load';
import { kb, PATHWAY_BUDGET_GZIP } from '../scripts/content/pictures';
import type { Benchmark } from './benchmark';
import { countingProxy, quiet, type Transfer } from './counting-proxy';
import { downloadDigitalEssentials } from './learner';
import { median } from './stats';

const MODES = [
	{ name: 'with pictures', lowData: false },
	{ name: 'low-data mode (no pictures)', lowData: true }
];

interface Sample {
	announced: number;
	content: Transfer[];
}

/**
 * What Digital Essentials costs to download with its pictures and without them (low-data
 * mode): the size the download button announces, and the bytes of /api/clyde/* that cross a
 * proxy in front of PocketBase as `npm start` serves them (gzip, headers as sent). The
 * pictures' own total is what content:check reports against the 120 KB budget.
 */
export const pathwayPictures: Benchmark = {
	id: 'pathway-pictures',
	title: 'Downloading Digital Essentials with and without its pictures',
	async run({ url, runs }) {
		const rows: string[][] = [];
		for (const mode of MODES) {
			const samples: Sample[] = [];
			for (let i = 0; i < runs; i++) samples.push(await sample(url, mode.lowData));
			const on = (s: Sample, test: (t: Transfer) => boolean) =>
				s.content.filter(test).reduce((sum, t) => sum + t.bytes, 0);
			const isMedia = (t: Transfer) => t.path.startsWith('/api/clyde/media');
			rows.push([
				mode.name,
				`${median(samples.map((s) => s.announced))} KB`,
				kb(median(samples.map((s) => on(s, () => true)))),
				kb(median(samples.map((s) => on(s, isMedia)))),
				String(median(samples.map((s) => s.content.filter(isMedia).length))),
				String(runs)
			]);
		}
		const { pictures } = compileContent(await loadContent(resolve(ROOT, 'content')));
		const de = pictures.find((p) => p.pathway === '01-digital-essentials');
		return {
			headers: [
				'download',
				'announced (uncompressed)',
				'content on the wire, median',
				'of which pictures',
				'picture requests',
				'runs'
			],
			rows,
			notes: `Pictures of Digital Essentials: ${de?.count ?? 0}, ${kb(de?.gzipBytes ?? 0)} gzip as published (each picture gzipped alone, as content:check counts them), against a budget of ${kb(PATHWAY_BUDGET_GZIP)} gzip per pathway.`
		};
	}
};

async function sample(url: string, lowData: boolean): Promise<Sample> {
	const proxy = await countingProxy(url);
	const browser = await launchChromium();
	try {
		const page = await browser.context.newPage();
		if (lowData) {
			await page.addInitScript(() =>
				localStorage.setItem('clyde-settings', JSON.stringify({ lowData: true }))
			);
		}
		const announced = await downloadDigitalEssentials(page, proxy.url);
		await quiet(proxy);
		return { announced, content: proxy.transfers.filter((t) => t.path.startsWith('/api/clyde/')) };
	} finally {
		await browser.close();
		await proxy.close();
	}
}
