import type { LessonRecord } from './cell-state';
import type { LearnerRow } from './dashboard';

export interface CompletionPoint {
	/** The day, as YYYY-MM-DD (UTC). */
	day: string;
	/** Share of all the cohort's lessons done by the end of that day (0–1). */
	share: number;
}

const DAY = 24 * 60 * 60 * 1000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The cohort's completion, day by day, from the day before anyone did a lesson (at 0, so even
 * a cohort whose work all fell on one day draws a line) to today, at most `days` days. Each
 * learner's lessons count from the day they were first done, by the device's clock; times in
 * the future count as today. Empty until a lesson is done: there is nothing to draw.
 */
export function completionOverTime(
	rows: readonly LearnerRow[],
	lessonCount: number,
	now: number,
	days = 90
): CompletionPoint[] {
	const total = rows.length * lessonCount;
	if (total === 0) return [];
	const doneTimes: number[] = [];
	// Indexed loops: this runs over every cell, cold, as the dashboard opens.
	for (let r = 0; r < rows.length; r++) {
		const lessons = (rows[r] as LearnerRow).lessons;
		for (let l = 0; l < lessons.length; l++) {
			const doneAt = (lessons[l] as LessonRecord).doneAt;
			if (!doneAt) continue;
			const at = Date.parse(doneAt);
			if (!Number.isNaN(at)) doneTimes.push(at < now ? at : now);
		}
	}
	doneTimes.sort((a, b) => a - b);
	const first = doneTimes[0];
	if (first === undefined) return [];
	const today = Date.parse(dayOf(now));
	const start = Math.max(Date.parse(dayOf(first)) - DAY, today - (days - 1) * DAY);
	const points: CompletionPoint[] = [];
	let index = 0;
	for (let day = start; day <= today; day += DAY) {
		while (index < doneTimes.length && (doneTimes[index] ?? Infinity) < day + DAY) index += 1;
		points.push({ day: dayOf(day), share: index / total });
	}
	return points;
}
