import { i18n } from '$lib/i18n/i18n.svelte';

// A single-page app: every screen renders in the browser from IndexedDB and the precached
// shell, so that it works with no network at all.
export const ssr = false;
export const prerender = false;

// The first paint waits for the learner's language: one small precached file, chosen by the
// learner's saved choice or the browser's languages (never the URL or a cookie: the shell is
// static and works offline).
let started: Promise<void> | undefined;
export const load = async (): Promise<void> => {
	started ??= i18n.start(localStorageIfAllowed(), navigator.languages);
	await started;
};

function localStorageIfAllowed(): Storage | undefined {
	try {
		return window.localStorage;
	} catch {
		return undefined; // blocked storage throws on access
	}
}
