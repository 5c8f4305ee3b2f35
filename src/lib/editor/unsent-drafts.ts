import Dexie, { type EntityTable } from 'dexie';

/** A file's text typed in the editor that the server has not confirmed yet. */
export interface UnsentDraft {
	/** The user it belongs to and the file: one editor's words never go out as another's. */
	key: string;
	user: string;
	file: string;
	text: string;
	baseVersion: number;
	at: string;
}

export type EditorDatabase = Dexie & { unsent: EntityTable<UnsentDraft, 'key'> };

/**
 * The editor's own small database, apart from the learner's (src/lib/db/): it is opened only
 * on /editor, and a learner's phone never has it.
 */
export function openEditorDatabase(name = 'clyde-editor'): EditorDatabase {
	const db = new Dexie(name) as EditorDatabase;
	db.version(1).stores({ unsent: 'key, user' });
	return db;
}

const keyOf = (user: string, file: string) => `${user}\n${file}`;

export function keepUnsent(
	db: EditorDatabase,
	user: string,
	file: string,
	text: string,
	baseVersion: number,
	now = new Date()
): Promise<string> {
	const key = keyOf(user, file);
	return db.unsent.put({ key, user, file, text, baseVersion, at: now.toISOString() });
}

/** The server has `text`: forget the device's copy, unless it has been edited since. */
export function forgetUnsent(
	db: EditorDatabase,
	user: string,
	file: string,
	text: string
): Promise<void> {
	const key = keyOf(user, file);
	return db.transaction('rw', db.unsent, async () => {
		const row = await db.unsent.get(key);
		if (row?.text === text) await db.unsent.delete(key);
	});
}

/** What this user typed that never reached the server, by file. */
export async function unsentOf(
	db: EditorDatabase,
	user: string
): Promise<Map<string, UnsentDraft>> {
	const rows = await db.unsent.where('user').equals(user).toArray();
	return new Map(rows.map((row) => [row.file, row]));
}
