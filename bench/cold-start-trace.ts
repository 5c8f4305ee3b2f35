import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../scripts/browser/chromium';
import { ROOT } from '../scripts/config';
import type { Benchmark } from './benchmark';
import type { ManifestChunk } from './critical-js';
import { ms } from './format';
import { fullLoad, markLessonShown } from './lesson-open-time';
import { downloadDigitalEssentials, offlineLikeAPhone } from './learner';
import { median } from './stats';
import { breakdown, DETAILED, traceWhile, type Activity, type Breakdown } from './trace-breakdown';

const RATES = [4, 14];
const ACTIVITIES: Activity[] = [
	'script',
	'compile',
	'messages',
	'gc',
	'style',
	'layout',
	'paint',
	'other'
];

/** The in-page clock of one cold open, ms from navigation start. */
interface Moments {
	/** The service worker was asked to start, and the HTML's response from it began and ended. */
	workerStart: number;
	htmlStart: number;
	htmlEnd: number;
	/** When each file the page fetched had arrived (its path → responseEnd). */
	arrived: Record<string, number>;
	firstPaint: number;
	firstContentfulPaint: number;
	lessonShown: number;
}

/**
 * Where the time of a cold open of a downloaded lesson goes (issue 13, item 1): the same open
 * as lesson-open-time's full load (offline, the service worker stopped first), traced with
 * DevTools' timeline. The in-page clock gives when the worker answered, when each file arrived
 * and when the page painted; the trace gives what the main thread did from the document's
 * start to the lesson text, by activity and, for script, by file. Tracing slows the page, so
 * the shares matter more than the totals.
 */
export const coldStartTrace: Benchmark = {
	id: 'cold-start-trace',
	title: 'Where a cold open of a downloaded lesson spends its time (traced)',
	async run({ url, runs }) {
		runs = Math.max(3, Math.min(runs, 5));
		const labels = fileLabels();
		const browser = await launchChromium();
		try {
			const { context } = browser;
			const page = await context.newPage();
			await downloadDigitalEssentials(page, url);
			const cdp = await context.newCDPSession(page);
			await offlineLikeAPhone(context, page, cdp);
			await cdp.send('ServiceWorker.enable');
			await markLessonShown(page);
			await page.addInitScript(() => performance.mark('clyde:document'));
			await fullLoad(page, cdp, url);

			const byRate = new Map<number, { moments: Moments[]; traced: Breakdown[] }>();
			for (const rate of RATES) {
				await cdp.send('Emulation.setCPUThrottlingRate', { rate });
				const moments: Moments[] = [];
				const traced: Breakdown[] = [];
				for (let i = 0; i < runs; i++) {
					const events = await traceWhile(
						cdp,
						async () => void (await fullLoad(page, cdp, url)),
						DETAILED
					);
					// CLYDE_TRACE_OUT=file.json keeps the last trace, to open in DevTools' Performance panel.
					if (process.env.CLYDE_TRACE_OUT) {
						writeFileSync(process.env.CLYDE_TRACE_OUT, JSON.stringify({ traceEvents: events }));
					}
					moments.push(await momentsOf(page));
					traced.push(breakdown(events, 'clyde:document', 'lesson-shown'));
				}
				byRate.set(rate, { moments, traced });
			}
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

			const at = (pick: (m: Moments) => number | undefined) =>
				RATES.map((rate) => {
					const values = (byRate.get(rate)?.moments ?? []).map(pick);
					return values.every((v) => v !== undefined) ? ms(median(values as number[])) : '—';
				});
			const files = Object.keys(byRate.get(RATES[0] as number)?.moments[0]?.arrived ?? {});
			const rows: string[][] = [
				['service worker asked to start', ...at((m) => m.workerStart)],
				['HTML: first byte from the worker', ...at((m) => m.htmlStart)],
				['HTML: last byte', ...at((m) => m.htmlEnd)],
				...files.map((file) => [
					`arrived: ${labels.get(basename(file)) ?? file}`,
					...at((m) => m.arrived[file])
				]),
				['first paint', ...at((m) => m.firstPaint)],
				['first contentful paint', ...at((m) => m.firstContentfulPaint)],
				['lesson text in the DOM', ...at((m) => m.lessonShown)]
			];
			const mainThread = RATES.map((rate) => {
				const traced = byRate.get(rate)?.traced ?? [];
				const total = median(traced.map((t) => t.total));
				const parts = ACTIVITIES.map((a) => `${a} ${ms(median(traced.map((t) => t.ms[a])))}`).join(
					', '
				);
				const busy = median(traced.map((t) => ACTIVITIES.reduce((sum, a) => sum + t.ms[a], 0)));
				const scripts = topScripts(traced, labels)
					.map(([file, time]) => `${file} ${ms(time)}`)
					.join(', ');
				const cpu = median(traced.map((t) => t.cpu));
				const files = median(traced.map((t) => t.compiled.files));
				const fromCache = median(traced.map((t) => t.compiled.fromCache));
				const cacheKB = median(traced.map((t) => t.compiled.cacheBytes)) / 1024;
				return `At ${rate}×, from the document's start to the lesson text (${ms(total)} traced): main thread busy ${ms(busy)} (${parts}), idle ${ms(total - busy)}, of which its CPU time ${ms(cpu)} (steadier than wall time on a shared machine); script by file: ${scripts}; ${fromCache} of ${files} files compiled came with V8's code cache (${cacheKB.toFixed(0)} KB).`;
			});
			return {
				headers: ['moment (ms from navigation start, traced)', ...RATES.map((r) => `${r}× CPU`)],
				rows,
				notes: [
					`Medians of ${runs} traced cold opens per rate (offline, the service worker stopped first, DevTools CPU throttling, 360 × 640). Files are named by their source in the build's manifest. "compile" is V8 parsing and compiling functions on the main thread (lazily, when first called, and tiering up), "messages" the browser's messages to the page (each file's response from the worker among them), "other" tasks the trace names nothing inside.`,
					...mainThread
				].join(' ')
			};
		} finally {
			await browser.close();
		}
	}
};

/**
 * The in-page clock of the load that just finished. The script is text: tsx would wrap a
 * function's inner arrows in a helper the page lacks (as in learner.ts).
 */
function momentsOf(page: Page): Promise<Moments> {
	return page.evaluate(`(() => {
		const [nav] = performance.getEntriesByType('navigation');
		const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
		const arrived = {};
		for (const entry of performance.getEntriesByType('resource')) {
			arrived[new URL(entry.name).pathname] = entry.responseEnd;
		}
		return {
			workerStart: nav?.workerStart ?? NaN,
			htmlStart: nav?.responseStart ?? NaN,
			htmlEnd: nav?.responseEnd ?? NaN,
			arrived,
			firstPaint: at('first-paint'),
			firstContentfulPaint: at('first-contentful-paint'),
			lessonShown: at('lesson-shown')
		};
	})()`);
}

/** The files with most script time (median across runs), labelled, most first. */
function topScripts(traced: Breakdown[], labels: Map<string, string>): [string, number][] {
	const files = new Set(traced.flatMap((t) => Object.keys(t.scriptByFile)));
	return [...files]
		.map((file): [string, number] => [
			labels.get(basename(file)) ?? basename(file),
			median(traced.map((t) => t.scriptByFile[file] ?? 0))
		])
		.filter(([, time]) => time >= 5)
		.sort((a, b) => b[1] - a[1]);
}

/** Each built file's name → its source or chunk name in Vite's manifest, for the report. */
function fileLabels(): Map<string, string> {
	const manifest = JSON.parse(
		readFileSync(resolve(ROOT, '.svelte-kit/output/client/.vite/manifest.json'), 'utf8')
	) as Record<string, ManifestChunk & { src?: string; name?: string }>;
	return new Map(
		Object.values(manifest).map((chunk) => {
			const label = (chunk.src ?? chunk.name ?? chunk.file)
				.replace('.svelte-kit/generated/client-optimized/', 'kit ')
				.replace(/^(.{48}).+$/, '$1…');
			return [basename(chunk.file), label];
		})
	);
}
