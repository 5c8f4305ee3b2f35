/** What the drafts route answers a save with (pb_hooks/lib/drafts.js). */
export type DraftSaveResult =
	{ ok: true; version: number } | { ok: false; conflict: DraftConflict };

/**
 * A save refused because another editor saved the file since this text's base version. Both
 * texts are here (and the refused one is kept on the server): the editor compares and
 * chooses, or merges, and saves on `theirs.version`.
 */
export interface DraftConflict {
	message: string;
	file: string;
	yours: { text: string; baseVersion: number };
	theirs: { text: string; version: number; authorName: string; updated: string };
}

/** A draft as the server keeps it: the whole file's text and its version. */
export interface Draft {
	file: string;
	text: string;
	version: number;
	authorName: string;
	updated: string;
}
