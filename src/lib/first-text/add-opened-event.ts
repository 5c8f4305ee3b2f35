import type { LessonPlace } from '$lib/catalog/find';
import { exercisesByLesson } from '$lib/progress/catalog-exercises';
import type { ProgressEvent } from '$lib/progress/event-types';
import { foldSummary, type LessonSummary } from '$lib/progress/lesson-summary';
import { stampEvent } from '$lib/progress/stamp-event';
import { request } from './idb-request';

/** The stores a lesson's "opened" event is written to, as record-event.ts writes it. */
export const OPENED_STORES = ['events', 'outbox', 'summaries'] as const;

/**
 * Adds the lesson's "opened" event, its outbox row and its lesson's new summary inside `tx`, as
 * record-event.ts does through Dexie (the same stamp, the same fold with the catalog's
 * exercises): on a cold open the early text is shown before Dexie has loaded, and the open must
 * be on disk by then, or a learner who leaves at once is not taken back to the lesson.
 */
export async function addOpenedEvent(
	tx: IDBTransaction,
	place: LessonPlace,
	now = new Date()
): Promise<ProgressEvent> {
	const event = stampEvent(
		{
			type: 'lesson_opened',
			lesson: place.lesson.id,
			module: place.module.id,
			pathway: place.pathway.id
		},
		now
	);
	const summaries = tx.objectStore('summaries');
	const exercises = exercisesByLesson([place.pathway]).get(event.lesson) ?? [];
	await Promise.all([
		request(tx.objectStore('events').add(event)),
		request(tx.objectStore('outbox').add({ id: event.id, queuedAt: event.at })),
		request<LessonSummary | undefined>(summaries.get(event.lesson)).then((summary) =>
			request(summaries.put(foldSummary(summary, event, exercises)))
		)
	]);
	return event;
}
