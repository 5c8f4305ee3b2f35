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
 * The cohort's completion, day by day, from the first day anyone did a lesson (or `days`
 * before today, whichever is later) to today. Each learner's lessons count from the day they
 * were first done, by the device's clock; times in the future count as today.
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
	for (const row of rows) {
		for (const record of row.lessons) {
			if (!record.doneAt) continue;
			const at = Date.parse(record.doneAt);
			if (!Number.isNaN(at)) doneTimes.push(Math.min(at, now));
		}
	}
	doneTimes.sort((a, b) => a - b);
	const today = Date.parse(dayOf(now));
	const first = doneTimes[0];
	const earliest = first === undefined ? today : Date.parse(dayOf(first));
	const start = Math.max(earliest, today - (days - 1) * DAY);
	const points: CompletionPoint[] = [];
	let index = 0;
	for (let day = start; day <= today; day += DAY) {
		while (index < doneTimes.length && (doneTimes[index] ?? Infinity) < day + DAY) index += 1;
		points.push({ day: dayOf(day), share: index / total });
	}
	return points;
}
