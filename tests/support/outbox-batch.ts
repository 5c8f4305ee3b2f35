import { v7 as uuidv7 } from 'uuid';
import type { ClydeDatabase } from '../../src/lib/db/database';
import type { ProgressEvent } from '../../src/lib/progress/event-types';

export interface Place {
	lessons: string[];
	module: string;
	pathway: string;
}

/**
 * `count` events in a phone's outbox, written as recordEvent writes them (each event with its
 * outbox row, in one transaction) but in bulk: hundreds of separate transactions in
 * fake-indexeddb would cost seconds of CI time and test nothing more.
 */
export async function queueEvents(
	db: ClydeDatabase,
	count: number,
	place: Place,
	at = new Date()
): Promise<ProgressEvent[]> {
	const events = Array.from({ length: count }, (_, i): ProgressEvent => ({
		id: uuidv7({ msecs: at.getTime() + i }),
		type: 'lesson_completed',
		lesson: place.lessons[i % place.lessons.length] as string,
		module: place.module,
		pathway: place.pathway,
		at: at.toISOString()
	}));
	await db.transaction('rw', db.events, db.outbox, async () => {
		await db.events.bulkAdd(events);
		await db.outbox.bulkAdd(events.map((e) => ({ id: e.id, queuedAt: e.at })));
	});
	return events;
}
