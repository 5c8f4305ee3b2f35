import { get as httpGet } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { CatalogPathway } from '../src/lib/content/catalog-types';
import { completionOverTime } from '../src/lib/tutor/completion-over-time';
import { fromProgress } from '../src/lib/tutor/cohort-state';
import { buildDashboard } from '../src/lib/tutor/dashboard';
import { sortRows } from '../src/lib/tutor/sort-rows';
import type { CohortProgress } from '../src/lib/tutor/types';
import { api } from './api';
import { cpuSecondsOf } from './cpu-seconds';
import type { BenchCohorts } from './dashboard-accounts';
import { SMALL, type Measured } from './dashboard-sizes';

export interface ServerTime {
	/** Reads the server built (the cohort changed since the last read): wall ms. */
	built: number[];
	/** Reads answered with the kept answer (pb_hooks/lib/dashboard-cache.js): wall ms. */
	kept: number[];
	/** PocketBase's CPU per read, built and kept (mean ms over the runs), when its pid is known. */
	cpu?: { built: number; kept: number };
	/** The answer as sent (gzip) and unpacked. */
	wire: number;
	bytes: number;
	progress: CohortProgress;
}

/**
 * The tutor's dashboard read, timed from Node to the last byte of the answer, gzipped as a
 * browser asks for it: one warm-up, then at least ten pairs of a read after the cohort changed
 * (its tutor sets a threshold, which makes the server build the answer again; after a push it
 * patches the kept one instead: bench/dashboard-read-ab.ts times that) and a read of the same
 * state (the kept answer). Checks that the server says which it sent, and that the answer
 * holds every learner and a cell for every lesson each learner touched.
 */
export async function serverTime(
	url: string,
	world: BenchCohorts,
	{ cohort, learners }: Measured,
	runs: number,
	pid?: number
): Promise<ServerTime> {
	const read = () => gzippedGet(`${url}/api/clyde/cohorts/${cohort}/progress`, world.tutor.token);
	const warm = await read();
	const days = (JSON.parse(warm.body.toString('utf8')) as CohortProgress).cohort.quiet_days;
	const built: number[] = [];
	const kept: number[] = [];
	const cpu = { built: 0, kept: 0 };
	let last = warm;
	const n = Math.max(10, runs);
	for (let i = 0; i < n; i++) {
		await api(url, `/api/collections/cohorts/records/${cohort}`, {
			method: 'PATCH',
			token: world.tutor.token,
			body: { quiet_days: i % 2 === 0 ? days + 1 : days }
		});
		for (const [want, times] of [
			['built', built],
			['kept', kept]
		] as const) {
			const before = pid ? await cpuSecondsOf(pid) : 0;
			last = await read();
			if (pid) cpu[want] += (await cpuSecondsOf(pid)) - before;
			if (last.sent !== want) throw new Error(`the read was ${last.sent}, expected ${want}`);
			times.push(last.ms);
		}
	}
	if (n % 2 === 1) {
		await api(url, `/api/collections/cohorts/records/${cohort}`, {
			method: 'PATCH',
			token: world.tutor.token,
			body: { quiet_days: days }
		});
	}
	const progress = JSON.parse(last.body.toString('utf8')) as CohortProgress;
	const members = learners === SMALL ? world.small.members : world.big.members;
	const touched = members.reduce(
		(sum, m) =>
			sum + new Set(m.events.filter((e) => e.type !== 'quiz_answered').map((e) => e.lesson)).size,
		0
	);
	if (progress.learners.length !== learners || progress.cells.learner.length !== touched) {
		throw new Error(
			`the dashboard read has ${progress.learners.length} learners and ${progress.cells.learner.length} cells; expected ${learners} and ${touched}`
		);
	}
	return {
		built,
		kept,
		cpu: pid ? { built: (1000 * cpu.built) / n, kept: (1000 * cpu.kept) / n } : undefined,
		wire: last.wire,
		bytes: last.body.length,
		progress
	};
}

/**
 * A GET that accepts gzip, as browsers send it: the time to the last byte, both sizes and how
 * the server made the answer (kept, patched or built).
 */
export function gzippedGet(url: string, token: string) {
	return new Promise<{ ms: number; wire: number; body: Buffer; sent: string }>((done, fail) => {
		const begun = performance.now();
		const request = httpGet(
			url,
			{ headers: { Authorization: token, 'Accept-Encoding': 'gzip' } },
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => {
					const ms = performance.now() - begun;
					if (response.statusCode !== 200) {
						return fail(new Error(`the dashboard read answered ${response.statusCode}`));
					}
					const raw = Buffer.concat(chunks);
					const gzipped = response.headers['content-encoding'] === 'gzip';
					// pb_hooks/cohorts.pb.js says whether it sent the answer it kept.
					const timing = String(response.headers['server-timing'] ?? '');
					const sent = /desc="(\w+)"/.exec(timing)?.[1] ?? 'built';
					done({ ms, wire: raw.length, body: gzipped ? gunzipSync(raw) : raw, sent });
				});
			}
		);
		request.on('error', fail);
	});
}

/**
 * The page's derivation (the answer's columns as tallies, buildDashboard, then the sort, the
 * "needs help" count and the chart points, as the app does) run in Node on the same answer:
 * the pure-JS part of a render, unthrottled. The first run is apart: a page runs this code
 * once per open, cold (not yet optimised), which is several times slower than the warm runs.
 */
export function deriveInNode(pathway: CatalogPathway, progress: CohortProgress, runs: number) {
	const now = Date.now();
	const times: number[] = [];
	let flagged = 0;
	for (let i = 0; i < runs + 1; i++) {
		const begun = performance.now();
		const state = fromProgress(progress);
		const built = buildDashboard(pathway, state.learners, state.tallies, state.cohort, now);
		sortRows(built.rows, 'needs_help', 'all');
		flagged = built.rows.filter((r) => r.signals.length > 0).length;
		completionOverTime(built.rows, built.lessonCount, now);
		times.push(performance.now() - begun);
	}
	return { cold: times[0] ?? NaN, warm: times.slice(1), flagged };
}

export type Derivation = ReturnType<typeof deriveInNode>;
