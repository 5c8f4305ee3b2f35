import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type ClydeDatabase } from '$lib/db/database';
import { seededRandom } from '$lib/random/seeded-random';
import { makePathway } from '../../../tests/factories/catalog';
import { randomHistory, shuffled } from '../../../tests/factories/events';
import type { ProgressEvent } from './event-types';
import { summarise } from './lesson-summary';
import { mergeEvents } from './merge-events';
import { recordEvent } from './record-event';

describe('mergeEvents', () => {
	let db: ClydeDatabase;
	beforeEach(() => {
		db = openDatabase(`merge-${Math.random()}`);
	});
	afterEach(() => db.delete());

	const pathway = makePathway('p', 2, 3);
	const byLesson = async () =>
		Object.fromEntries((await db.summaries.toArray()).map((s) => [s.lesson, s]));

	it('keeps the summaries equal to a rebuild from every stored event, however events arrive', async () => {
		const random = seededRandom(7);
		const history = randomHistory(pathway, 300, 7);
		// Some events happen on this phone, the rest arrive by pulls, in pages that overlap.
		for (const event of history.slice(0, 40)) {
			const { id: _id, at, ...rest } = event;
			await recordEvent(db, rest as Parameters<typeof recordEvent>[1], new Date(at));
		}
		const elsewhere = shuffled(history.slice(40), random);
		for (let i = 0; i < elsewhere.length; i += 50) {
			await mergeEvents(db, elsewhere.slice(Math.max(0, i - 10), i + 50));
		}
		const all = await db.events.toArray();
		expect(all).toHaveLength(300);
		expect(await byLesson()).toEqual(Object.fromEntries(summarise(all)));
	});

	it('says how many were new, and ignores events it holds or that come twice in one page', async () => {
		const [a, b] = randomHistory(pathway, 2, 3) as [ProgressEvent, ProgressEvent];
		expect(await mergeEvents(db, [a, a])).toBe(1);
		const before = await byLesson();
		expect(await mergeEvents(db, [a])).toBe(0);
		expect(await byLesson()).toEqual(before);
		expect(await mergeEvents(db, [a, b])).toBe(1);
		expect(await db.events.count()).toBe(2);
	});
});
