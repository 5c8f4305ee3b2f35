import type { Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import type { ProgressEvent } from '../src/lib/progress/event-types';
import { waitForServiceWorker } from '../tests/support/learner';
import { api } from './api';
import type { BenchCohorts, Member } from './dashboard-accounts';
import { LESSONS_PER_MODULE, pathwayLessons } from './dashboard-pathway';
import { GOAL_RATE, LEARNERS, RATES, type Measured } from './dashboard-sizes';
import { breakdown, traceWhile, type Breakdown } from './trace-breakdown';

/** One cohort's opens at one CPU rate (ms), and how many rows the grid showed at first. */
export interface Opens {
	/** Navigation start to the progress answer's arrival (boot, tutor check, fetch, parse). */
	toData: number[];
	render: number[];
	full: number[];
	rows: number;
	/** Clicking "Show all" to every row painted, when the grid showed only its first rows. */
	showAll: number[];
}

export interface BrowserFigures {
	/** By cohort id, then by CPU rate. */
	opens: Map<string, Map<number, Opens>>;
	/** By CPU rate: push answered → grid changed (ms), on the 500 dashboard. */
	live: Map<number, number[]>;
	/**
	 * By cohort id (and `<id>:all` for "Show all"): where one traced render's time went, at
	 * the goals' CPU rate.
	 */
	traced: Map<string, Breakdown>;
}

export async function measureBrowser(
	page: Page,
	url: string,
	world: BenchCohorts,
	cohorts: Measured[],
	runs: number
): Promise<BrowserFigures> {
	const cdp = await page.context().newCDPSession(page);
	try {
		// Unmeasured opens: the first compiles the tutor pages' code and stores the catalog.
		for (const { cohort, learners } of cohorts) await openDashboard(page, url, cohort, learners);

		const opens: BrowserFigures['opens'] = new Map();
		const live: BrowserFigures['live'] = new Map();
		const traced: BrowserFigures['traced'] = new Map();
		let member = 0;
		for (const rate of RATES) {
			await cdp.send('Emulation.setCPUThrottlingRate', { rate });
			for (const { cohort, learners } of cohorts) {
				const timed: Opens = { toData: [], render: [], full: [], rows: 0, showAll: [] };
				for (let i = 0; i < runs; i++) {
					const open = await openDashboard(page, url, cohort, learners);
					timed.toData.push(open.data);
					timed.render.push(open.painted - open.data);
					timed.full.push(open.painted);
					timed.rows = open.rows;
					if (open.rows < learners) timed.showAll.push(await showAll(page, learners));
				}
				opens.set(cohort, (opens.get(cohort) ?? new Map()).set(rate, timed));
				// One more open, traced, to say where the time goes. Tracing slows the page, so it
				// is not among the timed runs.
				if (rate === GOAL_RATE) {
					let partial = false;
					const events = await traceWhile(cdp, async () => {
						partial = (await openDashboard(page, url, cohort, learners)).rows < learners;
						if (partial) await showAll(page, learners);
					});
					traced.set(cohort, breakdown(events, 'clyde:dashboard-data', 'clyde:dashboard-painted'));
					if (partial) {
						traced.set(`${cohort}:all`, breakdown(events, 'bench:show-all', 'bench:all-painted'));
					}
				}
			}
			// The 500 dashboard stays open for the live updates, at the same CPU rate.
			const times: number[] = [];
			await waitForRealtime(page, url, world.big.id, LEARNERS);
			// Sorted by name, a learner's row stays where it is when their progress changes; by
			// "needs help first" it could move below the rows shown.
			await page.getByLabel('Sort').selectOption({ label: 'Name' });
			const members = new Map(world.big.members.map((m) => [m.id, m]));
			for (let i = 0; i < runs; i++) {
				// A learner whose row is on screen, spread down the grid, a different one each time.
				// Rows whose lesson cells are made (the grid makes them near the viewport only).
				// Scrolled on a screen at a time until one is found: after the sort, the rows in view
				// may all be done, or their cells not made yet.
				let candidates: typeof world.big.members = [];
				for (let tries = 0; tries < 20 && candidates.length === 0; tries++) {
					if (tries > 0) {
						await page.evaluate(() => window.scrollBy(0, window.innerHeight));
						await page.waitForTimeout(300);
					}
					const shown = await page.$$eval('.cohort-grid tbody tr:has(td.cell) th a', (links) =>
						links.map((a) => (a as HTMLAnchorElement).pathname.split('/').pop() ?? '')
					);
					candidates = shown.flatMap((id) => {
						const found = members.get(id);
						return found && untouched(found) >= 0 ? [found] : [];
					});
				}
				const learner = candidates[(member++ * 7) % candidates.length];
				if (!learner) throw new Error('no learner on screen has a lesson left to complete');
				times.push(await liveUpdate(page, url, learner));
			}
			live.set(rate, times);
		}
		return { opens, live, traced };
	} finally {
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
		await cdp.detach();
	}
}

/**
 * Signs the tutor in on the Account page, as a tutor does (the session goes to IndexedDB),
 * once the service worker holds the app.
 */
export async function signIn(
	page: Page,
	url: string,
	email: string,
	password: string
): Promise<void> {
	await page.goto(`${url}/account`);
	await waitForServiceWorker(page);
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel(/^Password/).fill(password);
	await page.locator('form').getByRole('button', { name: 'Sign in' }).click();
	await page.getByText(/Signed in as/).waitFor();
}

/**
 * A full load of the dashboard; the app's marks, in ms from navigation start: the progress
 * answer's arrival, the next frame after the grid was in the DOM and the next frame after the
 * rows in view had all their cells (the first of each: a later live change marks again). Checks the grid shows every learner, or says how many of
 * them it shows (a big cohort's grid starts with its first rows).
 */
export async function openDashboard(page: Page, url: string, cohort: string, learners: number) {
	await page.goto(`${url}/tutor/${cohort}`, { waitUntil: 'commit' });
	// Polled, not per frame, so that the waiting adds little work to a throttled page.
	await page.waitForFunction(
		() => performance.getEntriesByName('clyde:dashboard-complete').length > 0,
		undefined,
		{ polling: 50, timeout: 120_000 }
	);
	const marks = await page.evaluate(() => ({
		data: performance.getEntriesByName('clyde:dashboard-data')[0]?.startTime ?? NaN,
		painted: performance.getEntriesByName('clyde:dashboard-painted')[0]?.startTime ?? NaN,
		complete: performance.getEntriesByName('clyde:dashboard-complete')[0]?.startTime ?? NaN,
		rows: document.querySelectorAll('.cohort-grid tbody tr').length,
		text: document.querySelector('main')?.textContent ?? ''
	}));
	const partial = marks.text.includes(`Showing ${marks.rows} of ${learners} learners`);
	if (marks.rows !== learners && !partial) {
		throw new Error(`the dashboard shows ${marks.rows} rows and not that it has ${learners}`);
	}
	return { data: marks.data, painted: marks.painted, complete: marks.complete, rows: marks.rows };
}

/**
 * Clicks "Show all" on a dashboard that shows its first rows, and times it in the page: from
 * the click to the next frame after every row is in the DOM. Marked, for the trace, and so is
 * the next frame after the first rows beyond those shown came (bench:first-rows; the app may
 * add the rest over several frames).
 */
export function showAll(page: Page, learners: number): Promise<number> {
	return page.evaluate(
		(learners) =>
			new Promise<number>((done, fail) => {
				const button = [...document.querySelectorAll('button')].find(
					(b) => b.textContent?.trim() === 'Show all'
				);
				const body = document.querySelector('.cohort-grid tbody');
				if (!button || !body) return fail(new Error('no "Show all" button under the grid'));
				const shown = body.querySelectorAll(':scope > tr').length;
				let first = false;
				const observer = new MutationObserver(() => {
					const rows = body.querySelectorAll(':scope > tr').length;
					if (!first && rows > shown) {
						first = true;
						requestAnimationFrame(() => setTimeout(() => performance.mark('bench:first-rows')));
					}
					if (rows < learners) return;
					observer.disconnect();
					requestAnimationFrame(() =>
						setTimeout(() => {
							performance.mark('bench:all-painted');
							done(performance.now() - start);
						})
					);
				});
				observer.observe(body, { childList: true });
				performance.mark('bench:show-all');
				const start = performance.now();
				button.click();
			}),
		learners
	);
}

/**
 * Opens the dashboard and waits until its realtime subscriptions are in place: the SDK
 * posts them to /api/realtime once the first load is done.
 */
async function waitForRealtime(page: Page, url: string, cohort: string, learners: number) {
	const subscribed = page.waitForResponse(
		(r) => r.url().endsWith('/api/realtime') && r.request().method() === 'POST',
		{ timeout: 60_000 }
	);
	await openDashboard(page, url, cohort, learners);
	await subscribed;
	// The SDK may post the subscriptions in more than one request.
	await page.waitForTimeout(1000);
}

/**
 * One learner completes a lesson they never touched: the clock starts when their push is
 * answered (in Node) and stops at the next frame after the cell shows ✓ in the tutor's grid
 * (in the page). Both are wall-clock times on this machine.
 */
async function liveUpdate(page: Page, url: string, member: Member): Promise<number> {
	const index = untouched(member);
	const place = pathwayLessons()[index];
	if (!place) throw new Error(`${member.name} has touched every lesson`);
	// The row's cells: 4 facts, then each module's lessons and its total.
	const module = Math.floor(index / LESSONS_PER_MODULE);
	const cell = 4 + module * (LESSONS_PER_MODULE + 1) + (index % LESSONS_PER_MODULE);
	await page.evaluate(
		({ learner, cell }) => {
			const grid = document.querySelector('.cohort-grid');
			if (!grid) throw new Error('no grid');
			const change = new Promise<number>((done, fail) => {
				setTimeout(() => fail(new Error('the grid did not change within a minute')), 60_000);
				const observer = new MutationObserver(() => {
					const row = grid.querySelector(`a[href$="/learners/${learner}"]`)?.closest('tr');
					if (row?.querySelectorAll('td')[cell]?.textContent !== '✓') return;
					observer.disconnect();
					// The next frame, as the page's own paint mark is taken.
					requestAnimationFrame(() =>
						setTimeout(() => done(performance.timeOrigin + performance.now()))
					);
				});
				observer.observe(grid, { childList: true, subtree: true, characterData: true });
			});
			(window as unknown as { liveChange: Promise<number> }).liveChange = change;
		},
		{ learner: member.id, cell }
	);
	const event: ProgressEvent = {
		id: uuidv7(),
		type: 'lesson_completed',
		...place,
		at: new Date().toISOString()
	};
	await api(url, '/api/clyde/sync/push', { token: member.token, body: { events: [event] } });
	const answered = performance.timeOrigin + performance.now();
	// The lesson is touched now: a later update for this learner picks another.
	member.events.push(event);
	const changed = await page.evaluate(
		() => (window as unknown as { liveChange: Promise<number> }).liveChange
	);
	return changed - answered;
}

/** The last lesson of the pathway with no event of this learner's, or -1. */
function untouched(member: Member): number {
	const touched = new Set(member.events.map((e) => e.lesson));
	return pathwayLessons().findLastIndex((p) => !touched.has(p.lesson));
}
