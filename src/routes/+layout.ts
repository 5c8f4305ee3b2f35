// A single-page app: every screen renders in the browser from IndexedDB and the precached
// shell, so that it works with no network at all.
export const ssr = false;
export const prerender = false;
