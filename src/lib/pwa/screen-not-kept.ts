/**
 * Whether an error is a screen's code that could not be fetched: a route whose code is not in
 * the precache (vite.config.ts, NOT_PRECACHED) opened offline before it was ever opened online.
 * Each browser words a failed `import()` its own way (Chromium, Firefox, Safari).
 */
export function isScreenNotKept(error: unknown): boolean {
	return (
		error instanceof TypeError &&
		/dynamically imported module|Importing a module script failed/i.test(error.message)
	);
}

/** The error message SvelteKit's error page is given for such a screen (hooks.client.ts). */
export const SCREEN_NOT_KEPT = 'screen-not-kept';
