import { loadavg } from 'node:os';
import { EventSource } from 'eventsource';
import PocketBase from 'pocketbase';
import { CohortFeed } from '../src/lib/tutor/cohort-feed';
import { fromProgress, type CohortState } from '../src/lib/tutor/cohort-state';
import { TutorClient } from '../src/lib/tutor/tutor-client';
import { createLessons } from '../tests/support/content-records';
import { hooksAt, hooksWith } from '../tests/support/extra-hooks';
import { HOOKS_POOL as SERVER_HOOKS_POOL } from '../scripts/pocketbase/server';
import { startTestServer, TEST_ADMIN, type TestServer } from '../tests/support/pocketbase';
import type { Benchmark } from './benchmark';
import { api } from './api';
import { inStep } from './burst-compare';
import { cpuSecondsOf } from './cpu-seconds';
import { BENCH_HOOK, inParallel, makeAccounts, type Account } from './dashboard-accounts';
import { learnerEvents } from './dashboard-learners';
import type { LessonPlace } from './dashboard-pathway';
import { median } from './stats';

// Node has no EventSource; the SDK's realtime client needs one, as in a tutor's browser.
(globalThis as { EventSource?: unknown }).EventSource = EventSource;

const LEARNERS = 1000;
const EVENTS_EACH = 60;
const CONNECTIONS = 50;
const COHORTS = 50;
const DASHBOARDS = [0, 200];
/**
 * Knobs for experiments, not for the figures in docs: BURST_ONLY=200 runs that condition
 * alone, and BURST_GAP_MS sets the dashboards' least time between reads (CohortFeed's gap),
 * e.g. a minute to see what 200 subscribed dashboards cost without their reads.
 */
const ONLY = process.env.BURST_ONLY === undefined ? undefined : Number(process.env.BURST_ONLY);
const GAP_MS =
	process.env.BURST_GAP_MS === undefined ? undefined : Number(process.env.BURST_GAP_MS);
/** BURST_HOOKS_POOL=25 starts the server with that many JS VMs ready (its `--hooksPool`). */
const HOOKS_POOL =
	process.env.BURST_HOOKS_POOL === undefined
		? SERVER_HOOKS_POOL
		: Number(process.env.BURST_HOOKS_POOL);
/**
 * BURST_AB=<git ref>:<pool> runs every burst twice, first on that commit's pb_hooks with that
 * `--hooksPool`, then on the working tree's: an A/B at the same load (printed, not in docs).
 */
const AB = process.env.BURST_AB
	? {
			ref: process.env.BURST_AB.split(':')[0] ?? 'main',
			pool: Number(process.env.BURST_AB.split(':')[1] ?? SERVER_HOOKS_POOL)
		}
	: undefined;
const P95_GOAL = 1000;
/** "Within 20% of the same burst with no dashboard open". */
const SLOWDOWN_GOAL = 1.2;

/** Issue 14's figures for main before it, on this machine (see docs/benchmarks.md). */
const PREVIOUS = {
	0: 'before notices carried cells (2026-12-01, load 13–16): 55.6–59.1 s, p95 10.6–11.5 s',
	200: 'before notices carried cells (2026-12-01, load 13–16): 161.1–192.7 s, p95 28.9–34.4 s'
} as const;

interface Burst {
	dashboards: number;
	totalMs: number;
	pushMs: number[];
	errors: string[];
	/** Push answered → its cohort's open dashboards show it, ms, one per push and dashboard. */
	seenMs: number[];
	/** After the last answer, until every dashboard had every event. */
	caughtUpMs: number;
	notices: number;
	reads: number;
	/** Dashboards whose state differed from a fresh whole read afterwards. */
	outOfStep: number;
	/** CPU seconds used from the first push to the last answer: PocketBase, and this process. */
	serverCpuS: number;
	clientCpuS: number;
}

/**
 * A class-start burst: 1,000 learners, 20 in each of 50 cohorts, each pushing 60 events in one
 * push (a realistic mix: opened, quiz answers and attempts, completions), 50 pushes in flight
 * at a time — with no dashboard open, and with 200 open (4 per cohort: the tutor's laptop,
 * the projector, a colleague…). A dashboard is the app's own code (TutorClient and CohortFeed,
 * with the SDK's realtime over EventSource, as in a browser): it loads its cohort whole, then
 * applies what each activity notice carries (reading only after a gap). Each burst runs on a fresh server, the two
 * conditions taking turns, so a busier minute on this shared machine hits both.
 */
export const burst: Benchmark = {
	id: 'burst',
	title: 'Class-start burst: 1,000 learners × 60 events, with and without 200 open dashboards',
	async run({ runs }) {
		const bursts: Burst[] = [];
		for (let i = 0; i < runs; i++) {
			for (const dashboards of DASHBOARDS) {
				if (ONLY !== undefined && dashboards !== ONLY) continue;
				if (AB) {
					const other = await oneBurst(dashboards, i, AB);
					console.log(`burst A/B: ${AB.ref} --hooksPool=${AB.pool}: ${describe(other)}`);
				}
				bursts.push(await oneBurst(dashboards, i));
				console.log(`burst: ${describe(bursts.at(-1) as Burst)}`);
			}
		}
		return report(bursts);
	}
};

function describe(burst: Burst): string {
	const [p50, p95, p99] = [50, 95, 99].map((p) => Math.round(percentile(burst.pushMs, p)));
	const load = loadavg()
		.map((n) => n.toFixed(1))
		.join(' ');
	return `${burst.dashboards} dashboards: ${(burst.totalMs / 1000).toFixed(1)} s, p50/p95/p99 ${p50}/${p95}/${p99} ms, ${burst.errors.length} errors, CPU PocketBase ${burst.serverCpuS.toFixed(1)} s, load ${load}`;
}

async function oneBurst(
	dashboards: number,
	run: number,
	variant?: { ref: string; pool: number }
): Promise<Burst> {
	const hooks = variant ? await hooksAt(variant.ref, [BENCH_HOOK]) : await hooksWith([BENCH_HOOK]);
	const server = await startTestServer(undefined, {
		hooksDir: hooks.dir,
		hooksPool: variant?.pool ?? HOOKS_POOL
	});
	const open: { stop(): Promise<void> }[] = [];
	try {
		const world = await makeWorld(server, run);
		const watchers = await openDashboards(server.url, world, dashboards, open);
		// Every push's body is made before the clock starts: the benchmark's own work is not timed.
		const bodies = world.learners.map((learner, n) =>
			JSON.stringify({
				events: learnerEvents(run * 10_000 + n, world.places, EVENTS_EACH, Date.now())
			})
		);
		const pushMs: number[] = [];
		const errors: string[] = [];
		const pushed: { cohort: string; seq: number; at: number }[] = [];
		const serverCpu = await cpuSecondsOf(server.pid);
		const clientCpu = process.cpuUsage();
		const started = performance.now();
		await inParallel(world.learners, CONNECTIONS, async (learner, n) => {
			const begun = performance.now();
			try {
				const response = await fetch(`${server.url}/api/clyde/sync/push`, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json', Authorization: learner.token },
					body: bodies[n]
				});
				const answer = (await response.json()) as { seq?: number };
				const at = performance.now();
				pushMs.push(at - begun);
				if (!response.ok) errors.push(`push answered ${response.status}`);
				const seq = answer.seq ?? 0;
				pushed.push({ cohort: world.cohortOf[n] as string, seq, at });
			} catch (error) {
				errors.push(`push failed: ${(error as Error).message}`);
			}
		});
		const ended = performance.now();
		const serverCpuS = (await cpuSecondsOf(server.pid)) - serverCpu;
		const used = process.cpuUsage(clientCpu);
		const clientCpuS = (used.user + used.system) / 1e6;
		const caughtUp = await untilCaughtUp(watchers, pushed);
		const outOfStep = await compareWithWhole(watchers);
		return {
			dashboards,
			totalMs: ended - started,
			pushMs,
			errors,
			seenMs: watchers.length ? seenTimes(watchers, pushed) : [],
			caughtUpMs: caughtUp - ended,
			notices: watchers.reduce((sum, w) => sum + w.notices, 0),
			reads: watchers.reduce((sum, w) => sum + w.reads, 0),
			outOfStep,
			serverCpuS,
			clientCpuS
		};
	} finally {
		for (const dashboard of open) await dashboard.stop().catch(() => {});
		await server.destroy();
		await hooks.remove();
	}
}

interface World {
	places: LessonPlace[];
	tutors: Account[];
	cohorts: string[];
	learners: Account[];
	/** Each learner's cohort, by learner index. */
	cohortOf: string[];
}

/** A 60-lesson pathway, 50 tutors with a cohort each, and 1,000 learners who joined them. */
async function makeWorld(server: TestServer, run: number): Promise<World> {
	const admin = new PocketBase(server.url);
	admin.autoCancellation(false);
	await admin.admins.authWithPassword(TEST_ADMIN.email, TEST_ADMIN.password);
	const prefix = `burst${run}`;
	const lessons = await createLessons(admin, prefix, 60, { published: true });
	const places = lessons.map((lesson) => ({
		lesson,
		module: `${prefix}-m`,
		pathway: `${prefix}-p`
	}));
	const token = admin.authStore.token;
	const tutors = await makeAccounts(server.url, token, {
		prefix: `${prefix}-tutor`,
		count: COHORTS,
		role: 'tutor',
		names: Array.from({ length: COHORTS }, (_, i) => `Tutor ${i}`)
	});
	const cohorts: { id: string; code: string }[] = [];
	for (const tutor of tutors) {
		const cohort = await api<{ id: string; join_code: string }>(
			server.url,
			'/api/collections/cohorts/records',
			{
				token: tutor.token,
				body: { name: `Class ${cohorts.length}`, pathway: `${prefix}-p`, tutor: tutor.id }
			}
		);
		cohorts.push({ id: cohort.id, code: cohort.join_code });
	}
	const learners = await makeAccounts(server.url, token, {
		prefix: `${prefix}-learner`,
		count: LEARNERS
	});
	const cohortOf = learners.map((_, n) => (cohorts[n % COHORTS] as { id: string }).id);
	await inParallel(learners, 8, async (learner, n) => {
		const code = (cohorts[n % COHORTS] as { code: string }).code;
		await api(server.url, '/api/clyde/cohorts/join', { token: learner.token, body: { code } });
	});
	return { places, tutors, cohorts: cohorts.map((c) => c.id), learners, cohortOf };
}

interface Watcher {
	cohort: string;
	client: TutorClient;
	feed: CohortFeed;
	/** When each new state arrived (ms, performance.now) and its cursor. */
	states: { at: number; cursor: number }[];
	notices: number;
	reads: number;
}

/** `count` dashboards, spread evenly over the cohorts, each loaded and subscribed. */
async function openDashboards(
	url: string,
	world: World,
	count: number,
	open: { stop(): Promise<void> }[]
): Promise<Watcher[]> {
	const watchers: Watcher[] = [];
	await inParallel(
		Array.from({ length: count }, (_, i) => i),
		10,
		async (i) => {
			const tutor = world.tutors[i % COHORTS] as Account;
			const cohort = world.cohorts[i % COHORTS] as string;
			const client = new TutorClient(
				{ token: tutor.token, userId: tutor.id, email: tutor.email, name: tutor.name },
				url
			);
			const watcher: Watcher = {
				cohort,
				client,
				feed: undefined as never,
				states: [],
				notices: 0,
				reads: 0
			};
			// The client's calls, counted on their way through.
			const source = {
				progress: (id: string) => (watcher.reads++, client.progress(id)),
				changes: (id: string, after: number) => (watcher.reads++, client.changes(id, after)),
				watch: (id: string, handlers: Parameters<TutorClient['watch']>[1]) =>
					client.watch(id, {
						onNotice: (notice) => {
							watcher.notices++;
							handlers.onNotice(notice);
						},
						onReconnect: () => handlers.onReconnect()
					})
			};
			watcher.feed = new CohortFeed(
				source,
				cohort,
				{
					onState: (state) => watcher.states.push({ at: performance.now(), cursor: state.cursor }),
					onError: (error) => console.error(`burst: a dashboard's read failed: ${error}`)
				},
				GAP_MS === undefined ? {} : { gapMs: GAP_MS }
			);
			await watcher.feed.reload();
			const stop = await watcher.feed.watch();
			open.push({ stop });
			watchers.push(watcher);
		}
	);
	return watchers;
}

/** Waits (up to a minute) until every dashboard's cursor passed its cohort's last push. */
async function untilCaughtUp(
	watchers: Watcher[],
	pushed: { cohort: string; seq: number }[]
): Promise<number> {
	const last = new Map<string, number>();
	for (const { cohort, seq } of pushed) last.set(cohort, Math.max(seq, last.get(cohort) ?? 0));
	const deadline = performance.now() + 60_000;
	while (performance.now() < deadline) {
		const behind = watchers.filter((w) => (w.feed.state?.cursor ?? 0) < (last.get(w.cohort) ?? 0));
		if (behind.length === 0) break;
		await new Promise((done) => setTimeout(done, 20));
	}
	return performance.now();
}

/** For each push and each dashboard of its cohort: answered → the dashboard's cursor passed it. */
function seenTimes(watchers: Watcher[], pushed: { cohort: string; seq: number; at: number }[]) {
	const times: number[] = [];
	for (const push of pushed) {
		for (const watcher of watchers.filter((w) => w.cohort === push.cohort)) {
			const state = watcher.states.find((s) => s.cursor >= push.seq);
			// A read can land between the commit and the answer reaching Node: that counts as 0.
			times.push(state ? Math.max(0, state.at - push.at) : Infinity);
		}
	}
	return times;
}

/** Dashboards whose tallies differ from a fresh whole read of their cohort. */
async function compareWithWhole(watchers: Watcher[]): Promise<number> {
	let differ = 0;
	for (const watcher of watchers) {
		const whole = fromProgress(await watcher.client.progress(watcher.cohort));
		if (!inStep(watcher.feed.state as CohortState, whole)) differ++;
	}
	return differ;
}

function percentile(values: number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function report(bursts: Burst[]) {
	const by = (dashboards: number) => bursts.filter((b) => b.dashboards === dashboards);
	const figure = (list: Burst[], value: (b: Burst) => number, unit = ' ms') => {
		const values = list.map(value);
		const round = (n: number) => (unit === ' s' ? (n / 1000).toFixed(1) : String(Math.round(n)));
		return `${round(median(values))}${unit} (${round(Math.min(...values))}–${round(Math.max(...values))})`;
	};
	const rows: string[][] = [];
	// BURST_ONLY leaves a condition out: it has no rows, and the verdict's ratio is NaN.
	for (const dashboards of DASHBOARDS.filter((d) => by(d).length > 0)) {
		const list = by(dashboards);
		const name = `${dashboards} dashboards open`;
		const previous = PREVIOUS[dashboards as 0 | 200];
		rows.push([name, 'total time', figure(list, (b) => b.totalMs, ' s'), previous, '—']);
		rows.push([name, 'push p50', figure(list, (b) => percentile(b.pushMs, 50)), '', '—']);
		rows.push([
			name,
			'push p95',
			figure(list, (b) => percentile(b.pushMs, 95)),
			'',
			`≤ ${P95_GOAL} ms`
		]);
		rows.push([name, 'push p99', figure(list, (b) => percentile(b.pushMs, 99)), '', '—']);
		rows.push([name, 'errors', String(list.reduce((sum, b) => sum + b.errors.length, 0)), '', '0']);
		rows.push([
			name,
			'CPU used during the burst: PocketBase / the benchmark process (pushes, dashboards)',
			`${figure(list, (b) => b.serverCpuS * 1000, ' s')} / ${figure(list, (b) => b.clientCpuS * 1000, ' s')}`,
			'',
			'—'
		]);
		if (dashboards) {
			rows.push([
				name,
				'push answered → its dashboards show it, p50 / p95',
				`${figure(list, (b) => percentile(b.seenMs, 50))} / ${figure(list, (b) => percentile(b.seenMs, 95))}`,
				'',
				'≤ 1–2 s'
			]);
			rows.push([
				name,
				'last answer → every dashboard has every event',
				figure(list, (b) => b.caughtUpMs),
				'',
				'—'
			]);
			rows.push([
				name,
				'notices heard / reads made, all dashboards',
				`${figure(list, (b) => b.notices, '')} / ${figure(list, (b) => b.reads, '')}`,
				'',
				'—'
			]);
			rows.push([
				name,
				'dashboards out of step with a whole read afterwards',
				String(list.reduce((sum, b) => sum + b.outOfStep, 0)),
				'',
				'0'
			]);
		}
	}
	const middle = (values: number[]) => (values.length ? median(values) : NaN);
	const none = middle(by(0).map((b) => b.totalMs));
	const many = middle(by(200).map((b) => b.totalMs));
	const p95 = middle(by(200).map((b) => percentile(b.pushMs, 95)));
	const errors = bursts.reduce((sum, b) => sum + b.errors.length, 0);
	const ratio = many / none;
	return {
		headers: [
			'condition',
			'measure',
			'median (min–max) of the bursts',
			'previous (issue 14)',
			'goal'
		],
		rows,
		notes: [
			`Verdict: with 200 dashboards open, ${errors} errors, p95 ${Math.round(p95)} ms (${p95 <= P95_GOAL ? 'within' : 'over'} ≤ ${P95_GOAL} ms), total ${(many / 1000).toFixed(1)} s against ${(none / 1000).toFixed(1)} s with none: ${Math.round((ratio - 1) * 100)}% (${ratio <= SLOWDOWN_GOAL ? 'within' : 'over'} 20%).`,
			`${by(0).length} bursts of each kind, taking turns, each on a fresh server: ${LEARNERS} learners in ${COHORTS} cohorts of ${LEARNERS / COHORTS}, each pushing their first ${EVENTS_EACH} events (${(LEARNERS * EVENTS_EACH).toLocaleString('en-GB')} in all) in one push, ${CONNECTIONS} pushes in flight at a time from Node on loopback.`,
			`Dashboards: ${DASHBOARDS[1]} (4 a cohort), each a TutorClient and a CohortFeed (the app's code) with the SDK's realtime over EventSource in this same Node process, loaded whole before the burst; during it they apply the cells each notice carries, and read ?after= only when a notice does not follow what they show (missed or out of order) or carries no cells, one read at a time and at most one a second (CohortFeed's gap), as in the browser. "Out of step" compares each one's state after the burst with a whole read of its cohort.`,
			'The client and the server share the two cores: the pushes, the 200 event streams and their reads are all made by this machine.'
		].join(' ')
	};
}
