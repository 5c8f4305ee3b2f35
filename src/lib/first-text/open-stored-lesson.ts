import { findLesson, type LessonPlace } from '$lib/catalog/find';
import type { CatalogPathway, MediaItem, StoredLesson } from '$lib/content/catalog-types';
import { isQuotaError, StorageFullError } from '$lib/db/storage-full';
import type { ProgressEvent } from '$lib/progress/event-types';
import { addOpenedEvent, OPENED_STORES } from './add-opened-event';
import { committed, request } from './idb-request';

/**
 * A downloaded lesson, its place in the stored catalog (not yet localised), its pictures, and
 * its "opened" event: on disk, or why it could not be written (StorageFullError on a full phone).
 */
export interface StoredLessonOpen {
	place: LessonPlace;
	catalog: CatalogPathway[];
	lesson: StoredLesson;
	pictures: Map<string, MediaItem>;
	opened: { event: ProgressEvent } | { error: unknown };
}

const READ = ['catalog', 'lessons', 'media'] as const;

/**
 * Opens one downloaded lesson by its URL slugs straight from the app's IndexedDB, without
 * Dexie: on a cold open its text is shown before the app's data layer is loaded, since every
 * function a page calls is compiled again on every open (docs/benchmarks.md, issue 13). In the
 * same transaction it records that the lesson was opened (add-opened-event.ts), and resolves
 * once that is on disk, so the text is never on screen with its open unrecorded.
 * Undefined when the phone does not hold it (or holds no database yet: none is created here,
 * so Dexie later creates it with its schema). The connection is closed at once.
 */
export async function openStoredLesson(
	slugs: { pathway: string; module: string; lesson: string },
	name = 'clyde',
	now = new Date()
): Promise<StoredLessonOpen | undefined> {
	const db = await openExisting(name);
	if (!db) return undefined;
	try {
		const names = [...READ, ...OPENED_STORES];
		if (!names.every((store) => db.objectStoreNames.contains(store))) return undefined;
		const tx = db.transaction(names, 'readwrite');
		const done = committed(tx);
		const read = await readLesson(tx, slugs).catch(() => undefined);
		if (!read) {
			// Nothing to record: nothing written. (A failed read has rolled it back already.)
			if (!tx.error) tx.abort();
			await done.catch(() => {});
			return undefined;
		}
		const writing = addOpenedEvent(tx, read.place, now);
		const opened = await Promise.all([writing, done]).then(
			([event]) => ({ event }),
			(error: unknown) => ({ error: isQuotaError(error) ? new StorageFullError() : error })
		);
		return { ...read, opened };
	} finally {
		db.close();
	}
}

async function readLesson(
	tx: IDBTransaction,
	slugs: { pathway: string; module: string; lesson: string }
): Promise<Omit<StoredLessonOpen, 'opened'> | undefined> {
	const rows = await request<CatalogPathway[]>(tx.objectStore('catalog').getAll());
	const catalog = rows.sort((a, b) => a.position - b.position);
	const place = findLesson(catalog, slugs.pathway, slugs.module, slugs.lesson);
	if (!place) return undefined;
	const lesson = await request<StoredLesson | undefined>(
		tx.objectStore('lessons').get(place.lesson.id)
	);
	// A damaged row is the lesson screen's to explain: only a readable one is shown early.
	if (!lesson || typeof lesson.html !== 'string' || typeof lesson.title !== 'string')
		return undefined;
	const media = tx.objectStore('media');
	const pictures = new Map<string, MediaItem>();
	for (const ref of lesson.media ?? []) {
		const item = await request<MediaItem | undefined>(media.get([lesson.pathway, ref.hash]));
		if (item) pictures.set(ref.hash, item);
	}
	return { place, catalog, lesson, pictures };
}

function openExisting(name: string): Promise<IDBDatabase | undefined> {
	return new Promise((resolve) => {
		const open = indexedDB.open(name);
		// No database yet: aborting the upgrade leaves none behind (the open then fails).
		open.onupgradeneeded = () => open.transaction?.abort();
		open.onsuccess = () => {
			// A newer app version upgrading the schema must never wait for this connection.
			open.result.onversionchange = () => open.result.close();
			resolve(open.result);
		};
		open.onerror = () => resolve(undefined);
		open.onblocked = () => resolve(undefined);
	});
}
