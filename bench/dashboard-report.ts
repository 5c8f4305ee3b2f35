import type { BenchCohorts } from './dashboard-accounts';
import type { BrowserFigures } from './dashboard-browser';
import { LESSONS_PER_MODULE, pathwayLessons } from './dashboard-pathway';
import type { Derivation, ServerTime } from './dashboard-server';
import {
	EVENTS_EACH,
	GOAL_RATE,
	GOALS,
	LEARNERS,
	LIVE_GOAL,
	RATES,
	READ_GOAL,
	SHOW_ALL_GOAL,
	SMALL,
	type Measured
} from './dashboard-sizes';
import { kb, ms, seconds, spread } from './format';
import { median } from './stats';
import type { Activity, Breakdown } from './trace-breakdown';

/**
 * The figures before issue 14 (docs/benchmarks.md, 2026-11-27: raw events sent and derived in
 * the page, every row of "Show all" built), by cohort and measure, for the side-by-side column.
 */
const PREVIOUS: Record<string, string> = {
	'30|server: dashboard read after a change (Node → last byte)':
		'103 ms (86–353); 354 KB, not compressed',
	'30|derivation in Node (buildDashboard, sort, chart), 1×: first run; warm runs':
		'34 ms; 15 ms (9–25)',
	'30|data arrived (navigation → progress answer parsed), 1× CPU': '933 ms (720–1033)',
	'30|render (data → grid painted, every row), 1× CPU': '223 ms (123–245)',
	'30|full open of /tutor/<cohort>, 1× CPU': '1156 ms (843–1253)',
	'30|data arrived (navigation → progress answer parsed), 4× CPU': '1284 ms (1063–1498)',
	'30|render (data → grid painted, every row), 4× CPU': '895 ms (435–1020)',
	'30|full open of /tutor/<cohort>, 4× CPU': '2033 ms (1933–2294)',
	'500|server: dashboard read after a change (Node → last byte)':
		'945 ms (759–1802); 6029 KB, not compressed',
	'500|server: dashboard read, nothing changed (Node → last byte)':
		'every read built (2026-12-01: 304–455 ms, 88 ms of server CPU)',
	'500|derivation in Node (buildDashboard, sort, chart), 1×: first run; warm runs':
		'125 ms; 78 ms (40–82)',
	'500|data arrived (navigation → progress answer parsed), 1× CPU': '2217 ms (1948–2392)',
	'500|render (data → grid painted, the first 50 rows), 1× CPU': '371 ms (349–513)',
	'500|full open of /tutor/<cohort>, 1× CPU': '2623 ms (2297–2763)',
	'500|"Show all" (click → all 500 rows painted), 1× CPU': '2508 ms (1741–3231)',
	'500|data arrived (navigation → progress answer parsed), 4× CPU': '3502 ms (2800–5149)',
	'500|render (data → grid painted, the first 50 rows), 4× CPU': '1378 ms (1228–1826)',
	'500|full open of /tutor/<cohort>, 4× CPU': '4938 ms (4028–6526)',
	'500|"Show all" (click → all 500 rows painted), 4× CPU': '7522 ms (6291–9210)',
	'500|live update (push answered → cell shows ✓; grid by name), 1× CPU': '107 ms (104–159)',
	'500|live update (push answered → cell shows ✓; grid by name), 4× CPU': '399 ms (353–543)'
};

export function report(input: {
	world: BenchCohorts;
	setupMs: number;
	runs: number;
	cohorts: Measured[];
	server: ServerTime[];
	derivation: Derivation[];
	figures: BrowserFigures;
	load: number[];
}) {
	const { world, setupMs, runs, cohorts, server, derivation, figures, load } = input;
	const rows: string[][] = [];
	/** A row with the previous figure for its cohort and measure beside the new one. */
	const row = (learners: number, measure: string, value: string, goal: string, runs: string) =>
		rows.push([
			`${learners} learners`,
			measure,
			value,
			PREVIOUS[`${learners}|${measure}`] ?? '—',
			goal,
			runs
		]);
	const verdicts: string[] = [];
	cohorts.forEach(({ cohort, learners }, c) => {
		const name = `${learners} learners`;
		const answer = server[c] as ServerTime;
		const big = learners === LEARNERS;
		const n = `${answer.built.length}; answer ${kb(answer.wire)} gzip, ${kb(answer.bytes)} unpacked (${answer.progress.cells.learner.length} learner × lesson cells)`;
		const goal = big ? `≤ ${READ_GOAL.ms} ms and ≤ ${READ_GOAL.kb} KB` : '—';
		const cpu = (ms: number | undefined) =>
			ms === undefined ? '' : `; ${Math.round(ms)} ms of PocketBase's CPU a read`;
		row(
			learners,
			'server: dashboard read after a change (Node → last byte)',
			`${spread(answer.built)}; ${kb(answer.wire)}${cpu(answer.cpu?.built)}`,
			goal,
			n
		);
		row(
			learners,
			'server: dashboard read, nothing changed (Node → last byte)',
			`${spread(answer.kept)}${cpu(answer.cpu?.kept)}`,
			goal,
			`${answer.kept.length}; the answer kept since the read before (pb_hooks/lib/dashboard-cache.js)`
		);
		if (big) {
			for (const [what, times] of [
				['after a change', answer.built],
				['nothing changed', answer.kept]
			] as const) {
				const within = median(times) <= READ_GOAL.ms && answer.wire <= READ_GOAL.kb * 1024;
				verdicts.push(
					`${name}: dashboard read (${what}) ${ms(median(times))} and ${kb(answer.wire)} (${within ? 'within' : 'over'} ≤ ${READ_GOAL.ms} ms and ≤ ${READ_GOAL.kb} KB)`
				);
			}
		}
		const derived = derivation[c] as Derivation;
		row(
			learners,
			'derivation in Node (buildDashboard, sort, chart), 1×: first run; warm runs',
			`${ms(derived.cold)}; ${spread(derived.warm)}`,
			'—',
			`1; ${derived.warm.length}`
		);
		for (const rate of RATES) {
			const timed = figures.opens.get(cohort)?.get(rate);
			if (!timed) continue;
			const goal = rate === GOAL_RATE ? GOALS[learners] : undefined;
			const shown = timed.rows < learners ? `the first ${timed.rows} rows` : 'every row';
			row(
				learners,
				`data arrived (navigation → progress answer parsed), ${rate}× CPU`,
				spread(timed.toData),
				'—',
				String(runs)
			);
			row(
				learners,
				`render (data → grid painted, ${shown}), ${rate}× CPU`,
				spread(timed.render),
				goal ? `≤ ${goal} ms` : '—',
				String(runs)
			);
			row(
				learners,
				`full open of /tutor/<cohort>, ${rate}× CPU`,
				spread(timed.full),
				'—',
				String(runs)
			);
			const showAllGoal = rate === GOAL_RATE ? SHOW_ALL_GOAL : undefined;
			if (timed.showAll.length) {
				row(
					learners,
					`"Show all" (click → all ${learners} rows painted), ${rate}× CPU`,
					spread(timed.showAll),
					showAllGoal ? `≤ ${showAllGoal} ms` : '—',
					String(timed.showAll.length)
				);
			}
			if (goal) verdicts.push(verdict(`${name}: render (${shown})`, timed.render, goal));
			if (showAllGoal && timed.showAll.length) {
				verdicts.push(verdict(`${name}: "Show all"`, timed.showAll, showAllGoal));
			}
		}
	});
	for (const rate of RATES) {
		const times = figures.live.get(rate) ?? [];
		row(
			LEARNERS,
			`live update (push answered → cell shows ✓; grid by name), ${rate}× CPU`,
			spread(times),
			`≤ ${LIVE_GOAL / 1000} s`,
			String(times.length)
		);
		if (rate === GOAL_RATE && times.length) {
			verdicts.push(verdict(`${LEARNERS} learners: live update`, times, LIVE_GOAL));
		}
	}
	const flagged = derivation.map((d, c) => `${d.flagged} of ${cohorts[c]?.learners}`).join(' and ');
	return {
		headers: [
			'cohort',
			'measure',
			'median (min–max)',
			'previous (2026-11-27, raw events)',
			'goal',
			'runs'
		],
		rows,
		notes: [
			`Verdicts: ${verdicts.join('; ')}.`,
			`The world: a published pathway of ${pathwayLessons().length} lessons (6 modules × ${LESSONS_PER_MODULE}, each with a 4-question quiz) beside the bundled content; ${LEARNERS} learners, each joined with the cohort's code and pushed ${EVENTS_EACH} seeded events (${LEARNERS * EVENTS_EACH} in all: opened, quiz answers, quiz attempts passed and failed, completions, over six weeks; some learners stuck on a quiz, some quiet for weeks); the first ${SMALL} are also in the small cohort. Needs help: ${flagged}, by the default thresholds.`,
			`Where the time goes at ${GOAL_RATE}× (one more open, traced; tracing slows the page, so shares, not times): ${cohorts
				.map(({ cohort, learners }) => {
					const all = figures.traced.get(`${cohort}:all`);
					return `${learners} learners, render: ${describeBreakdown(figures.traced.get(cohort))}${all ? `; ${learners} learners, "Show all": ${describeBreakdown(all)}` : ''}`;
				})
				.join('; ')}.`,
			`Setup took ${seconds(setupMs)} (publish ${seconds(world.publishMs)}; accounts made by the benchmark hook, then each learner joined and pushed through the app's routes, ${world.workers} at a time: ${seconds(world.learnersMs)}).`,
			"Server time is measured from Node on loopback, request to last byte, by the tutor, after one warm-up, asking for gzip as browsers do, in pairs: a read after the tutor changed a threshold (the server builds the answer, as it does after a join or a leave; after a push it patches the answer it kept, timed by bench/dashboard-read-ab.ts) and a read of the same state (the answer it kept); PocketBase's CPU is its process's user + system time from /proc around each read, averaged; the answer is what the events add up to, learner by lesson (pb_hooks/lib/dashboard.js), not the events. The previous column is the same measure on 2026-11-27, when the answer was every event (uncompressed) and the page derived the grid from them.",
			"Render is from the mark clyde:dashboard-data (the progress answer parsed) to clyde:dashboard-painted (the next frame after the grid's rows are in the DOM), both taken in the page by the benchmark's init script; the full open is navigation start to that frame (app boot from the service worker, the tutor check, the fetch, the render). Chromium 1280×800; throttling is DevTools' CPU throttling (Emulation.setCPUThrottlingRate); the goals are judged at 4×.",
			`Load average (1 min) on this shared machine: ${load.map((l) => l.toFixed(1)).join(' at the start, ')} at the end.`
		].join(' ')
	};
}

const ACTIVITY_NAMES: [Activity, string][] = [
	['script', 'script (the derivation, and Svelte building the DOM)'],
	['gc', 'garbage collection'],
	['style', 'style'],
	['layout', 'layout'],
	['paint', 'paint and compositing'],
	['other', 'other']
];

/** A traced render by activity, as shares of its main thread's time. */
function describeBreakdown(traced: Breakdown | undefined): string {
	if (!traced) return 'not traced';
	const busy = Object.values(traced.ms).reduce((sum, n) => sum + n, 0);
	const shares = ACTIVITY_NAMES.map(
		([key, name]) => `${name} ${Math.round((100 * traced.ms[key]) / busy)}%`
	).join(', ');
	return `of ${ms(traced.total)} traced, ${shares}`;
}

function verdict(what: string, values: number[], goal: number): string {
	const value = median(values);
	const limit = goal >= 1000 ? `${goal / 1000} s` : `${goal} ms`;
	return `${what} ${ms(value)} at ${GOAL_RATE}× (${value <= goal ? 'within' : 'over'} ≤ ${limit})`;
}
