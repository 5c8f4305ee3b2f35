import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../scripts/browser/chromium';
import { findPocketBaseBinary } from '../scripts/pocketbase/binary';
import { freePort } from '../scripts/pocketbase/ports';
import { startPocketBase, type RunningPocketBase } from '../scripts/pocketbase/server';
import { runMain } from '../scripts/user-error';
import { hooksWith } from '../tests/support/extra-hooks';
import { axeViolations } from '../tests/support/axe';
import { lookAt } from '../tests/support/look-at';
import { RELAXED_RATE_LIMITS, startTestServer, TEST_ADMIN } from '../tests/support/pocketbase';
import { api } from './api';
import { addLearners, BENCH_HOOK, setUpTutor, type BenchCohorts } from './dashboard-accounts';
import { openDashboard, showAll, signIn } from './dashboard-browser';
import { installDashboardMarks } from './dashboard-marks';
import { EVENTS_EACH, GOAL_RATE, LEARNERS, SMALL } from './dashboard-sizes';
import { median } from './stats';
import { breakdown, traceWhile } from './trace-breakdown';

/**
 * `npx tsx bench/dashboard-ab.ts <build A> <build B> [rounds]`: the dashboard's render at 4×
 * for two builds of the app on one world, taking turns in one run, so that the load of this
 * shared machine falls on both alike (the full benchmark's runs minutes apart disagreed by
 * more than a change). The world is made once (as `npm run bench dashboard` makes it), then
 * its data dir is copied so that each build has a PocketBase of its own with the same data.
 * Per build: render of 30 learners, first view and "Show all" of 500, and one traced open of
 * each cohort (the page's CPU time between the marks, which the load disturbs less); for
 * "Show all", also to the first rows beyond the first view painted (the app may add the rest
 * over several frames).
 */
async function main(): Promise<void> {
	const [before, after, roundsArg] = process.argv.slice(2);
	if (!before || !after) throw new Error('usage: dashboard-ab.ts <build A> <build B> [rounds]');
	const builds = [resolve(before), resolve(after)];
	const rounds = Number(roundsArg ?? 3);
	const load = [loadavg()[0] ?? 0];
	const hooks = await hooksWith([BENCH_HOOK]);
	const setup = await startTestServer(builds[0], { hooksDir: hooks.dir });
	const copies: string[] = [];
	const servers: RunningPocketBase[] = [];
	try {
		const admin = await api<{ token: string }>(setup.url, '/api/admins/auth-with-password', {
			body: { identity: TEST_ADMIN.email, password: TEST_ADMIN.password }
		});
		const side = await setUpTutor(setup.url, admin.token, { learners: LEARNERS, small: SMALL });
		const world = await addLearners(setup.url, admin.token, side, {
			learners: LEARNERS,
			small: SMALL,
			eventsEach: EVENTS_EACH,
			seed: 6,
			workers: 3
		});
		await setup.stop();
		for (const build of builds) {
			const dataDir = await mkdtemp(join(tmpdir(), 'clyde-ab-'));
			await cp(setup.dataDir, dataDir, { recursive: true });
			copies.push(dataDir);
			servers.push(await serve(dataDir, build, hooks.dir));
		}
		const figures = builds.map(() => empty());
		for (let round = 0; round < rounds; round++) {
			// Taking turns, each first in every other round.
			const order = round % 2 ? [1, 0] : [0, 1];
			for (const which of order) {
				const server = servers[which] as RunningPocketBase;
				await measure(server.url, world, figures[which] as Figures);
				console.log(`ab: round ${round + 1}, ${which ? 'B' : 'A'} done, load ${loadavg()[0]}`);
			}
		}
		load.push(loadavg()[0] ?? 0);
		builds.forEach((build, i) => {
			const f = figures[i] as Figures;
			console.log(`\n${i ? 'B' : 'A'}: ${build}`);
			const { profiles, ...timed } = f;
			console.log(
				`  30 learners, whole open at 4×, self time by function (summed over ${profiles.length} opens):`
			);
			for (const [name, ms] of top(profiles, 25)) console.log(`    ${ms.toFixed(0)} ms  ${name}`);
			for (const [name, values] of Object.entries(timed).filter(([, v]) => v.length)) {
				const sorted = [...values].sort((a, b) => a - b);
				console.log(
					`  ${name}: median ${Math.round(median(values))} ms (${sorted.map(Math.round).join(', ')})`
				);
			}
		});
		console.log(`\nload average (1 min): ${load.map((l) => l.toFixed(1)).join(' → ')}`);
		// Build A too, with CLYDE_SHOTS into its `before/`, to compare the screens.
		const shots = process.env.CLYDE_SHOTS;
		if (shots) await mkdir(join(shots, 'before'), { recursive: true });
		await look((servers[0] as RunningPocketBase).url, world, shots && join(shots, 'before'));
		await look((servers[1] as RunningPocketBase).url, world, shots);
	} finally {
		for (const server of servers) await server.stop();
		await rm(setup.dataDir, { recursive: true, force: true });
		for (const dir of copies) await rm(dir, { recursive: true, force: true });
		await hooks.remove();
	}
}

interface Figures {
	/** Self time (ms) by function, of whole 30-learner opens at 4×: not a time of their own. */
	profiles: Map<string, number>[];
	small: number[];
	smallCpu: number[];
	smallScript: number[];
	/** Data to the rows in the viewport complete (the app may make cells after the rows). */
	smallComplete: number[];
	smallCompleteCpu: number[];
	bigFirst: number[];
	bigCpu: number[];
	bigComplete: number[];
	bigCompleteCpu: number[];
	showAll: number[];
	showAllCpu: number[];
	/** "Show all" clicked to the first rows beyond the first view painted. */
	showAllFirst: number[];
	showAllFirstCpu: number[];
}

function empty(): Figures {
	return {
		profiles: [],
		small: [],
		smallCpu: [],
		smallScript: [],
		smallComplete: [],
		smallCompleteCpu: [],
		bigFirst: [],
		bigCpu: [],
		bigComplete: [],
		bigCompleteCpu: [],
		showAll: [],
		showAllCpu: [],
		showAllFirst: [],
		showAllFirstCpu: []
	};
}

async function serve(dataDir: string, publicDir: string, hooksDir: string) {
	return startPocketBase({
		binary: await findPocketBaseBinary(),
		dataDir,
		publicDir,
		hooksDir,
		host: '127.0.0.1',
		port: await freePort(),
		env: RELAXED_RATE_LIMITS
	});
}

/** One round for one build: a fresh browser, signed in, two warm-up opens, then timed ones. */
async function measure(url: string, world: BenchCohorts, into: Figures): Promise<void> {
	const browser = await launchChromium({ viewport: { width: 1280, height: 800 } });
	try {
		await installDashboardMarks(browser.context);
		const page = await browser.context.newPage();
		await signIn(page, url, world.tutor.email, world.password);
		await openDashboard(page, url, world.small.id, SMALL);
		await openDashboard(page, url, world.big.id, LEARNERS);
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: GOAL_RATE });
		for (let i = 0; i < 2; i++) {
			const small = await openDashboard(page, url, world.small.id, SMALL);
			into.small.push(small.painted - small.data);
			into.smallComplete.push(small.complete - small.data);
			const big = await openDashboard(page, url, world.big.id, LEARNERS);
			into.bigFirst.push(big.painted - big.data);
			into.bigComplete.push(big.complete - big.data);
			if (big.rows < LEARNERS) {
				into.showAll.push(await showAll(page, LEARNERS));
				into.showAllFirst.push(await firstRows(page));
			}
		}
		await traced(cdp, page, url, world, into);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
		await cdp.detach();
	} finally {
		await browser.close();
	}
}

/**
 * A build at 1280, 768 and 360 px in light and dark, both cohorts: axe, and with `shots` (a
 * folder) a screenshot of the grid's first rows at each.
 */
async function look(url: string, world: BenchCohorts, shots: string | undefined): Promise<void> {
	const browser = await launchChromium({ viewport: { width: 1280, height: 900 } });
	try {
		const page = await browser.context.newPage();
		await signIn(page, url, world.tutor.email, world.password);
		for (const [cohort, learners] of [
			[world.small.id, SMALL],
			[world.big.id, LEARNERS]
		] as const) {
			await page.goto(`${url}/tutor/${cohort}`);
			await page.locator('.cohort-grid tbody tr').first().waitFor();
			const name = `tutor-dashboard-${learners}`;
			console.log(
				`ab: axe, ${learners} learners:`,
				JSON.stringify(await lookAt(page, name, WIDTHS))
			);
			if (!shots) continue;
			for (const width of WIDTHS) {
				await page.setViewportSize({ width, height: 900 });
				for (const theme of ['light', 'dark']) {
					await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
					await page.locator('.grid-controls').evaluate((e) => e.scrollIntoView());
					await page.waitForTimeout(300);
					await page.screenshot({ path: `${shots}/${name}-grid-${width}-${theme}.png` });
				}
			}
		}
		await lookAfterShowAll(page, url, world, shots);
	} finally {
		await browser.close();
	}
}

const WIDTHS = [1280, 768, 360];

/**
 * The 500-learner grid after "Show all": axe at each width, light and dark, and with
 * CLYDE_SHOTS a screenshot of rows from its middle (rows a chunk added, not the first view).
 */
async function lookAfterShowAll(
	page: Page,
	url: string,
	world: BenchCohorts,
	shots: string | undefined
): Promise<void> {
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto(`${url}/tutor/${world.big.id}`);
	await page.getByText(`Showing 50 of ${LEARNERS} learners`).waitFor();
	await showAll(page, LEARNERS);
	const found: Record<string, unknown> = {};
	for (const width of WIDTHS) {
		await page.setViewportSize({ width, height: 900 });
		for (const theme of ['light', 'dark']) {
			await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
			await page
				.locator('.cohort-grid tbody tr')
				.nth(LEARNERS / 2)
				.evaluate((e) => e.scrollIntoView({ block: 'center' }));
			await page.waitForTimeout(300);
			const violations = await axeViolations(page);
			if (violations.length) found[`${width} ${theme}`] = violations;
			if (shots) {
				const path = `${shots}/tutor-dashboard-${LEARNERS}-all-${width}-${theme}.png`;
				await page.screenshot({ path });
			}
		}
	}
	console.log(`ab: axe, ${LEARNERS} learners after "Show all":`, JSON.stringify(found));
}

async function traced(
	cdp: CDPSession,
	page: Page,
	url: string,
	world: BenchCohorts,
	into: Figures
): Promise<void> {
	const smallEvents = await traceWhile(cdp, async () => {
		await openDashboard(page, url, world.small.id, SMALL);
	});
	const small = breakdown(smallEvents, 'clyde:dashboard-data', 'clyde:dashboard-painted');
	into.smallCpu.push(small.cpu);
	into.smallCompleteCpu.push(
		breakdown(smallEvents, 'clyde:dashboard-data', 'clyde:dashboard-complete').cpu
	);
	into.smallScript.push(small.ms.script);
	into.profiles.push(await profiled(cdp, () => openDashboard(page, url, world.small.id, SMALL)));
	let partial = false;
	const events = await traceWhile(cdp, async () => {
		partial = (await openDashboard(page, url, world.big.id, LEARNERS)).rows < LEARNERS;
		if (partial) await showAll(page, LEARNERS);
	});
	into.bigCpu.push(breakdown(events, 'clyde:dashboard-data', 'clyde:dashboard-painted').cpu);
	into.bigCompleteCpu.push(
		breakdown(events, 'clyde:dashboard-data', 'clyde:dashboard-complete').cpu
	);
	if (partial) {
		into.showAllCpu.push(breakdown(events, 'bench:show-all', 'bench:all-painted').cpu);
		into.showAllFirstCpu.push(breakdown(events, 'bench:show-all', 'bench:first-rows').cpu);
	}
}

/** After `showAll`: ms from the click to the first rows beyond the first view painted. */
function firstRows(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			(performance.getEntriesByName('bench:first-rows').at(-1)?.startTime ?? NaN) -
			(performance.getEntriesByName('bench:show-all').at(-1)?.startTime ?? NaN)
	);
}

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
}

/** A CPU profile of `action`, as self time (ms) by function and where it is. */
async function profiled(cdp: CDPSession, action: () => Promise<unknown>) {
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
	await cdp.send('Profiler.start');
	await action();
	const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
		profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
	};
	const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
	const self = new Map<string, number>();
	profile.samples.forEach((id, i) => {
		const frame = nodes.get(id)?.callFrame;
		if (!frame) return;
		const file = frame.url.split('/').pop() ?? '';
		const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
		self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
	});
	return self;
}

function top(profiles: Map<string, number>[], count: number): [string, number][] {
	const sum = new Map<string, number>();
	for (const profile of profiles)
		for (const [name, ms] of profile) sum.set(name, (sum.get(name) ?? 0) + ms);
	return [...sum].sort((a, b) => b[1] - a[1]).slice(0, count);
}

runMain(main);
