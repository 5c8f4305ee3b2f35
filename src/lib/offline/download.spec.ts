import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContentApi } from '$lib/api/content';
import { Offline } from '$lib/api/http';
import { openDatabase, type ClydeDatabase } from '$lib/db/database';
import { StorageFullError } from '$lib/db/storage-full';
import { makePathway, storedLesson } from '../../../tests/factories/catalog';
import { fullOnBulkPut } from '../../../tests/support/quota';
import { downloadPathway, removeDownload } from './download';
import { downloadState } from './download-state';

const pathway = makePathway('p', 2, 6);

/** A transport over the test's own data; `failAfter` batches it throws like a dropped line. */
function fakeApi(failAfter = Infinity): ContentApi & { asked: string[][] } {
	const asked: string[][] = [];
	return {
		asked,
		catalog: async () => ({ seq: 1, pathways: [pathway] }),
		async lessons(ids) {
			if (asked.length >= failAfter) throw new Offline('no connection (Failed to fetch)');
			asked.push(ids);
			return ids.map((id) => storedLesson(pathway, id));
		}
	};
}

describe('downloadPathway', () => {
	let db: ClydeDatabase;
	beforeEach(() => {
		db = openDatabase(`test-${Math.random()}`);
	});
	afterEach(() => db.delete());

	const hashes = async () => new Map((await db.lessons.toArray()).map((l) => [l.id, l.hash]));

	it('stores every lesson in batches and reports byte progress up to the total', async () => {
		const progress: number[] = [];
		await downloadPathway(db, fakeApi(), pathway, (done) => progress.push(done));
		expect(await db.lessons.count()).toBe(12);
		expect(progress).toEqual([0, 5000, 10000, 12000]);
		expect(downloadState(pathway, await db.downloads.get('p'), await hashes())).toEqual({
			kind: 'ready'
		});
	});

	it('keeps what it stored when the connection drops, and resumes with only the rest', async () => {
		const first = fakeApi(1);
		await expect(downloadPathway(db, first, pathway)).rejects.toBeInstanceOf(Offline);
		expect(await db.lessons.count()).toBe(5);
		expect(downloadState(pathway, await db.downloads.get('p'), await hashes())).toEqual({
			kind: 'paused',
			percent: 41
		});

		const second = fakeApi();
		await downloadPathway(db, second, pathway);
		expect(downloadState(pathway, await db.downloads.get('p'), await hashes())).toEqual({
			kind: 'ready'
		});
		expect(second.asked.flat()).toHaveLength(7);
		expect(await db.lessons.count()).toBe(12);
	});

	it('reads a lesson published after it finished as an update, and fetches only that', async () => {
		await downloadPathway(db, fakeApi(), pathway);
		const grown = makePathway('p', 2, 7);
		const mark = await db.downloads.get('p');
		expect(downloadState(grown, mark, await hashes())).toEqual({
			kind: 'update',
			added: 2,
			changed: 0
		});
		const api = fakeApi();
		api.lessons = async (ids) => {
			api.asked.push(ids);
			return ids.map((id) => storedLesson(grown, id));
		};
		await downloadPathway(db, api, grown);
		expect(api.asked).toEqual([['p-m1-l7', 'p-m2-l7']]);
		expect(downloadState(grown, await db.downloads.get('p'), await hashes())).toEqual({
			kind: 'ready'
		});
	});

	it('fetches only changed lessons for an update', async () => {
		await downloadPathway(db, fakeApi(), pathway);
		const changed = structuredClone(pathway);
		const lesson = changed.modules[1]?.lessons[2];
		if (lesson) lesson.hash = 'h2';
		expect(downloadState(changed, await db.downloads.get('p'), await hashes())).toEqual({
			kind: 'update',
			added: 0,
			changed: 1
		});
		const api = fakeApi();
		await downloadPathway(db, api, changed).catch(() => {});
		expect(api.asked).toEqual([['p-m2-l3']]);
	});

	it('says the phone is full on a quota error and keeps earlier batches', async () => {
		const api = fakeApi();
		fullOnBulkPut(db.lessons, 2);
		const failure = await downloadPathway(db, api, pathway).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(StorageFullError);
		expect(await db.lessons.count()).toBe(5);
	});

	it('removing a download frees the lessons and never touches progress', async () => {
		await downloadPathway(db, fakeApi(), pathway);
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
		expect(await db.downloads.count()).toBe(0);
		expect(await db.events.count()).toBe(1);
		expect(downloadState(pathway, await db.downloads.get('p'), await hashes())).toEqual({
			kind: 'none'
		});
	});
});
