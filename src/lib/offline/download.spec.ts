import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContentApi } from '$lib/api/content';
import { Offline } from '$lib/api/http';
import type { CatalogPathway } from '$lib/content/catalog-types';
import { openDatabase, type ClydeDatabase } from '$lib/db/database';
import { StorageFullError } from '$lib/db/storage-full';
import type { ProgressEvent } from '$lib/progress/event-types';
import {
	makePathway,
	mediaItem,
	storedLesson,
	withPictures
} from '../../../tests/factories/catalog';
import { fullOnBulkPut } from '../../../tests/support/quota';
import { downloadPathway, removeDownload, storedLessons, storedPictures } from './download';
import { downloadState, pathwayBytes } from './download-state';
import { missingPictures, pathwayPictures, picturesBytes } from './pathway-pictures';

const pathway = makePathway('p', 2, 6);
const pictured = withPictures(pathway);
/** 61 pictures: more than one request of them (the route takes 50). */
const manyPictured = withPictures(makePathway('p', 2, 30));
/** Five of the test's lessons (1000 bytes each) a request, so that there are several. */
const FIVE = 5000;

/**
 * A transport over the test's own data. After `failAfter` requests it throws as a dropped line
 * would; `asked` and `askedMedia` record what was requested.
 */
function fakeApi(
	from: CatalogPathway = pathway,
	failAfter = Infinity
): ContentApi & { asked: string[][]; askedMedia: string[][] } {
	const asked: string[][] = [];
	const askedMedia: string[][] = [];
	const requests = () => asked.length + askedMedia.length;
	return {
		asked,
		askedMedia,
		catalog: async () => ({ seq: 1, pathways: [from] }),
		async lessons(ids) {
			if (requests() >= failAfter) throw new Offline('no connection (Failed to fetch)');
			asked.push(ids);
			return ids.map((id) => storedLesson(from, id));
		},
		async media(hashes) {
			if (requests() >= failAfter) throw new Offline('no connection (Failed to fetch)');
			askedMedia.push(hashes);
			return hashes.map(mediaItem);
		}
	};
}

describe('downloadPathway', () => {
	let db: ClydeDatabase;
	beforeEach(() => {
		db = openDatabase(`test-${Math.random()}`);
	});
	afterEach(() => db.delete());

	const hashes = () => storedLessons(db);

	it('asks for a pathway of 128 KB or less in one request, and for at most 50 lessons', async () => {
		const api = fakeApi();
		await downloadPathway(db, api, pathway, { pictures: true });
		expect(api.asked.map((batch) => batch.length)).toEqual([12]);
		const long = makePathway('q', 3, 20);
		const longApi = fakeApi(long);
		await downloadPathway(db, longApi, long, { pictures: false });
		expect(longApi.asked.map((batch) => batch.length)).toEqual([50, 10]);
		const other = makePathway('r', 2, 6);
		const few = fakeApi(other);
		await downloadPathway(db, few, other, { pictures: false, batchBytes: 2500 });
		expect(few.asked.map((batch) => batch.length)).toEqual([2, 2, 2, 2, 2, 2]);
	});

	it('stores every lesson in batches and reports byte progress up to the total', async () => {
		const progress: number[] = [];
		await downloadPathway(db, fakeApi(), pathway, {
			pictures: true,
			batchBytes: FIVE,
			onProgress: (done) => progress.push(done)
		});
		expect(await db.lessons.count()).toBe(12);
		expect(progress).toEqual([0, 5000, 10000, 12000]);
		expect(downloadState(pathway, await db.downloads.get('p'), await hashes())).toEqual({
			kind: 'ready'
		});
	});

	it('then the pictures, each once, at most 50 a request, counted in the bytes', async () => {
		const api = fakeApi(manyPictured);
		const progress: [number, number][] = [];
		await downloadPathway(db, api, manyPictured, {
			pictures: true,
			onProgress: (done, total) => progress.push([done, total])
		});
		const all = pathwayPictures(manyPictured);
		expect(all).toHaveLength(61);
		expect(api.askedMedia.map((batch) => batch.length)).toEqual([50, 11]);
		expect(await storedPictures(db, 'p')).toEqual(new Set(all.map((ref) => ref.hash)));
		const total = 60000 + picturesBytes(all);
		expect(total).toBe(60000 + 60 * 500 + 300);
		expect(progress.at(-1)).toEqual([total, total]);
		expect((await db.media.toArray()).every((m) => m.pathway === 'p')).toBe(true);
	});

	it('asks for pictures in requests of the batch bytes too', async () => {
		const api = fakeApi(pictured);
		// 13 pictures: one of 300 bytes, then twelve of 500; two requests of at most 5000 bytes.
		await downloadPathway(db, api, pictured, { pictures: true, batchBytes: FIVE });
		expect(api.askedMedia.map((batch) => batch.length)).toEqual([10, 3]);
		expect(await storedPictures(db, 'p')).toEqual(
			new Set(pathwayPictures(pictured).map((ref) => ref.hash))
		);
	});

	it('in low-data mode asks for no picture at all, and counts none', async () => {
		const api = fakeApi(pictured);
		const progress: number[] = [];
		await downloadPathway(db, api, pictured, {
			pictures: false,
			onProgress: (_done, total) => progress.push(total)
		});
		expect(api.askedMedia).toEqual([]);
		expect(await db.media.count()).toBe(0);
		expect(new Set(progress)).toEqual(new Set([12000]));
		expect(missingPictures(pictured, await storedPictures(db, 'p'))).toHaveLength(13);
	});

	it('keeps what it stored when the connection drops, and resumes with only the rest', async () => {
		const first = fakeApi(pathway, 1);
		await expect(
			downloadPathway(db, first, pathway, { pictures: true, batchBytes: FIVE })
		).rejects.toBeInstanceOf(Offline);
		expect(await db.lessons.count()).toBe(5);
		expect(downloadState(pathway, await db.downloads.get('p'), await hashes())).toEqual({
			kind: 'paused',
			percent: 41
		});

		const second = fakeApi();
		await downloadPathway(db, second, pathway, { pictures: true });
		expect(downloadState(pathway, await db.downloads.get('p'), await hashes())).toEqual({
			kind: 'ready'
		});
		expect(second.asked.flat()).toHaveLength(7);
		expect(await db.lessons.count()).toBe(12);
	});

	it('resumes a drop among the pictures with only the pictures still missing', async () => {
		// The lessons (two requests: 60 of them), then the first batch of pictures, then the drop.
		const first = fakeApi(manyPictured, 3);
		await expect(
			downloadPathway(db, first, manyPictured, { pictures: true })
		).rejects.toBeInstanceOf(Offline);
		expect((await storedPictures(db, 'p')).size).toBe(50);

		const second = fakeApi(manyPictured);
		await downloadPathway(db, second, manyPictured, { pictures: true });
		expect(second.asked).toEqual([]);
		expect(second.askedMedia.flat()).toHaveLength(11);
		expect(missingPictures(manyPictured, await storedPictures(db, 'p'))).toEqual([]);
	});

	it('reads a lesson published after it finished as an update, and fetches only that', async () => {
		await downloadPathway(db, fakeApi(), pathway, { pictures: true });
		const grown = makePathway('p', 2, 7);
		const mark = await db.downloads.get('p');
		expect(downloadState(grown, mark, await hashes())).toEqual({
			kind: 'update',
			added: 2,
			changed: 0,
			removed: 0
		});
		const api = fakeApi();
		api.lessons = async (ids) => {
			api.asked.push(ids);
			return ids.map((id) => storedLesson(grown, id));
		};
		await downloadPathway(db, api, grown, { pictures: true });
		expect(api.asked).toEqual([['p-m1-l7', 'p-m2-l7']]);
		expect(downloadState(grown, await db.downloads.get('p'), await hashes())).toEqual({
			kind: 'ready'
		});
	});

	it('reads a lesson unpublished since as an update; updating frees it and keeps its progress', async () => {
		await downloadPathway(db, fakeApi(), pathway, { pictures: true });
		const event: ProgressEvent = {
			id: 'e1',
			type: 'lesson_completed',
			lesson: 'p-m2-l1',
			module: 'p-m2',
			pathway: 'p',
			at: '2026-01-01T00:00:00Z'
		};
		await db.events.put(event);
		const shrunk = structuredClone(pathway);
		shrunk.modules[1]?.lessons.splice(0, 1);
		// Another pathway's stored lessons are not this one's to remove.
		await db.lessons.put({ ...storedLesson(makePathway('q', 1, 1), 'q-m1-l1') });
		expect(downloadState(shrunk, await db.downloads.get('p'), await hashes())).toEqual({
			kind: 'update',
			added: 0,
			changed: 0,
			removed: 1
		});
		const api = fakeApi();
		await downloadPathway(db, api, shrunk, { pictures: true });
		expect(api.asked).toEqual([]);
		expect(await db.lessons.get('p-m2-l1')).toBeUndefined();
		expect(await db.lessons.get('q-m1-l1')).toBeDefined();
		expect(await db.events.get('e1')).toEqual(event);
		expect(downloadState(shrunk, await db.downloads.get('p'), await hashes())).toEqual({
			kind: 'ready'
		});
	});

	it('fetches only changed lessons for an update', async () => {
		await downloadPathway(db, fakeApi(), pathway, { pictures: true });
		const changed = structuredClone(pathway);
		const lesson = changed.modules[1]?.lessons[2];
		if (lesson) lesson.hash = 'h2';
		expect(downloadState(changed, await db.downloads.get('p'), await hashes())).toEqual({
			kind: 'update',
			added: 0,
			changed: 1,
			removed: 0
		});
		const api = fakeApi();
		await downloadPathway(db, api, changed, { pictures: true }).catch(() => {});
		expect(api.asked).toEqual([['p-m2-l3']]);
	});

	it('says the phone is full on a quota error and keeps earlier batches', async () => {
		const api = fakeApi();
		fullOnBulkPut(db.lessons, 2);
		const failure = await downloadPathway(db, api, pathway, {
			pictures: true,
			batchBytes: FIVE
		}).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(StorageFullError);
		expect(await db.lessons.count()).toBe(5);
	});

	it('removing a download frees the lessons and pictures and never touches progress', async () => {
		await downloadPathway(db, fakeApi(pictured), pictured, { pictures: true });
		await db.media.put({ ...mediaItem('other'), pathway: 'q' });
		await db.events.add({
			id: 'e1',
			type: 'lesson_completed',
			lesson: 'p-m1-l1',
			module: 'p-m1',
			pathway: 'p',
			at: ''
		});
		await removeDownload(db, 'p');
		expect(await db.lessons.count()).toBe(0);
		expect((await db.media.toArray()).map((m) => m.pathway)).toEqual(['q']);
		expect(await db.downloads.count()).toBe(0);
		expect(await db.events.count()).toBe(1);
		expect(downloadState(pathway, await db.downloads.get('p'), await hashes())).toEqual({
			kind: 'none'
		});
	});
});

describe('downloadPathway in the learner’s language', () => {
	let db: ClydeDatabase;
	beforeEach(() => {
		db = openDatabase(`test-${Math.random()}`);
	});
	afterEach(() => db.delete());

	// Two lessons of the first module have a Polish translation, 1500 bytes each.
	const translated: CatalogPathway = structuredClone(pathway);
	for (const lesson of translated.modules[0]?.lessons.slice(0, 2) ?? []) {
		lesson.translations = {
			pl: { title: `Lekcja ${lesson.id}`, summary: 'Lekcja.', hash: `pl-${lesson.id}`, bytes: 1500 }
		};
	}
	/** The lessons route over the test's data: a translation where asked and there is one. */
	function languageApi(asked: [string[], string | undefined][]): ContentApi {
		return {
			catalog: async () => ({ seq: 1, pathways: [translated] }),
			async lessons(ids, language) {
				asked.push([ids, language]);
				return ids.map((id) => {
					const lesson = storedLesson(translated, id);
					const listed = translated.modules[0]?.lessons.find((l) => l.id === id);
					const translation = language ? listed?.translations?.[language] : undefined;
					return translation
						? { ...lesson, title: translation.title, hash: translation.hash, lang: language }
						: { ...lesson, lang: 'en' };
				});
			},
			media: async () => []
		};
	}

	it('fetches each lesson in Polish where it has it and in English elsewhere, and counts those bytes', async () => {
		const asked: [string[], string | undefined][] = [];
		const progress: [number, number][] = [];
		await downloadPathway(db, languageApi(asked), translated, {
			pictures: false,
			locale: 'pl',
			onProgress: (done, total) => progress.push([done, total])
		});
		expect(asked).toEqual([
			[['p-m1-l1', 'p-m1-l2'], 'pl'],
			[
				['p-m1-l3', 'p-m1-l4', 'p-m1-l5', 'p-m1-l6'].concat([
					'p-m2-l1',
					'p-m2-l2',
					'p-m2-l3',
					'p-m2-l4',
					'p-m2-l5',
					'p-m2-l6'
				]),
				'en'
			]
		]);
		expect(pathwayBytes(translated, 'pl')).toBe(13000);
		expect(progress.at(-1)).toEqual([13000, 13000]);
		expect((await db.lessons.get('p-m1-l1'))?.lang).toBe('pl');
		const hashes = await storedLessons(db);
		const mark = await db.downloads.get('p');
		expect(downloadState(translated, mark, hashes, undefined, 'pl')).toEqual({ kind: 'ready' });
		// Switched to English (or to a language these lessons lack): the two count as changed.
		expect(downloadState(translated, mark, hashes, undefined, 'ar')).toEqual({
			kind: 'update',
			added: 0,
			changed: 2,
			removed: 0
		});
	});

	it('after a switch of language, fetches only the lessons kept in another language', async () => {
		const asked: [string[], string | undefined][] = [];
		await downloadPathway(db, languageApi(asked), translated, { pictures: false, locale: 'pl' });
		asked.length = 0;
		await downloadPathway(db, languageApi(asked), translated, { pictures: false, locale: 'en' });
		expect(asked).toEqual([[['p-m1-l1', 'p-m1-l2'], 'en']]);
		expect((await db.lessons.get('p-m1-l1'))?.lang).toBe('en');
	});
});
