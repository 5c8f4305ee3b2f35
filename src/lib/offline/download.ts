import type { ContentApi } from '$lib/api/content';
import type { CatalogPathway } from '$lib/content/catalog-types';
import type { ClydeDatabase } from '$lib/db/database';
import { isQuotaError, StorageFullError } from '$lib/db/storage-full';

const BATCH = 5;

/**
 * Downloads the lessons of a pathway that are missing or changed, a few at a time, each batch
 * in its own transaction: an interrupted download keeps what it stored, and calling this
 * again fetches only the rest. It stops with the API's errors (`$lib/api/http`), or
 * StorageFullError when the phone is full. Once every lesson is stored it marks the download
 * finished, so a lesson published later reads as an update, not as a download cut short.
 */
export async function downloadPathway(
	db: ClydeDatabase,
	api: ContentApi,
	pathway: CatalogPathway,
	onProgress: (doneBytes: number, totalBytes: number) => void = () => {},
	now = new Date()
): Promise<void> {
	const before = await db.downloads.get(pathway.id);
	await db.downloads.put({
		pathway: pathway.id,
		requestedAt: now.toISOString(),
		...(before?.finishedAt && { finishedAt: before.finishedAt })
	});
	const lessons = pathway.modules.flatMap((m) => m.lessons);
	const total = lessons.reduce((sum, l) => sum + l.bytes, 0);
	const stored = new Map(
		(await db.lessons.where('pathway').equals(pathway.id).toArray()).map((l) => [l.id, l.hash])
	);
	const todo = lessons.filter((l) => stored.get(l.id) !== l.hash);
	let done = total - todo.reduce((sum, l) => sum + l.bytes, 0);
	onProgress(done, total);
	for (let i = 0; i < todo.length; i += BATCH) {
		const batch = todo.slice(i, i + BATCH);
		const fetched = await api.lessons(batch.map((l) => l.id));
		try {
			await db.lessons.bulkPut(fetched);
		} catch (error) {
			throw isQuotaError(error) ? new StorageFullError() : error;
		}
		done += batch.reduce((sum, l) => sum + l.bytes, 0);
		onProgress(done, total);
	}
	await db.downloads.update(pathway.id, { finishedAt: new Date().toISOString() });
}

/** Frees the space of a downloaded pathway. Progress events are never touched. */
export async function removeDownload(db: ClydeDatabase, pathwayId: string): Promise<void> {
	await db.transaction('rw', db.lessons, db.downloads, async () => {
		await db.lessons.where('pathway').equals(pathwayId).delete();
		await db.downloads.delete(pathwayId);
	});
}

/** Which lessons are stored, and their hashes, without reading any lesson's HTML. */
export async function storedHashes(db: ClydeDatabase): Promise<Map<string, string>> {
	const keys = (await db.lessons.orderBy('[id+hash]').keys()) as unknown as [string, string][];
	return new Map(keys);
}
