// Runs in the learner's page itself, after its own scripts (the runner adds it): a sandboxed
// srcdoc frame gets an opaque origin of its own, so the runner cannot reach into it. Checks the
// page once it has loaded and posts the results to the runner, which is its parent. Learner
// code shares this page and could change what it reports: that fools only the learner, and
// never reaches the app (docs/exercises.md).
import { runChecks } from '../run-checks';
import type { Check } from '../types';

const checks = (window as unknown as { __clydeChecks: Check[] }).__clydeChecks;
const parentWindow = window.parent;

function check(): void {
	void runChecks(checks, () => Promise.resolve({ document, window })).then((results) =>
		parentWindow.postMessage({ clyde: 'results', results }, '*')
	);
}

if (document.readyState === 'complete') check();
else window.addEventListener('load', check, { once: true });
