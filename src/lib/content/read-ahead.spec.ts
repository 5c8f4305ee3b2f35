import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type ClydeDatabase } from '$lib/db/database';
import {
	makePathway,
	mediaItem,
	storedLesson,
	withPictures
} from '../../../tests/factories/catalog';
import { ReadAhead } from './read-ahead';

describe('reading the next lesson ahead', () => {
	const name = `read-ahead-${Math.random()}`;
	const pathway = withPictures(makePathway('p', 1, 3));
	let db: ClydeDatabase;
	beforeEach(() => {
		db = openDatabase(name);
	});
	afterEach(async () => {
		db.close();
		await Dexie.delete(name);
	});

	it('holds a stored lesson and those of its pictures that are on the phone', async () => {
		const lesson = storedLesson(pathway, 'p-m1-l2');
		await db.lessons.put(lesson);
		await db.media.put({ ...mediaItem('p-m1-l2-pic'), pathway: 'p' });
		const ahead = new ReadAhead(db);

		await ahead.prepare('p-m1-l2');

		expect(ahead.lesson('p-m1-l2')).toEqual(lesson);
		expect(ahead.lesson('p-m1-l1')).toBeUndefined();
		expect(ahead.picture('p-m1-l2-pic')).toMatchObject(mediaItem('p-m1-l2-pic'));
		expect(ahead.picture('shared')).toBeUndefined();
	});

	it('holds one lesson at a time, the last one asked for', async () => {
		await db.lessons.bulkPut([storedLesson(pathway, 'p-m1-l2'), storedLesson(pathway, 'p-m1-l3')]);
		const ahead = new ReadAhead(db);

		await Promise.all([ahead.prepare('p-m1-l2'), ahead.prepare('p-m1-l3')]);

		expect(ahead.lesson('p-m1-l3')?.id).toBe('p-m1-l3');
		expect(ahead.lesson('p-m1-l2')).toBeUndefined();
	});

	it('holds nothing for a lesson not on the phone or damaged there', async () => {
		await db.lessons.put({ id: 'p-m1-l3', pathway: 'p' } as never);
		const ahead = new ReadAhead(db);

		await ahead.prepare('p-m1-l2');
		await ahead.prepare('p-m1-l3');

		expect(ahead.lesson('p-m1-l2')).toBeUndefined();
		expect(ahead.lesson('p-m1-l3')).toBeUndefined();
	});
});
