import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { launchChromium } from '../scripts/browser/chromium';
import { ROOT } from '../scripts/config';
import { freePort } from '../scripts/pocketbase/ports';
import { runMain, UserError } from '../scripts/user-error';
import { hooksWith } from '../tests/support/extra-hooks';
import { publishBundledContent, startTestServer } from '../tests/support/pocketbase';
import { BENCH_HOOK } from './dashboard-accounts';
import { calibratedMultiplier } from './cpu-multiplier';
import { spread } from './format';
import { lighthouseRun, METRICS, PAGES, type Run } from './lighthouse';
import { median } from './stats';

/**
 * `tsx bench/lighthouse-ab.ts <other build dir>`: the lighthouse benchmark's calibrated runs
 * for two builds in one run, A (the other build, e.g. main's copied aside) and B (this
 * worktree's build/), each served by its own PocketBase, their runs alternating (A home,
 * B home, A lesson, B lesson, …) so that the shared machine's load falls on both alike. Each
 * run's CPU slowdown is calibrated to the BenchmarkIndex Lighthouse measured in the run
 * before it (one uncounted default run starts the chain); the load average is printed beside.
 */
async function main(): Promise<void> {
	const other = process.argv[2];
	if (!other) throw new UserError('usage: tsx bench/lighthouse-ab.ts <other build dir>');
	const runs = Number(process.env.BENCH_RUNS ?? 3);
	const hooks = await hooksWith([BENCH_HOOK]);
	const sides = [
		{ name: 'A', server: await startTestServer(resolve(other), { hooksDir: hooks.dir }) },
		{ name: 'B', server: await startTestServer(resolve(ROOT, 'build'), { hooksDir: hooks.dir }) }
	];
	const port = await freePort();
	const browser = await launchChromium({ args: [`--remote-debugging-port=${port}`] });
	const results = new Map<string, Run[]>();
	const failed: string[] = [];
	const load = [loadavg()[0] ?? 0];
	try {
		for (const { server } of sides) await publishBundledContent(server.url);
		const first = await lighthouseRun(`${sides[0]?.server.url}/`, port, undefined, 'warm-up');
		let index = typeof first === 'string' ? 1750 / 4 : first.index;
		for (let i = 0; i < runs; i++) {
			for (const page of PAGES) {
				for (const side of sides) {
					const row = `${page.name} ${side.name}`;
					const url = `${side.server.url}${page.path}`;
					const run = await lighthouseRun(url, port, calibratedMultiplier(index), `${row}-${i}`);
					if (typeof run === 'string') failed.push(`${row}: ${run}`);
					else {
						index = run.index;
						results.set(row, [...(results.get(row) ?? []), run]);
					}
				}
			}
			load.push(loadavg()[0] ?? 0);
		}
	} finally {
		await browser.close();
		for (const { server } of sides) await server.destroy();
		await hooks.remove();
	}
	for (const [row, list] of results) {
		const scores = list.map((r) => r.score);
		const metrics = METRICS.map(({ name }, m) => {
			const values = list.map((r) => r.metrics[m] as number);
			return `${name} ${name === 'CLS' ? median(values).toFixed(3) : spread(values)}`;
		});
		const multipliers = list.map((r) => r.multiplier).join('/');
		console.log(
			`${row}: ${median(scores)} (${Math.min(...scores)}–${Math.max(...scores)}), ${metrics.join(', ')}, ×${multipliers}, ${list.length} runs`
		);
	}
	if (failed.length) console.log(`failed: ${failed.join('; ')}`);
	console.log(`load average (1 min) across the runs: ${load.map((l) => l.toFixed(1)).join(', ')}`);
}

runMain(main);
