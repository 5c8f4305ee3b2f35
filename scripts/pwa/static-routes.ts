/** Where the snippet starts in sw.js (a comment survives: this runs after minifying). */
export const STATIC_ROUTES_MARKER =
	'/* clyde: precached code from Cache Storage, the worker not run */';

/**
 * The precached files whose cache key is their own address: Workbox keys an entry with a
 * revision as `url?__WB_REVISION__=…`, which a request never asks for, so only the hashed files
 * (`revision:null`, dontCacheBustURLsMatching in vite.config.ts) can be answered by address.
 */
export function routableFiles(serviceWorker: string): string[] {
	const entries = serviceWorker.matchAll(/\{url:"(_app\/immutable\/[^"]+)",revision:null[,}]/g);
	return [...new Set([...entries].map((m) => `/${m[1]}`))];
}

/**
 * Code that, when the worker installs, asks the browser (Chromium's Static Routing API,
 * `InstallEvent.addRoutes`) to answer each precached hashed file straight from Workbox's
 * precache. A cold open then waits for the worker only for the page itself: the ~30 files
 * after it no longer each pass through the worker's fetch handler. Files the worker caches on
 * first use (the exercise editor, the badge: `clyde-code`) are not listed and still reach the
 * handler, so they are still kept. A listed file missing from the cache goes to the network, as
 * Workbox's precache route would. The routes belong to this version of the worker: an update
 * brings its own list with its own precache. Browsers without the API ignore it.
 */
export function staticRoutesCode(files: readonly string[]): string {
	return `${STATIC_ROUTES_MARKER}
self.addEventListener('install', (event) => {
	if (typeof event.addRoutes !== 'function') return;
	const files = ${JSON.stringify(files)};
	const rule = {
		condition: { or: files.map((pathname) => ({ urlPattern: { pathname } })) },
		source: { cacheName: 'workbox-precache-v2-' + self.registration.scope }
	};
	// A browser that refuses the rule (an older form of the API) keeps the worker's own route:
	// the install must not fail for it.
	try {
		event.waitUntil(event.addRoutes(rule).catch(() => {}));
	} catch {}
});
`;
}

/** sw.js with staticRoutesCode for its precached hashed files appended. */
export function withStaticRoutes(serviceWorker: string): string {
	if (serviceWorker.includes(STATIC_ROUTES_MARKER)) {
		throw new Error('sw.js already has its static routes: build again first');
	}
	const files = routableFiles(serviceWorker);
	if (files.length === 0) throw new Error('sw.js precaches no file under /_app/immutable/');
	return `${serviceWorker}\n${staticRoutesCode(files)}`;
}
