import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '$lib/db/database';
import { recordEvent } from '$lib/progress/record-event';
import {
	makePathway,
	mediaItem,
	storedLesson,
	withExercises,
	withPictures
} from '../../../tests/factories/catalog';
import { openStoredLesson } from './open-stored-lesson';

describe('opening a downloaded lesson without Dexie', () => {
	const name = `first-text-${Math.random()}`;
	const pathway = withExercises(withPictures(makePathway('p', 2, 2)));
	const slugs = { pathway: 'p', module: 'm2', lesson: 'l1' };
	const now = new Date('2026-12-01T10:00:00Z');
	afterEach(() => Dexie.delete(name));

	async function phoneWith(lessons: string[]) {
		const db = openDatabase(name);
		await db.catalog.put(pathway);
		for (const id of lessons) await db.lessons.put(storedLesson(pathway, id));
		await db.media.put({ ...mediaItem('p-m2-l1-pic'), pathway: 'p' });
		db.close();
	}

	it('finds the lesson by its slugs, with its place, the catalog and its stored pictures', async () => {
		await phoneWith(['p-m2-l1']);

		const read = await openStoredLesson(slugs, name, now);

		expect(read?.lesson).toEqual(storedLesson(pathway, 'p-m2-l1'));
		expect(read?.place.lesson.id).toBe('p-m2-l1');
		expect(read?.place.previous?.lesson.id).toBe('p-m1-l2');
		expect(read?.catalog).toEqual([pathway]);
		expect([...(read?.pictures.keys() ?? [])]).toEqual(['p-m2-l1-pic']);
	});

	it('has recorded the open by the time it answers: the event, its outbox row and summary as recordEvent writes them', async () => {
		await phoneWith(['p-m2-l1']);
		const read = await openStoredLesson(slugs, name, now);
		const event = read && 'event' in read.opened ? read.opened.event : undefined;

		const db = openDatabase(name);
		expect(await db.events.toArray()).toEqual([event]);
		expect(await db.outbox.toArray()).toEqual([{ id: event?.id, queuedAt: now.toISOString() }]);
		const early = await db.summaries.toArray();
		db.close();

		// The same open recorded through Dexie, on another phone, comes out the same.
		const other = openDatabase(`${name}-dexie`);
		await other.catalog.put(pathway);
		const recorded = await recordEvent(
			other,
			{ type: 'lesson_opened', lesson: 'p-m2-l1', module: 'p-m2', pathway: 'p' },
			now
		);
		expect({ ...event, id: '' }).toEqual({ ...recorded, id: '' });
		expect(early).toEqual(await other.summaries.toArray());
		expect(early[0]?.exercises).toEqual(['p-m2-l1-a', 'p-m2-l1-b']);
		await other.delete();
	});

	it('answers nothing and writes nothing for a lesson not stored, or stored damaged', async () => {
		await phoneWith([]);
		const db = openDatabase(name);
		await db.lessons.put({ ...storedLesson(pathway, 'p-m1-l1'), html: 42 as unknown as string });
		db.close();

		expect(await openStoredLesson(slugs, name)).toBeUndefined();
		expect(await openStoredLesson({ ...slugs, module: 'm1' }, name)).toBeUndefined();
		expect(await openStoredLesson({ ...slugs, pathway: 'elsewhere' }, name)).toBeUndefined();

		const after = openDatabase(name);
		expect(await after.events.count()).toBe(0);
		expect(await after.outbox.count()).toBe(0);
		expect(await after.summaries.count()).toBe(0);
		after.close();
	});

	it('creates no database on a phone that has none, so Dexie later creates it whole', async () => {
		expect(await openStoredLesson(slugs, name)).toBeUndefined();
		expect(await Dexie.exists(name)).toBe(false);

		const db = openDatabase(name);
		await db.catalog.put(pathway);
		expect(await db.catalog.count()).toBe(1);
		db.close();
	});

	it('never holds up a newer schema: its connection is closed when it has read', async () => {
		await phoneWith(['p-m2-l1']);
		await openStoredLesson(slugs, name);

		const newer = new Dexie(name);
		newer.version(100).stores({ catalog: 'id, position', extra: 'id' });
		await newer.open();
		expect(newer.verno).toBe(100);
		newer.close();
	});
});
