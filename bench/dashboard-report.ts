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
	SMALL,
	type Measured
} from './dashboard-sizes';
import { kb, ms, seconds, spread } from './format';
import { median } from './stats';
import type { Activity, Breakdown } from './trace-breakdown';

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
	const verdicts: string[] = [];
	cohorts.forEach(({ cohort, learners }, c) => {
		const name = `${learners} learners`;
		const answer = server[c] as ServerTime;
		rows.push([
			name,
			'server: dashboard read (Node → last byte)',
			spread(answer.ms),
			'—',
			`${Math.max(10, runs)}; answer ${kb(answer.bytes, 0)} (${answer.progress.events.length} events)`
		]);
		const derived = derivation[c] as Derivation;
		rows.push([
			name,
			'derivation in Node (buildDashboard, sort, chart), 1×: first run; warm runs',
			`${ms(derived.cold)}; ${spread(derived.warm)}`,
			'—',
			`1; ${derived.warm.length}`
		]);
		for (const rate of RATES) {
			const timed = figures.opens.get(cohort)?.get(rate);
			if (!timed) continue;
			const goal = rate === GOAL_RATE ? GOALS[learners] : undefined;
			const shown = timed.rows < learners ? `the first ${timed.rows} rows` : 'every row';
			rows.push([
				name,
				`data arrived (navigation → progress answer parsed), ${rate}× CPU`,
				spread(timed.toData),
				'—',
				String(runs)
			]);
			rows.push([
				name,
				`render (data → grid painted, ${shown}), ${rate}× CPU`,
				spread(timed.render),
				goal ? `≤ ${goal} ms` : '—',
				String(runs)
			]);
			rows.push([
				name,
				`full open of /tutor/<cohort>, ${rate}× CPU`,
				spread(timed.full),
				'—',
				String(runs)
			]);
			if (timed.showAll.length) {
				rows.push([
					name,
					`"Show all" (click → all ${learners} rows painted), ${rate}× CPU`,
					spread(timed.showAll),
					goal ? `≤ ${goal} ms` : '—',
					String(timed.showAll.length)
				]);
			}
			if (goal) {
				verdicts.push(verdict(`${name}: render (${shown})`, timed.render, goal));
				if (timed.showAll.length) {
					verdicts.push(verdict(`${name}: "Show all"`, timed.showAll, goal));
				}
			}
		}
	});
	for (const rate of RATES) {
		const times = figures.live.get(rate) ?? [];
		rows.push([
			`${LEARNERS} learners`,
			`live update (push answered → cell shows ✓; grid by name), ${rate}× CPU`,
			spread(times),
			`≤ ${LIVE_GOAL / 1000} s`,
			String(times.length)
		]);
		if (rate === GOAL_RATE && times.length) {
			verdicts.push(verdict(`${LEARNERS} learners: live update`, times, LIVE_GOAL));
		}
	}
	const flagged = derivation.map((d, c) => `${d.flagged} of ${cohorts[c]?.learners}`).join(' and ');
	return {
		headers: ['cohort', 'measure', 'median (min–max)', 'goal', 'runs'],
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
			`Setup through the API took ${seconds(setupMs)} (publish ${seconds(world.publishMs)}; accounts made by the admin, each learner signed in, joined and pushed, ${world.workers} at a time: ${seconds(world.learnersMs)}, mostly PocketBase's bcrypt).`,
			'Server time is measured from Node on loopback, request to last byte, by the tutor, after one warm-up; PocketBase does not compress the answer. The single quiz answers are not in the answer (the dashboard counts attempts).',
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
