import type { ClydeDatabase } from '$lib/db/database';
import { exercisesByLesson } from './catalog-exercises';
import type { ProgressEvent } from './event-types';
import { foldSummary, type LessonSummary } from './lesson-summary';

/**
 * Stores events that came from elsewhere (the learner's other devices, through a pull) and
 * folds the new ones into their lessons' summaries, in one transaction: the summaries never
 * disagree with the events. Events already held are left as they are. Call it inside a
 * transaction over events, summaries and the catalog (which names each lesson's exercises) to
 * add more to the same commit (the pull's cursor).
 * Returns how many were new.
 */
export async function mergeEvents(
	db: ClydeDatabase,
	events: readonly ProgressEvent[]
): Promise<number> {
	return db.transaction('rw', [db.events, db.summaries, db.catalog], async () => {
		const held = await db.events.bulkGet(events.map((e) => e.id));
		const seen = new Set<string>();
		const fresh = events.filter((event, i) => {
			if (held[i] || seen.has(event.id)) return false;
			seen.add(event.id);
			return true;
		});
		if (fresh.length === 0) return 0;
		const lessons = [...new Set(fresh.map((e) => e.lesson))];
		const summaries = new Map<string, LessonSummary>();
		(await db.summaries.bulkGet(lessons)).forEach((summary, i) => {
			if (summary) summaries.set(lessons[i] as string, summary);
		});
		const exercises = exercisesByLesson(await db.catalog.toArray());
		for (const event of fresh) {
			const folded = foldSummary(summaries.get(event.lesson), event, exercises.get(event.lesson));
			summaries.set(event.lesson, folded);
		}
		await db.events.bulkAdd(fresh);
		await db.summaries.bulkPut([...summaries.values()]);
		return fresh.length;
	});
}
