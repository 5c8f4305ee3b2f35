import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { summarise } from '$lib/progress/lesson-summary';
import { makePathway } from '../../../tests/factories/catalog';
import { randomHistory } from '../../../tests/factories/events';
import { openDatabase } from './database';

describe('the database upgrade to lesson summaries', () => {
	const name = `upgrade-${Math.random()}`;
	afterEach(() => Dexie.delete(name));

	it("builds every lesson's summary once from the events a phone already holds", async () => {
		// The database as version 2 of the app left it: events, and no summaries table.
		const old = new Dexie(name);
		old.version(2).stores({
			catalog: 'id, position',
			lessons: 'id, pathway, module, [id+hash]',
			downloads: 'pathway',
			events: 'id, lesson, pathway, at, type',
			outbox: 'id',
			settings: 'key',
			rejected: 'id'
		});
		const events = randomHistory(makePathway('p', 3, 4), 500, 11);
		await old.table('events').bulkAdd(events);
		old.close();

		const db = openDatabase(name);
		expect(await db.events.count()).toBe(500);
		expect(Object.fromEntries((await db.summaries.toArray()).map((s) => [s.lesson, s]))).toEqual(
			Object.fromEntries(summarise(events))
		);
		db.close();
	});
});
