// The script of /runner (runner.html), the sandboxed frame learner code runs in
// (docs/exercises.md). It is bundled into the page at build time (scripts/build/runner-page.ts)
// because its CSP allows inline scripts only. It shows the learner's page in a srcdoc child
// frame. That child has an opaque origin of its own (the sandbox passes down), so the checks run
// inside it (page-checker.ts, whose bundle the build hands in) and come back as messages.
import type { Check, CheckResult } from '../types';
import { CHECK_TIMEOUT_MS, HEARTBEAT_MS, type FromRunner, type ToRunner } from './protocol';

declare const __CLYDE_PAGE_CHECKER__: string;

let current = 0;
const app = window.parent;

function post(message: FromRunner): void {
	// The app's origin cannot be named from an opaque one; the app checks that it is us.
	app.postMessage(message, '*');
}

/** JSON that cannot end the <script> it sits in. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * A new child frame with the page; `shown` replaces the one on screen, others are off stage.
 * With checks, the page checks itself and the promise gives its results.
 */
function load(
	html: string,
	title: string,
	shown: boolean,
	checks?: Check[]
): Promise<CheckResult[]> {
	const frame = document.createElement('iframe');
	frame.title = title;
	if (!shown) frame.className = 'offstage';
	const extra = checks
		? `<script>window.__clydeChecks=${scriptJson(checks)};${__CLYDE_PAGE_CHECKER__}</script>`
		: '';
	const done = new Promise<CheckResult[]>((resolve) => {
		const onMessage = (event: MessageEvent) => {
			if (event.source !== frame.contentWindow) return;
			const data = event.data as { clyde?: string; results?: CheckResult[] };
			if (data.clyde === 'loop-stopped') post({ type: 'loop-stopped', id: current });
			if (data.clyde === 'results' && Array.isArray(data.results)) {
				window.removeEventListener('message', onMessage);
				resolve(data.results);
			}
		};
		window.addEventListener('message', onMessage);
		if (!checks) frame.addEventListener('load', () => resolve([]), { once: true });
	});
	if (shown) for (const old of document.querySelectorAll('iframe')) old.remove();
	frame.srcdoc = html + extra;
	document.body.append(frame);
	return done;
}

/**
 * The checks that look at the page share one copy, shown on screen; each click check gets a
 * fresh copy of its own, so that clicks cannot change what other checks see.
 */
async function check(html: string, title: string, checks: Check[]): Promise<CheckResult[]> {
	const groups: number[][] = [[]];
	checks.forEach((c, index) => {
		if (c.type === 'click-adds' || c.type === 'after-click') groups.push([index]);
		else groups[0]?.push(index);
	});
	const results: CheckResult[] = [];
	for (const [n, group] of groups.entries()) {
		if (n > 0 && group.length === 0) continue;
		const subset = group.map((i) => checks[i] as Check);
		// A page whose own code stops the checks from answering fails them, after a while.
		const silent = new Promise<CheckResult[]>((resolve) =>
			setTimeout(
				() => resolve(subset.map((c, i) => ({ index: i, passed: false, message: c.message }))),
				CHECK_TIMEOUT_MS
			)
		);
		const found = await Promise.race([load(html, title, n === 0, subset), silent]);
		for (const result of found) {
			const index = group[result.index];
			if (index !== undefined) results[index] = { ...result, index };
		}
	}
	for (const frame of document.querySelectorAll('iframe.offstage')) frame.remove();
	return results.filter(Boolean);
}

window.addEventListener('message', (event: MessageEvent<ToRunner>) => {
	if (event.source !== app) return;
	const message = event.data;
	current = message.id;
	if (message.type === 'show') {
		void load(message.html, message.title, true).then(() =>
			post({ type: 'shown', id: message.id })
		);
	} else if (message.type === 'check') {
		void check(message.html, message.title, message.checks).then((results) =>
			post({ type: 'results', id: message.id, results })
		);
	}
});

setInterval(() => post({ type: 'heartbeat' }), HEARTBEAT_MS);
post({ type: 'ready' });
