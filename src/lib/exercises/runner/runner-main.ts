// The script of /runner.html, the sandboxed frame learner code runs in (docs/exercises.md). It
// is bundled into the page at build time (scripts/build/runner-page.ts) because its CSP allows
// inline scripts only. It puts the learner's page in a child frame of its own: a srcdoc child
// shares the runner's opaque origin, CSP and sandbox, so the runner can read its DOM to check it.
import { runChecks, type LoadedPage } from '../run-checks';
import { HEARTBEAT_MS, type FromRunner, type ToRunner } from './protocol';

let current = 0;
const app = window.parent;

function post(message: FromRunner): void {
	// The app's origin cannot be named from an opaque one; the app checks that it is us.
	app.postMessage(message, '*');
}

(window as unknown as Record<string, unknown>).__clydeLoopStopped = () =>
	post({ type: 'loop-stopped', id: current });

/** A new frame with the page, loaded; `shown` frames replace the one on screen. */
function load(html: string, shown: boolean): Promise<LoadedPage> {
	const frame = document.createElement('iframe');
	frame.title = 'Your page';
	if (!shown) frame.className = 'offstage';
	const loaded = new Promise<LoadedPage>((resolve) => {
		frame.addEventListener(
			'load',
			() => resolve({ document: frame.contentDocument!, window: frame.contentWindow! }),
			{ once: true }
		);
	});
	if (shown) for (const old of document.querySelectorAll('iframe')) old.remove();
	frame.srcdoc = html;
	document.body.append(frame);
	return loaded;
}

window.addEventListener('message', (event: MessageEvent<ToRunner>) => {
	if (event.source !== app) return;
	const message = event.data;
	current = message.id;
	if (message.type === 'show') {
		void load(message.html, true).then(() => post({ type: 'shown', id: message.id }));
	} else if (message.type === 'check') {
		let first = true;
		void runChecks(message.checks, () => {
			const page = load(message.html, first);
			first = false;
			return page;
		}).then((results) => {
			for (const frame of document.querySelectorAll('iframe.offstage')) frame.remove();
			post({ type: 'results', id: message.id, results });
		});
	}
});

setInterval(() => post({ type: 'heartbeat' }), HEARTBEAT_MS);
post({ type: 'ready' });
