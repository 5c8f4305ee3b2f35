import type { ClydeDatabase } from '$lib/db/database';
import type { ExerciseFiles } from './types';

/**
 * What "Send my code to my tutor…" sends (docs/exercises.md): the exercise, where it is, and
 * the three files as they are now. The server checks the same shape and size
 * (pb_hooks/lib/shares.js; share-code.spec.ts checks the two agree).
 */
export interface CodeShare {
	/** The phone's id for this share: a retried send is stored once. */
	id: string;
	exercise: string;
	lesson: string;
	module: string;
	pathway: string;
	/** When the learner chose to send it, ISO 8601 UTC. */
	at: string;
	files: { html: string; css: string; js: string };
}

/** The three files together, in characters (the server's limit). */
export const MAX_SHARE_CHARS = 20000;

export interface SharePlace {
	exercise: string;
	lesson: string;
	module: string;
	pathway: string;
}

/** The share of `files` at `place`, or the number of characters over the limit. */
export function codeShare(
	place: SharePlace,
	files: ExerciseFiles,
	id: string,
	at: Date
): CodeShare | { over: number } {
	const sent = {
		html: files['index.html'] ?? '',
		css: files['style.css'] ?? '',
		js: files['script.js'] ?? ''
	};
	const size = sent.html.length + sent.css.length + sent.js.length;
	if (size > MAX_SHARE_CHARS) return { over: size - MAX_SHARE_CHARS };
	return { id, ...place, at: at.toISOString(), files: sent };
}

/**
 * Keeps code the learner chose to send to their tutor until the next sync sends it
 * (src/lib/sync/push-shares.ts): the only way a learner's code leaves the phone
 * (docs/exercises.md). Works offline like any progress. Here, not beside the sync step, so that
 * the exercise screen shares no module with the app's sync: the bundler then merged the two
 * into one chunk the root layout imports, putting Dexie on every first paint's path.
 */
export async function queueShare(db: Pick<ClydeDatabase, 'shares'>, share: CodeShare) {
	await db.shares.put(share);
}
