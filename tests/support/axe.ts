import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let source: Promise<string> | undefined;

export interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	targets: string[];
}

/**
 * Runs axe-core inside the page for WCAG 2.0, 2.1 and 2.2 A and AA rules and returns the
 * violations in a form that reads well in a failed assertion.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
	source ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
	// Evaluated over the DevTools protocol: the app's CSP rightly refuses an injected <script>.
	await page.evaluate(await source);
	return page.evaluate(async () => {
		const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
		const result = await axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }
		});
		return result.violations.map((v) => ({
			id: v.id,
			impact: v.impact ?? null,
			help: v.help,
			targets: v.nodes.map((n) => n.target.join(' '))
		}));
	});
}

/** axe-core in light, dark and high contrast, on the state on screen (switched in place). */
export async function axeInEveryTheme(page: Page): Promise<Record<string, AxeViolation[]>> {
	const found: Record<string, AxeViolation[]> = {};
	for (const theme of ['light', 'dark', 'contrast']) {
		await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
		const violations = await axeViolations(page);
		if (violations.length) found[theme] = violations;
	}
	await page.evaluate(() => (document.documentElement.dataset.theme = 'system'));
	return found;
}
