import type { CatalogPathway } from '../src/lib/content/catalog-types';
import { completionOverTime } from '../src/lib/tutor/completion-over-time';
import { buildDashboard } from '../src/lib/tutor/dashboard';
import { sortRows } from '../src/lib/tutor/sort-rows';
import type { CohortProgress } from '../src/lib/tutor/types';
import type { BenchCohorts } from './dashboard-accounts';
import { SMALL, type Measured } from './dashboard-sizes';

export interface ServerTime {
	ms: number[];
	bytes: number;
	progress: CohortProgress;
}

/**
 * The tutor's dashboard read, timed from Node to the last byte of the answer: one warm-up,
 * then at least ten. Also checks the answer holds every learner and every event shown.
 */
export async function serverTime(
	url: string,
	world: BenchCohorts,
	{ cohort, learners }: Measured,
	runs: number
): Promise<ServerTime> {
	const read = async () => {
		const begun = performance.now();
		const response = await fetch(`${url}/api/clyde/cohorts/${cohort}/progress`, {
			headers: { Authorization: world.tutor.token }
		});
		const body = new Uint8Array(await response.arrayBuffer());
		const ms = performance.now() - begun;
		if (!response.ok) throw new Error(`the dashboard read answered ${response.status}`);
		return { ms, body };
	};
	await read();
	const times: number[] = [];
	let last: Uint8Array = new Uint8Array();
	for (let i = 0; i < Math.max(10, runs); i++) {
		const { ms, body } = await read();
		times.push(ms);
		last = body;
	}
	const progress = JSON.parse(new TextDecoder().decode(last)) as CohortProgress;
	const members = learners === SMALL ? world.small.members : world.big.members;
	const shown = members.flatMap((m) => m.events).filter((e) => e.type !== 'quiz_answered');
	if (progress.learners.length !== learners || progress.events.length !== shown.length) {
		throw new Error(
			`the dashboard read has ${progress.learners.length} learners and ${progress.events.length} events; expected ${learners} and ${shown.length}`
		);
	}
	return { ms: times, bytes: last.length, progress };
}

/**
 * The page's derivation (buildDashboard, then the sort, the "needs help" count and the chart
 * points, as +page.svelte does) run in Node on the same answer: the pure-JS part of a render,
 * unthrottled. The first run is apart: a page runs this code once per open, cold (not yet
 * optimised), which is several times slower than the warm runs after it.
 */
export function deriveInNode(pathway: CatalogPathway, progress: CohortProgress, runs: number) {
	const now = Date.now();
	const times: number[] = [];
	let flagged = 0;
	for (let i = 0; i < runs + 1; i++) {
		const begun = performance.now();
		const built = buildDashboard(pathway, progress.learners, progress.events, progress.cohort, now);
		sortRows(built.rows, 'needs_help', 'all');
		flagged = built.rows.filter((r) => r.signals.length > 0).length;
		completionOverTime(built.rows, built.lessonCount, now);
		times.push(performance.now() - begun);
	}
	return { cold: times[0] ?? NaN, warm: times.slice(1), flagged };
}

export type Derivation = ReturnType<typeof deriveInNode>;
