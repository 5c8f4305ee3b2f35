import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '$lib/db/database';
import {
	makePathway,
	mediaItem,
	storedLesson,
	withPictures
} from '../../../tests/factories/catalog';
import { readStoredLesson } from './read-stored-lesson';

describe('reading a downloaded lesson without Dexie', () => {
	const name = `first-text-${Math.random()}`;
	const pathway = withPictures(makePathway('p', 2, 2));
	const slugs = { pathway: 'p', module: 'm2', lesson: 'l1' };
	afterEach(() => Dexie.delete(name));

	it('finds the lesson by its slugs, with its place, the catalog and its stored pictures', async () => {
		const db = openDatabase(name);
		await db.catalog.put(pathway);
		await db.lessons.put(storedLesson(pathway, 'p-m2-l1'));
		await db.media.put({ ...mediaItem('p-m2-l1-pic'), pathway: 'p' });
		db.close();

		const read = await readStoredLesson(slugs, name);

		expect(read?.lesson).toEqual(storedLesson(pathway, 'p-m2-l1'));
		expect(read?.place.lesson.id).toBe('p-m2-l1');
		expect(read?.place.previous?.lesson.id).toBe('p-m1-l2');
		expect(read?.catalog).toEqual([pathway]);
		expect([...(read?.pictures.keys() ?? [])]).toEqual(['p-m2-l1-pic']);
	});

	it('answers nothing for a lesson not stored, or stored damaged', async () => {
		const db = openDatabase(name);
		await db.catalog.put(pathway);
		await db.lessons.put({ ...storedLesson(pathway, 'p-m1-l1'), html: 42 as unknown as string });
		db.close();

		expect(await readStoredLesson(slugs, name)).toBeUndefined();
		expect(await readStoredLesson({ ...slugs, module: 'm1' }, name)).toBeUndefined();
		expect(await readStoredLesson({ ...slugs, pathway: 'elsewhere' }, name)).toBeUndefined();
	});

	it('creates no database on a phone that has none, so Dexie later creates it whole', async () => {
		expect(await readStoredLesson(slugs, name)).toBeUndefined();
		expect(await Dexie.exists(name)).toBe(false);

		const db = openDatabase(name);
		await db.catalog.put(pathway);
		expect(await db.catalog.count()).toBe(1);
		db.close();
	});

	it('never holds up a newer schema: its connection is closed when it has read', async () => {
		const db = openDatabase(name);
		await db.catalog.put(pathway);
		db.close();
		await readStoredLesson(slugs, name);

		const newer = new Dexie(name);
		newer.version(100).stores({ catalog: 'id, position', extra: 'id' });
		await newer.open();
		expect(newer.verno).toBe(100);
		newer.close();
	});
});
