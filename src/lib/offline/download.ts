import type { Table } from 'dexie';
import type { ContentApi } from '$lib/api/content';
import type { CatalogPathway } from '$lib/content/catalog-types';
import { lessonBytes, lessonLanguage, wantedHash } from '$lib/content/lesson-language';
import type { ClydeDatabase } from '$lib/db/database';
import { isQuotaError, StorageFullError } from '$lib/db/storage-full';
import type { StoredLessons } from './download-state';
import { missingPictures, pathwayPictures, picturesBytes } from './pathway-pictures';

/**
 * Lessons are asked for in requests of about this many bytes (as the catalog counts them, before
 * compression): each request costs its headers and starts gzip afresh, so one request for a
 * pathway of 100 KB sends 3.4 KB less than three (docs/benchmarks.md), and one of 128 KB is
 * about 35 KB on the wire, still a step small enough to resume after on a slow line.
 */
const BATCH_BYTES = 128 * 1024;
/** What the lessons route takes at most in one request (pb_hooks/catalog.pb.js). */
const MOST_LESSONS = 50;
/**
 * What the pictures route takes at most in one request. Pictures are asked for in requests of
 * BATCH_BYTES too: Digital Essentials' 22 pictures (27 KB) in one request, not 20 and 2, send
 * a response's headers and a compressor's start less.
 */
const MOST_PICTURES = 50;

export interface DownloadOptions {
	/** Pictures too (low-data mode leaves them for the learner to ask for, one by one). */
	pictures: boolean;
	/**
	 * The learner's language: each lesson comes in it where it has a translation, else in
	 * English; a lesson kept in another language counts as missing. English when not given.
	 */
	locale?: string;
	onProgress?(doneBytes: number, totalBytes: number): void;
	now?: Date;
	/** The bytes of lessons, or of pictures, asked for in one request (BATCH_BYTES unless given). */
	batchBytes?: number;
}

/**
 * Downloads the lessons of a pathway that are missing or changed, then (unless told not to)
 * the pictures not yet on the phone, a few at a time, each batch in its own transaction: an
 * interrupted download keeps what it stored, and calling this again fetches only the rest.
 * It stops with the API's errors (`$lib/api/http`), or StorageFullError when the phone is full.
 * Once every lesson is stored it marks the download finished, so a lesson published later
 * reads as an update, not as a download cut short (pictures still missing are offered apart).
 */
export async function downloadPathway(
	db: ClydeDatabase,
	api: ContentApi,
	pathway: CatalogPathway,
	{
		pictures,
		locale = 'en',
		onProgress = () => {},
		now = new Date(),
		batchBytes = BATCH_BYTES
	}: DownloadOptions
): Promise<void> {
	const before = await db.downloads.get(pathway.id);
	await db.downloads.put({
		pathway: pathway.id,
		requestedAt: now.toISOString(),
		...(before?.finishedAt && { finishedAt: before.finishedAt })
	});
	const lessons = pathway.modules.flatMap((m) => m.lessons);
	const stored = new Map(
		(await db.lessons.where('pathway').equals(pathway.id).toArray()).map((l) => [l.id, l.hash])
	);
	const todo = lessons.filter((l) => stored.get(l.id) !== wantedHash(l, locale));
	const images = pictures ? pathwayPictures(pathway) : [];
	const missing = pictures ? missingPictures(pathway, await storedPictures(db, pathway.id)) : [];
	const bytes = (l: (typeof lessons)[number]) => lessonBytes(l, locale);
	const total = lessons.reduce((sum, l) => sum + bytes(l), 0) + picturesBytes(images);
	let done = total - todo.reduce((sum, l) => sum + bytes(l), 0) - picturesBytes(missing);
	onProgress(done, total);
	for (const batch of batches(todo, bytes, batchBytes, MOST_LESSONS)) {
		// Asked in one language at a time: a batch of English lessons asks for no translation.
		for (const language of new Set(batch.map((l) => lessonLanguage(l, locale)))) {
			const ids = batch.filter((l) => lessonLanguage(l, locale) === language).map((l) => l.id);
			await store(db.lessons, await api.lessons(ids, language));
		}
		done += batch.reduce((sum, l) => sum + bytes(l), 0);
		onProgress(done, total);
	}
	// Lessons unpublished since go; their progress events and summaries stay (nothing is lost).
	const current = new Set(lessons.map((l) => l.id));
	const gone = [...stored.keys()].filter((id) => !current.has(id));
	if (gone.length) await db.lessons.bulkDelete(gone);
	await db.downloads.update(pathway.id, { finishedAt: new Date().toISOString() });
	for (const batch of batches(missing, (ref) => ref.bytes, batchBytes, MOST_PICTURES)) {
		const fetched = await api.media(batch.map((ref) => ref.hash));
		await store(
			db.media,
			fetched.map((item) => ({ ...item, pathway: pathway.id }))
		);
		done += picturesBytes(batch);
		onProgress(done, total);
	}
}

/** Consecutive runs of items of at most `limit` bytes (at least one item each) and `most` items. */
function batches<T>(items: T[], bytesOf: (item: T) => number, limit: number, most: number): T[][] {
	const runs: T[][] = [];
	let run: T[] = [];
	let size = 0;
	for (const item of items) {
		if (run.length > 0 && (size + bytesOf(item) > limit || run.length === most)) {
			runs.push(run);
			run = [];
			size = 0;
		}
		run.push(item);
		size += bytesOf(item);
	}
	if (run.length > 0) runs.push(run);
	return runs;
}

async function store<T>(table: Table<T>, rows: T[]): Promise<void> {
	try {
		await table.bulkPut(rows);
	} catch (error) {
		throw isQuotaError(error) ? new StorageFullError() : error;
	}
}

/** The hashes of the pictures stored for a pathway, without reading the pictures. */
export async function storedPictures(db: ClydeDatabase, pathwayId: string): Promise<Set<string>> {
	const keys = await db.media.where('pathway').equals(pathwayId).primaryKeys();
	return new Set(keys.map(([, hash]) => hash));
}

/** Frees the space of a downloaded pathway, pictures included. Progress is never touched. */
export async function removeDownload(db: ClydeDatabase, pathwayId: string): Promise<void> {
	await db.transaction('rw', db.lessons, db.media, db.downloads, async () => {
		await db.lessons.where('pathway').equals(pathwayId).delete();
		await db.media.where('pathway').equals(pathwayId).delete();
		await db.downloads.delete(pathwayId);
	});
}

/**
 * Which lessons are stored: their hashes and pathways by id, read from two indexes without
 * reading any lesson's HTML.
 */
export async function storedLessons(db: ClydeDatabase): Promise<StoredLessons> {
	const pathways = new Map<string, string>();
	await db.lessons
		.orderBy('pathway')
		.eachKey((pathway, cursor) => pathways.set(String(cursor.primaryKey), String(pathway)));
	const keys = (await db.lessons.orderBy('[id+hash]').keys()) as unknown as [string, string][];
	return new Map(keys.map(([id, hash]) => [id, { hash, pathway: pathways.get(id) ?? '' }]));
}
