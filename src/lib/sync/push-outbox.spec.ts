import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '$lib/api/auth';
import type { PushAnswer, SyncApi } from '$lib/api/sync';
import { openDatabase, type ClydeDatabase } from '$lib/db/database';
import { recordEvent } from '$lib/progress/record-event';
import { pushOutbox } from './push-outbox';

const session: Session = { token: 't', userId: 'u', email: 'e@example.org', name: 'E' };
const opened = { type: 'lesson_opened', lesson: 'l', module: 'm', pathway: 'p' } as const;

/** A server that answers each push with what `answer` makes of the batch. */
function api(answer: (sent: number) => PushAnswer): SyncApi & { batches: number[] } {
	const batches: number[] = [];
	return {
		batches,
		async push(_session, events) {
			batches.push(events.length);
			return answer(events.length);
		},
		async pull() {
			return { events: [], cursor: 0, more: false };
		},
		share: async () => ({ stored: true })
	};
}

describe('pushOutbox and the compact answer', () => {
	let db: ClydeDatabase;
	beforeEach(() => {
		db = openDatabase(`outbox-${Math.random()}`);
	});
	afterEach(() => db.delete());

	it('empties the outbox when the server accepted the whole batch, retries included', async () => {
		for (let i = 0; i < 3; i++) await recordEvent(db, opened);
		const server = api((sent) => ({ accepted: sent, stored: 1, seq: 9 }));
		expect(await pushOutbox(db, server, session)).toBe(3);
		expect(server.batches).toEqual([3]);
		expect(await db.outbox.count()).toBe(0);
		expect(await db.events.count()).toBe(3);
	});

	it('keeps every event in the outbox when the answer does not cover the batch', async () => {
		for (let i = 0; i < 2; i++) await recordEvent(db, opened);
		const server = api((sent) => ({ accepted: sent - 1, stored: sent - 1, seq: 5 }));
		await expect(pushOutbox(db, server, session)).rejects.toThrow(
			'the server accepted 1 of 2 events'
		);
		expect(await db.outbox.count()).toBe(2);
		expect(await db.rejected.count()).toBe(0);
	});
});
