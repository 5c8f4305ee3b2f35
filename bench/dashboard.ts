import { loadavg } from 'node:os';
import { launchChromium } from '../scripts/browser/chromium';
import type { Catalog, CatalogPathway } from '../src/lib/content/catalog-types';
import { TEST_ADMIN } from '../tests/support/pocketbase';
import { api } from './api';
import type { Benchmark } from './benchmark';
import { addLearners, setUpTutor } from './dashboard-accounts';
import { measureBrowser, signIn } from './dashboard-browser';
import { installDashboardMarks } from './dashboard-marks';
import { PATHWAY, publishWithBenchPathway } from './dashboard-pathway';
import { report } from './dashboard-report';
import { deriveInNode, serverTime, type ServerTime } from './dashboard-server';
import { EVENTS_EACH, LEARNERS, SMALL, type Measured } from './dashboard-sizes';

/**
 * The tutor's dashboard at the size of a real class (30 learners × 60 lessons) and of a whole
 * centre (500 learners, 100 events each), against the bench's real server:
 * - the server's time to answer the dashboard's one read (GET /api/clyde/cohorts/:id/progress),
 *   from Node, with the answer's size;
 * - in Chromium, the render (the progress answer's arrival to the next frame after the grid is
 *   in the DOM, both marked in the page by dashboard-marks.ts) and the full open of /tutor/<cohort> (navigation start
 *   to that frame: app boot, the tutor check, the fetch and the render), at 1× and 4× CPU;
 * - a live update: from a learner's push being answered to the tutor's grid showing it.
 * The world is made through the app's own API first (dashboard-accounts.ts).
 */
export const dashboard: Benchmark = {
	id: 'dashboard',
	title: 'Tutor dashboard: 30 and 500 learners × 60 lessons',
	async run({ url, runs, pid }) {
		runs = Math.max(runs, 5);
		const load = [loadavg()[0] ?? 0];
		const admin = await api<{ token: string }>(url, '/api/admins/auth-with-password', {
			body: { identity: TEST_ADMIN.email, password: TEST_ADMIN.password }
		});
		const started = performance.now();
		const side = await setUpTutor(url, admin.token, { learners: LEARNERS, small: SMALL });
		const browser = await launchChromium({ viewport: { width: 1280, height: 800 } });
		try {
			await installDashboardMarks(browser.context);
			// The tutor signs in before the long part of the setup: from then on the service
			// worker serves the app, so a rebuild of build/ meanwhile (others share this
			// checkout) cannot leave the server's CSP and the page out of step.
			const page = await browser.context.newPage();
			await signIn(page, url, side.tutor.email, side.password);
			const world = await addLearners(url, admin.token, side, {
				learners: LEARNERS,
				small: SMALL,
				eventsEach: EVENTS_EACH,
				seed: 6,
				workers: Number(process.env.DASHBOARD_WORKERS ?? 3)
			});
			const setupMs = performance.now() - started;
			const cohorts: Measured[] = [
				{ cohort: world.small.id, learners: SMALL },
				{ cohort: world.big.id, learners: LEARNERS }
			];
			const pathway = await benchPathway(url);
			// One cohort after the other: two reads at once would time each other.
			const server: ServerTime[] = [];
			for (const measured of cohorts)
				server.push(await serverTime(url, world, measured, runs, pid));
			const derivation = server.map(({ progress }) => deriveInNode(pathway, progress, runs));
			const figures = await measureBrowser(page, url, world, cohorts, runs);
			load.push(loadavg()[0] ?? 0);
			return report({ world, setupMs, runs, cohorts, server, derivation, figures, load });
		} finally {
			await browser.close();
			// The other benchmarks expect the bundled content alone in the catalog.
			await publishWithBenchPathway(url, admin.token, false);
		}
	}
};

async function benchPathway(url: string): Promise<CatalogPathway> {
	const catalog = await api<Catalog>(url, '/api/clyde/catalog');
	const pathway = catalog.pathways.find((p) => p.id === PATHWAY);
	if (!pathway) throw new Error(`the catalog does not list ${PATHWAY}`);
	return pathway;
}
