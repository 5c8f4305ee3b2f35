import { v7 as uuidv7 } from 'uuid';
import type { ClydeDatabase } from '$lib/db/database';
import { isQuotaError, StorageFullError } from '$lib/db/storage-full';
import type { NewProgressEvent, ProgressEvent } from './event-types';
import { foldSummary } from './lesson-summary';

/**
 * Writes an event, its outbox row and its lesson's new summary in one IndexedDB transaction,
 * and resolves only when all are on disk: a screen confirms an action after this, never before.
 * When the phone is full it throws StorageFullError, and none is written.
 */
export async function recordEvent(
	db: ClydeDatabase,
	event: NewProgressEvent,
	now = new Date()
): Promise<ProgressEvent> {
	const stored = {
		...event,
		id: uuidv7({ msecs: now.getTime() }),
		at: now.toISOString()
	} as ProgressEvent;
	try {
		await db.transaction('rw', db.events, db.outbox, db.summaries, async () => {
			await db.events.add(stored);
			await db.outbox.add({ id: stored.id, queuedAt: stored.at });
			await db.summaries.put(foldSummary(await db.summaries.get(stored.lesson), stored));
		});
	} catch (error) {
		// A full phone must be named as such: "QuotaExceededError" means nothing to a learner.
		throw isQuotaError(error) ? new StorageFullError() : error;
	}
	return stored;
}
