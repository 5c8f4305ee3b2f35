import { browser } from '$app/environment';
import { i18n, startingLocale } from '$lib/i18n/i18n.svelte';

// A single-page app: every screen renders in the browser from IndexedDB and the precached
// shell, so that it works with no network at all.
export const ssr = false;
export const prerender = false;

// The first paint waits for the learner's language: one small precached file, chosen by the
// learner's saved choice or the browser's languages (never the URL or a cookie: the shell is
// static and works offline). Asked for as soon as this module runs, while the route's own
// code is still arriving, rather than when SvelteKit calls load once it all has.
// (Only in the browser: the build reads this module's page options in Node.)
const started = browser
	? i18n.start(localStorageIfAllowed(), navigator.languages)
	: Promise.resolve();
// On a first visit online the screen's content is asked for now too, not once the data layer
// has arrived (first-requests.ts). Imported here, its code (shared with the data layer) would
// be on every first paint's critical path (tests/integration/critical-path.test.ts).
if (browser) {
	const { locale } = startingLocale(localStorageIfAllowed(), navigator.languages);
	import('$lib/api/first-requests')
		.then(({ askEarlyOnFirstVisit }) => askEarlyOnFirstVisit(location.pathname, locale))
		.catch(() => {});
}
// Reported through load (the error page); this only keeps an early failure from being unhandled.
started.catch(() => {});
export const load = async (): Promise<void> => {
	await started;
};

function localStorageIfAllowed(): Storage | undefined {
	try {
		return window.localStorage;
	} catch {
		return undefined; // blocked storage throws on access
	}
}
