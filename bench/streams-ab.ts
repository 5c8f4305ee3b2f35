import { loadavg } from 'node:os';
import PocketBase from 'pocketbase';
import { HOOKS_POOL } from '../scripts/pocketbase/server';
import { runMain } from '../scripts/user-error';
import { createLessons } from '../tests/support/content-records';
import { hooksAt, hooksWith } from '../tests/support/extra-hooks';
import { startTestServer, TEST_ADMIN, type TestServer } from '../tests/support/pocketbase';
import { api } from './api';
import { cpuSecondsOf } from './cpu-seconds';
import { BENCH_HOOK, inParallel, makeAccounts } from './dashboard-accounts';
import { learnerEvents } from './dashboard-learners';
import type { LessonPlace } from './dashboard-pathway';

/** Idle realtime streams open while the pushes run: none, and as many as the burst's dashboards. */
const STREAMS = [0, 200];
/** [events a push, pushes, in flight]: the ingest benchmark's pushes, and the burst's. */
const LOADS = [
	[500, 12, 1],
	[60, 100, 50]
] as const;

/**
 * `npx tsx bench/streams-ab.ts [ref:pool …]` (default `main:64 work:320`): PocketBase's CPU per
 * push with no realtime stream open and with 200 idle ones, for each variant in turn on a fresh
 * server — `work` the working tree's pb_hooks, any other ref that commit's — with that
 * `--hooksPool`. The streams subscribe to nothing, so what they cost a push is not realtime
 * broadcasting but what an open request holds (docs/scaling.md). Prints; writes no docs.
 */
async function main(): Promise<void> {
	const variants = (process.argv.slice(2).length ? process.argv.slice(2) : ['main:64', 'work:320'])
		.map((text) => text.split(':'))
		.map(([ref = 'work', pool]) => ({ ref, pool: Number(pool ?? HOOKS_POOL) }));
	for (const variant of variants) {
		const hooks =
			variant.ref === 'work'
				? await hooksWith([BENCH_HOOK])
				: await hooksAt(variant.ref, [BENCH_HOOK]);
		const server = await startTestServer(undefined, {
			hooksDir: hooks.dir,
			hooksPool: variant.pool
		});
		try {
			await measure(server, `${variant.ref} --hooksPool=${variant.pool}`);
		} finally {
			await server.destroy();
			await hooks.remove();
		}
	}
}

async function measure(server: TestServer, name: string): Promise<void> {
	const admin = new PocketBase(server.url);
	await admin.admins.authWithPassword(TEST_ADMIN.email, TEST_ADMIN.password);
	const prefix = `streams${Date.now().toString(36)}`;
	const places: LessonPlace[] = (await createLessons(admin, prefix, 60, { published: true })).map(
		(lesson) => ({ lesson, module: `${prefix}-m`, pathway: `${prefix}-p` })
	);
	const [tutor] = await makeAccounts(server.url, admin.authStore.token, {
		prefix: `${prefix}-tutor`,
		count: 1,
		role: 'tutor',
		names: ['Streams Tutor']
	});
	if (!tutor) throw new Error('no tutor made');
	const cohort = await api<{ join_code: string }>(server.url, '/api/collections/cohorts/records', {
		token: tutor.token,
		body: { name: `Streams ${prefix}`, pathway: places[0]?.pathway, tutor: tutor.id }
	});
	for (const streams of STREAMS) {
		const stop = await openStreams(server.url, streams);
		try {
			for (const [size, pushes, inFlight] of LOADS) {
				const learners = await makeAccounts(server.url, admin.authStore.token, {
					prefix: `${prefix}-${streams}-${size}`,
					count: pushes
				});
				await inParallel(learners, 4, async (learner) => {
					const body = { code: cohort.join_code };
					await api(server.url, '/api/clyde/cohorts/join', { token: learner.token, body });
				});
				const bodies = learners.map((_, n) => ({
					events: learnerEvents(n + size * 7 + streams, places, size, Date.now())
				}));
				const load = loadavg()[0]?.toFixed(1);
				const cpu = await cpuSecondsOf(server.pid);
				const started = performance.now();
				await inParallel(learners, inFlight, async (learner, n) => {
					const push = { token: learner.token, body: bodies[n] };
					await api(server.url, '/api/clyde/sync/push', push);
				});
				const wallMs = (performance.now() - started) / pushes;
				const cpuMs = (((await cpuSecondsOf(server.pid)) - cpu) * 1000) / pushes;
				console.log(
					`${name}: ${streams} streams, ${pushes} pushes of ${size} events, ${inFlight} in flight: PocketBase CPU ${cpuMs.toFixed(1)} ms a push (${Math.round((size / cpuMs) * 1000)} events per CPU second), wall ${wallMs.toFixed(0)} ms a push, load ${load}`
				);
			}
		} finally {
			stop.abort();
		}
	}
}

/** `count` open realtime streams (each past PB_CONNECT), read until aborted. */
async function openStreams(url: string, count: number): Promise<AbortController> {
	const abort = new AbortController();
	await inParallel(Array.from({ length: count }), 20, async () => {
		const response = await fetch(`${url}/api/realtime`, { signal: abort.signal });
		const reader = response.body?.getReader();
		if (!reader) throw new Error('no realtime stream');
		await reader.read();
		void drain(reader);
	});
	return abort;
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
	try {
		while (!(await reader.read()).done);
	} catch {
		// Aborted: the stream is closed.
	}
}

runMain(main);
