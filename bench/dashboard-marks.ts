import type { BrowserContext } from 'playwright-core';

/**
 * The moments a render is timed between, marked in the page by the benchmark, so that
 * the app carries no benchmark code: clyde:dashboard-data once the dashboard's progress
 * answer is parsed, clyde:dashboard-painted at the next frame after the grid's rows are
 * in the DOM, and clyde:dashboard-complete at the next frame after the rows in the viewport
 * have all their cells. An init script: it runs before the app in every page load.
 */
export async function installDashboardMarks(context: BrowserContext): Promise<void> {
	await context.addInitScript(() => {
		const fetch = window.fetch.bind(window);
		window.fetch = async (...args: Parameters<typeof window.fetch>) => {
			const response = await fetch(...args);
			const url = args[0] instanceof Request ? args[0].url : String(args[0]);
			if (/\/api\/clyde\/cohorts\/[^/]+\/progress/.test(url)) {
				const json = response.json.bind(response);
				response.json = async () => {
					const body: unknown = await json();
					performance.mark('clyde:dashboard-data');
					return body;
				};
			}
			return response;
		};
		// The grid may make a row's lesson cells only once the row is near the viewport, a frame
		// or more after the row (td.later holds their place): complete is the next frame after
		// every row in the viewport has them. Checked at each frame's start, before its own
		// layout, which the check then does early rather than again.
		// A property, not a named const: tsx keeps function names with a helper (__name) that the
		// page does not have, and an init script is sent to the page as its source.
		const frame: { complete?: () => void } = {};
		frame.complete = () => {
			const height = window.innerHeight;
			const waiting = [...document.querySelectorAll('.cohort-grid tbody tr')].some((row) => {
				const box = row.getBoundingClientRect();
				return box.bottom > 0 && box.top < height && row.querySelector('td.later');
			});
			if (waiting && frame.complete) requestAnimationFrame(frame.complete);
			else setTimeout(() => performance.mark('clyde:dashboard-complete'));
		};
		const grid = new MutationObserver(() => {
			if (!document.querySelector('.cohort-grid tbody tr')) return;
			grid.disconnect();
			requestAnimationFrame(() => setTimeout(() => performance.mark('clyde:dashboard-painted')));
			if (frame.complete) requestAnimationFrame(frame.complete);
		});
		grid.observe(document, { childList: true, subtree: true });
	});
}
