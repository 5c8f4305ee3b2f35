import { v7 as uuidv7 } from 'uuid';
import type { ClydeDatabase } from '$lib/db/database';
import type { NewProgressEvent, ProgressEvent } from './event-types';

/**
 * Writes an event and its outbox row in one IndexedDB transaction, and resolves only when
 * both are on disk: a screen confirms an action after this, never before.
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
	await db.transaction('rw', db.events, db.outbox, async () => {
		await db.events.add(stored);
		await db.outbox.add({ id: stored.id, queuedAt: stored.at });
	});
	return stored;
}
