import type { ClydeDatabase } from '$lib/db/database';
import { isQuotaError, StorageFullError } from '$lib/db/storage-full';
import { exercisesByLesson } from './catalog-exercises';
import type { NewProgressEvent, ProgressEvent } from './event-types';
import { foldSummary } from './lesson-summary';
import { stampEvent } from './stamp-event';

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
	const stored = stampEvent(event, now);
	try {
		await db.transaction('rw', [db.events, db.outbox, db.summaries, db.catalog], async () => {
			await db.events.add(stored);
			await db.outbox.add({ id: stored.id, queuedAt: stored.at });
			// The lesson's exercises, as the catalog now has them, are the rule's other half.
			const pathway = await db.catalog.get(stored.pathway);
			const exercises = exercisesByLesson(pathway ? [pathway] : []).get(stored.lesson) ?? [];
			const summary = await db.summaries.get(stored.lesson);
			await db.summaries.put(foldSummary(summary, stored, exercises));
		});
	} catch (error) {
		// A full phone must be named as such: "QuotaExceededError" means nothing to a learner.
		throw isQuotaError(error) ? new StorageFullError() : error;
	}
	return stored;
}
