import { get as httpGet } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { CatalogPathway } from '../src/lib/content/catalog-types';
import { completionOverTime } from '../src/lib/tutor/completion-over-time';
import { fromProgress } from '../src/lib/tutor/cohort-state';
import { buildDashboard } from '../src/lib/tutor/dashboard';
import { sortRows } from '../src/lib/tutor/sort-rows';
import type { CohortProgress } from '../src/lib/tutor/types';
import type { BenchCohorts } from './dashboard-accounts';
import { SMALL, type Measured } from './dashboard-sizes';

export interface ServerTime {
	ms: number[];
	/** The answer as sent (gzip) and unpacked. */
	wire: number;
	bytes: number;
	progress: CohortProgress;
}

/**
 * The tutor's dashboard read, timed from Node to the last byte of the answer, gzipped as a
 * browser asks for it: one warm-up, then at least ten. Also checks the answer holds every
 * learner and a cell for every lesson each learner touched.
 */
export async function serverTime(
	url: string,
	world: BenchCohorts,
	{ cohort, learners }: Measured,
	runs: number
): Promise<ServerTime> {
	const read = () => gzippedGet(`${url}/api/clyde/cohorts/${cohort}/progress`, world.tutor.token);
	await read();
	const times: number[] = [];
	let last: { ms: number; wire: number; body: Buffer } = { ms: 0, wire: 0, body: Buffer.alloc(0) };
	for (let i = 0; i < Math.max(10, runs); i++) {
		last = await read();
		times.push(last.ms);
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
	return { ms: times, wire: last.wire, bytes: last.body.length, progress };
}

/** A GET that accepts gzip, as browsers send it: the time to the last byte and both sizes. */
function gzippedGet(url: string, token: string) {
	return new Promise<{ ms: number; wire: number; body: Buffer }>((done, fail) => {
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
					done({ ms, wire: raw.length, body: gzipped ? gunzipSync(raw) : raw });
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
