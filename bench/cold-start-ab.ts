import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { launchChromium } from '../scripts/browser/chromium';
import { ROOT } from '../scripts/config';
import { runMain, UserError } from '../scripts/user-error';
import { hooksWith } from '../tests/support/extra-hooks';
import { publishBundledContent, startTestServer } from '../tests/support/pocketbase';
import { BENCH_HOOK } from './dashboard-accounts';
import { ms } from './format';
import { downloadDigitalEssentials, offlineLikeAPhone } from './learner';
import { fullLoad, markLessonShown } from './lesson-open-time';
import { median } from './stats';
import { breakdown, DETAILED, traceWhile } from './trace-breakdown';

/**
 * `tsx bench/cold-start-ab.ts <other build dir>`: cold-start-trace's measure (the main
 * thread's CPU time from the document's start to a downloaded lesson's text, offline, the
 * worker stopped first) for two builds in one run, their opens alternating so that the
 * machine's load falls on both alike: the other build (A, e.g. main's, copied aside) against
 * this worktree's build/ (B). Each build is served by its own PocketBase, so each has its own
 * origin, service worker and IndexedDB in the one browser.
 */
async function main(): Promise<void> {
	const other = process.argv[2];
	if (!other) throw new UserError('usage: tsx bench/cold-start-ab.ts <other build dir>');
	const runs = Number(process.env.BENCH_RUNS ?? 5);
	const hooks = await hooksWith([BENCH_HOOK]);
	const servers = [
		await startTestServer(resolve(other), { hooksDir: hooks.dir }),
		await startTestServer(resolve(ROOT, 'build'), { hooksDir: hooks.dir })
	];
	const browser = await launchChromium();
	try {
		const sides = [];
		for (const server of servers) {
			await publishBundledContent(server.url);
			const page = await browser.context.newPage();
			await downloadDigitalEssentials(page, server.url);
			sides.push({ url: server.url, page, cdp: await browser.context.newCDPSession(page) });
		}
		for (const { page, cdp, url } of sides) {
			await offlineLikeAPhone(browser.context, page, cdp);
			await cdp.send('ServiceWorker.enable');
			await markLessonShown(page);
			await page.addInitScript(() => performance.mark('clyde:document'));
			await fullLoad(page, cdp, url);
		}
		const load: number[] = [loadavg()[0] ?? 0];
		for (const rate of [4, 14]) {
			const cpu: number[][] = [[], []];
			const text: number[][] = [[], []];
			const messages: number[][] = [[], []];
			const cached: string[][] = [[], []];
			for (let i = 0; i < runs; i++) {
				for (const [side, { page, cdp, url }] of sides.entries()) {
					await cdp.send('Emulation.setCPUThrottlingRate', { rate });
					let shown = 0;
					const events = await traceWhile(
						cdp,
						async () => void (shown = await fullLoad(page, cdp, url)),
						DETAILED
					);
					const traced = breakdown(events, 'clyde:document', 'lesson-shown');
					cpu[side]?.push(traced.cpu);
					messages[side]?.push(traced.ms.messages);
					cached[side]?.push(`${traced.compiled.fromCache}/${traced.compiled.files}`);
					text[side]?.push(shown);
				}
			}
			load.push(loadavg()[0] ?? 0);
			const line = (side: number) =>
				`CPU ${ms(median(cpu[side] ?? []))} (${ms(Math.min(...(cpu[side] ?? [])))}–${ms(Math.max(...(cpu[side] ?? [])))}), text at ${ms(median(text[side] ?? []))}, messages ${ms(median(messages[side] ?? []))}, files compiled from V8's code cache ${(cached[side] ?? []).join(' ')}`;
			console.log(`${rate}×: A ${line(0)} → B ${line(1)}`);
		}
		console.log(
			`medians of ${runs} traced opens per build and rate, alternating; load average ${load.map((l) => l.toFixed(1)).join(', ')}`
		);
	} finally {
		await browser.close();
		for (const server of servers) await server.destroy();
		await hooks.remove();
	}
}

runMain(main);
