import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '$lib/api/auth';
import type { SyncApi } from '$lib/api/sync';
import { openDatabase, type ClydeDatabase } from '$lib/db/database';
import { StorageFullError } from '$lib/db/storage-full';
import type { ProgressEvent } from '$lib/progress/event-types';
import { fullOnBulkPut } from '../../../tests/support/quota';
import { pullEvents } from './pull-events';
import { cursorKey } from './session-store';

const session: Session = { token: 't', userId: 'u', email: 'e@example.org', name: 'E' };
const opened = (n: number): ProgressEvent => ({
	id: `e${n}`,
	type: 'lesson_opened',
	lesson: 'l',
	module: 'm',
	pathway: 'p',
	at: '2026-01-01T10:00:00.000Z'
});

/** A server holding `count` events for this learner, sent `limit` at a time after the cursor. */
function serverWith(count: number): SyncApi {
	return {
		push: async () => ({ accepted: 0, stored: 0, seq: 0 }),
		share: async () => ({ stored: true }),
		async pull(_session, after, limit) {
			const events = Array.from({ length: count }, (_, i) => opened(i + 1)).slice(after);
			return {
				events: events.slice(0, limit),
				cursor: after + Math.min(limit, events.length),
				more: events.length > limit
			};
		}
	};
}

describe('pullEvents', () => {
	let db: ClydeDatabase;
	beforeEach(() => {
		db = openDatabase(`pull-${Math.random()}`);
	});
	afterEach(() => db.delete());

	it('stores every page and moves the cursor with it', async () => {
		expect(await pullEvents(db, serverWith(450), session)).toBe(450);
		expect(await db.events.count()).toBe(450);
		expect((await db.settings.get(cursorKey('u')))?.value).toBe(450);
	});

	it('on a full phone says so, and keeps the cursor of the last page it stored', async () => {
		// The second page's summaries do not fit: its events are not kept either.
		fullOnBulkPut(db.summaries, 2);
		const failure = await pullEvents(db, serverWith(450), session).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(StorageFullError);
		expect(await db.events.count()).toBe(200);
		expect((await db.settings.get(cursorKey('u')))?.value).toBe(200);
	});

	it("folds each page into the lessons' summaries, and a page pulled again changes nothing", async () => {
		await pullEvents(db, serverWith(450), session);
		const summaries = await db.summaries.toArray();
		expect(summaries).toMatchObject([{ lesson: 'l', state: 'opened' }]);
		await db.settings.put({ key: cursorKey('u'), value: 0 });
		await pullEvents(db, serverWith(450), session);
		expect(await db.summaries.toArray()).toEqual(summaries);
	});
});
