import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { describeChromium } from '../scripts/browser/chromium';
import { ROOT } from '../scripts/config';
import { HOOKS_POOL } from '../scripts/pocketbase/server';
import { runMain } from '../scripts/user-error';
import { hooksWith } from '../tests/support/extra-hooks';
import { publishBundledContent, startTestServer } from '../tests/support/pocketbase';
import type { Benchmark } from './benchmark';
import { contentCheck } from './content-check';
import { editorTyping } from './editor-typing';
import { burst } from './burst';
import { coldStartTrace } from './cold-start-trace';
import { dashboard } from './dashboard';
import { BENCH_HOOK } from './dashboard-accounts';
import { faultKill } from './fault-kill';
import { firstLoadJs } from './first-load-js';
import { firstVisitTransfer } from './first-visit-transfer';
import { historyScreens } from './history-screens';
import { ingest } from './ingest';
import { lessonOpenTime } from './lesson-open-time';
import { lighthouseScores } from './lighthouse';
import { pathwayPictures } from './pathway-pictures';
import { renderSection, upsertSection } from './report';
import { syncChaos } from './sync-chaos';

// The dashboard runs last: it publishes a pathway of its own for a while (and unpublishes it).
const BENCHMARKS: Benchmark[] = [
	firstLoadJs,
	firstVisitTransfer,
	pathwayPictures,
	lessonOpenTime,
	coldStartTrace,
	historyScreens,
	lighthouseScores,
	syncChaos,
	faultKill,
	contentCheck,
	editorTyping,
	ingest,
	burst,
	dashboard
];
const DOC = resolve(ROOT, 'docs/benchmarks.md');

/**
 * `npm run bench [id …]`: runs the benchmarks (all, or those named) against a real PocketBase
 * serving the built app, and writes each one's medians into docs/benchmarks.md.
 */
async function main(): Promise<void> {
	const wanted = process.argv.slice(2);
	const selected = wanted.length ? BENCHMARKS.filter((b) => wanted.includes(b.id)) : BENCHMARKS;
	const runs = Number(process.env.BENCH_RUNS ?? 5);
	const hooks = await hooksWith([BENCH_HOOK]);
	const server = await startTestServer(undefined, { hooksDir: hooks.dir, hooksPool: HOOKS_POOL });
	let document = await readFile(DOC, 'utf8').catch(() => '# Benchmarks\n');
	try {
		// The real curriculum (31 lessons), so that downloads and lessons are the size learners get.
		await publishBundledContent(server.url);
		for (const benchmark of selected) {
			console.log(`bench: ${benchmark.id} (${runs} runs)…`);
			const report = await benchmark.run({ url: server.url, runs, pid: server.pid });
			const section = renderSection(benchmark.id, benchmark.title, report, await conditions(runs));
			console.log(section);
			document = upsertSection(document, benchmark.id, section);
		}
	} finally {
		await server.destroy();
		await hooks.remove();
	}
	await writeFile(DOC, document);
	console.log(`bench: wrote ${DOC}`);
}

async function conditions(runs: number): Promise<string> {
	const chromium = await describeChromium();
	const cpu = cpus()[0]?.model ?? 'unknown CPU';
	const memory = `${Math.round(totalmem() / 2 ** 30)} GiB`;
	const date = new Date().toISOString().slice(0, 10);
	return `Measured ${date} on ${cpu} (${cpus().length} cores, ${memory}), Node ${process.version}, ${chromium}, app served by PocketBase on loopback; median of ${runs} runs.`;
}

runMain(main);
