import type { BrowserContext, Page } from 'playwright-core';

/** A CSP violation as the page saw it. */
export interface Violation {
	directive: string;
	blocked: string;
}

/**
 * Records every Content-Security-Policy violation in each page of the context, and gives each
 * page `__xss(n)`, which injected payloads call if they ever run. The init script is put in
 * by the browser itself (DevTools protocol), so the page's own CSP does not stop it.
 */
export async function watchScript(context: BrowserContext): Promise<void> {
	await context.addInitScript(() => {
		const w = window as unknown as { __ran: number[]; __xss(n: number): void; __csp: unknown[] };
		w.__ran = [];
		w.__csp = [];
		w.__xss = (n) => w.__ran.push(n);
		document.addEventListener('securitypolicyviolation', (e) =>
			w.__csp.push({ directive: e.effectiveDirective, blocked: e.blockedURI })
		);
	});
}

/** What ran and what the CSP blocked in this page so far. */
export function scriptReport(page: Page): Promise<{ ran: number[]; violations: Violation[] }> {
	return page.evaluate(() => {
		const w = window as unknown as { __ran?: number[]; __csp?: Violation[] };
		return { ran: w.__ran ?? [], violations: w.__csp ?? [] };
	});
}

/** Splits a Content-Security-Policy header into its directives: {"script-src": ["'self'"]}. */
export function parsePolicy(policy: string): Record<string, string[]> {
	const directives: Record<string, string[]> = {};
	for (const part of policy.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name) directives[name.toLowerCase()] = sources;
	}
	return directives;
}
