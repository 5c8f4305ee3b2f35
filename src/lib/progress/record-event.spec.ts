import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type ClydeDatabase } from '$lib/db/database';
import { StorageFullError } from '$lib/db/storage-full';
import { recordEvent } from './record-event';

describe('recordEvent', () => {
	let db: ClydeDatabase;
	beforeEach(() => {
		db = openDatabase(`test-${Math.random()}`);
	});
	afterEach(() => db.delete());

	const opened = { type: 'lesson_opened', lesson: 'l', module: 'm', pathway: 'p' } as const;

	it('writes the event and its outbox row together, with a time-ordered UUIDv7', async () => {
		const first = await recordEvent(db, opened, new Date('2026-01-01T10:00:00Z'));
		const second = await recordEvent(db, opened, new Date('2026-01-01T10:00:01Z'));
		expect(first.id).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
		);
		expect(first.id < second.id).toBe(true);
		expect(await db.events.toArray()).toEqual([first, second]);
		expect((await db.outbox.toArray()).map((r) => r.id)).toEqual([first.id, second.id]);
	});

	it("folds the event into its lesson's summary in the same transaction", async () => {
		await recordEvent(db, opened, new Date('2026-01-01T10:00:00Z'));
		await recordEvent(
			db,
			{ ...opened, type: 'quiz_completed', correct: 3, total: 3, passed: true },
			new Date('2026-01-02T10:00:00Z')
		);
		expect(await db.summaries.toArray()).toEqual([
			{
				lesson: 'l',
				module: 'm',
				pathway: 'p',
				touched: true,
				completed: false,
				quizPassed: true,
				state: 'done',
				finishedAt: '2026-01-02T10:00:00.000Z',
				doneAt: '2026-01-02T10:00:00.000Z',
				bestQuiz: { correct: 3, total: 3, passed: true },
				firstAt: '2026-01-01T10:00:00.000Z',
				lastAt: '2026-01-02T10:00:00.000Z'
			}
		]);
	});

	it('writes none of them when the transaction fails', async () => {
		await db.outbox.add({ id: 'taken', queuedAt: '' });
		db.outbox.add = (() =>
			Promise.reject(new Error('disk error'))) as unknown as typeof db.outbox.add;
		await expect(recordEvent(db, opened)).rejects.toThrow('disk error');
		expect(await db.events.count()).toBe(0);
		expect(await db.summaries.count()).toBe(0);
	});

	it('names a full phone as such and keeps what was saved before', async () => {
		const kept = await recordEvent(db, opened);
		db.outbox.add = (() => {
			const quota = new Error('');
			quota.name = 'QuotaExceededError';
			return Promise.reject(quota);
		}) as unknown as typeof db.outbox.add;
		const failure = await recordEvent(db, opened).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(StorageFullError);
		expect((failure as Error).message).toMatch(/^This phone is out of space for Clyde/);
		expect(await db.events.toArray()).toEqual([kept]);
		expect((await db.summaries.toArray()).map((s) => s.lastAt)).toEqual([kept.at]);
	});
});
