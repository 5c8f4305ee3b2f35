import PocketBase from 'pocketbase';
import { ChaosProxy, FAULTS, noFaults, type FaultCounts } from '../tests/support/chaos-proxy';
import { CHAOS_ODDS, chaosRun, type ChaosResult } from '../tests/support/chaos-run';
import { createLessons } from '../tests/support/content-records';
import { startTestServer, TEST_ADMIN } from '../tests/support/pocketbase';
import type { Benchmark } from './benchmark';
import { medianMs } from './format';

/** How each kind of request is named in the report: "requests …". */
const FAULT_NAMES: Record<keyof FaultCounts, string> = {
	'drop-request': 'dropped before reaching the server',
	'drop-response': 'whose answer was dropped after the server committed',
	delay: 'delayed by 0–300 ms',
	reset: 'cut off half-way through the answer',
	unavailable: 'answered 503 without reaching the server',
	offline: 'refused while offline',
	pass: 'passed through untouched'
};

/**
 * The long version of tests/integration/sync-chaos.test.ts: CHAOS_RUNS (default 1,000) small
 * chaos runs, each a fresh learner with one or two devices, CHAOS_PARALLEL at a time. It counts
 * the runs that converged (every recorded event on the server exactly once, on every device,
 * nothing rejected) rather than timing anything precise. Not BENCH_RUNS: that is a count of
 * repetitions for a median, this is a count of trials.
 */
export const syncChaos: Benchmark = {
	id: 'sync-chaos',
	title: 'Sync under chaos: a faulty network, killed pages and wrong clocks',
	async run() {
		const total = Number(process.env.CHAOS_RUNS ?? 1000);
		const steps = Number(process.env.CHAOS_STEPS ?? 12);
		// Most of a run is PocketBase hashing the new learner's password (sign-up and sign-in):
		// a few runs at once keep both cores busy.
		const parallel = Number(process.env.CHAOS_PARALLEL ?? 3);
		// Its own server: a thousand learners' events should not weigh on the other benchmarks.
		const server = await startTestServer();
		const proxies: ChaosProxy[] = [];
		const results: ChaosResult[] = [];
		const failures: string[] = [];
		const started = performance.now();
		try {
			const admin = new PocketBase(server.url);
			await admin.admins.authWithPassword(TEST_ADMIN.email, TEST_ADMIN.password);
			const lessons = await createLessons(admin, 'chaos', 3);
			let next = 0;
			await Promise.all(
				Array.from({ length: parallel }, async (_, worker) => {
					const proxy = new ChaosProxy(server.url, { seed: 7 + worker, odds: CHAOS_ODDS });
					proxies.push(proxy);
					await proxy.start();
					while (next < total) {
						const seed = ++next;
						try {
							const result = await chaosRun({
								proxy,
								serverUrl: server.url,
								admin: TEST_ADMIN,
								content: { lessons, module: 'chaos-m', pathway: 'chaos-p' },
								seed,
								steps
							});
							results.push(result);
							for (const problem of result.problems) failures.push(`seed ${seed}: ${problem}`);
						} catch (error) {
							failures.push(`seed ${seed}: the run failed: ${(error as Error).message}`);
						}
						if (seed % 100 === 0) console.log(`sync-chaos: ${seed} of ${total} runs started`);
					}
				})
			);
		} finally {
			await Promise.all(proxies.map((proxy) => proxy.stop()));
			await server.destroy();
		}

		const converged = results.filter((r) => r.problems.length === 0).length;
		const faults = noFaults();
		for (const result of results)
			for (const kind of Object.keys(faults) as (keyof FaultCounts)[])
				faults[kind] += result.faults[kind];
		const sum = (pick: (r: ChaosResult) => number) => results.reduce((n, r) => n + pick(r), 0);
		const retries: Record<string, number> = {};
		for (const result of results)
			for (const [kind, n] of Object.entries(result.retries))
				retries[kind] = (retries[kind] ?? 0) + n;
		const minutes = ((performance.now() - started) / 60_000).toFixed(1);
		return {
			headers: ['measure', 'value'],
			rows: [
				['runs', String(total)],
				['runs that converged', `${converged} (${((100 * converged) / total).toFixed(1)}%)`],
				['events recorded', String(sum((r) => r.events))],
				['syncs started', String(sum((r) => r.syncs))],
				['pages killed mid-sync', String(sum((r) => r.kills))],
				...(['offline', ...FAULTS] as const).map((kind) => [
					`requests ${FAULT_NAMES[kind]}`,
					String(faults[kind])
				]),
				[`requests ${FAULT_NAMES.pass}`, String(faults.pass)],
				['median run time (sign-up included)', medianMs(results.map((r) => r.ms))],
				['median run time after sign-up', medianMs(results.map((r) => r.chaosMs))]
			],
			notes: [
				`${total} runs of ${steps} random steps (record events with a clock off by up to ±24 h or 8 days ahead, toggle offline, sync awaited or not, kill the page), one or two devices each, ${parallel} runs at a time, ${minutes} min in all; then a healthy network and syncs until every outbox is empty.`,
				`Why engines waited to retry: ${
					Object.entries(retries)
						.sort((a, b) => b[1] - a[1])
						.map(([kind, n]) => `"${kind}" ${n}`)
						.join(', ') || 'never'
				}.`,
				failures.length
					? `Problems (${failures.length}; replay a seed with tests/support/chaos-run.ts): ${failures.slice(0, 10).join('; ')}.`
					: 'No problems: no event lost, none stored twice, none rejected.'
			].join(' ')
		};
	}
};
