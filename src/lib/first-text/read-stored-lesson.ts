import { findLesson, type LessonPlace } from '$lib/catalog/find';
import type { CatalogPathway, MediaItem, StoredLesson } from '$lib/content/catalog-types';

/** A downloaded lesson, its place in the stored catalog (not yet localised) and its pictures. */
export interface StoredLessonRead {
	place: LessonPlace;
	catalog: CatalogPathway[];
	lesson: StoredLesson;
	pictures: Map<string, MediaItem>;
}

/**
 * Reads one downloaded lesson by its URL slugs straight from the app's IndexedDB, without
 * Dexie: on a cold open its text is shown before the app's data layer is loaded, since every
 * function a page calls is compiled again on every open (docs/benchmarks.md, issue 13).
 * Undefined when the phone does not hold it (or holds no database yet: none is created here,
 * so Dexie later creates it with its schema). Read-only; the connection is closed at once.
 */
export async function readStoredLesson(
	slugs: { pathway: string; module: string; lesson: string },
	name = 'clyde'
): Promise<StoredLessonRead | undefined> {
	const db = await openExisting(name);
	if (!db) return undefined;
	try {
		const names = ['catalog', 'lessons', 'media'];
		if (!names.every((store) => db.objectStoreNames.contains(store))) return undefined;
		const tx = db.transaction(names, 'readonly');
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
	} finally {
		db.close();
	}
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

function request<T>(req: IDBRequest): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result as T);
		req.onerror = () => reject(req.error ?? new Error('IndexedDB read failed'));
	});
}
