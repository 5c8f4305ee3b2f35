import type { BrowserContext } from 'playwright-core';

/**
 * The two moments a render is timed between, marked in the page by the benchmark, so that
 * the app carries no benchmark code: clyde:dashboard-data once the dashboard's progress
 * answer is parsed, and clyde:dashboard-painted at the next frame after the grid's rows are
 * in the DOM. An init script: it runs before the app in every page load.
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
		const grid = new MutationObserver(() => {
			if (!document.querySelector('.cohort-grid tbody tr')) return;
			grid.disconnect();
			requestAnimationFrame(() => setTimeout(() => performance.mark('clyde:dashboard-painted')));
		});
		grid.observe(document, { childList: true, subtree: true });
	});
}
