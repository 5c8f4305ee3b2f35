import type { PathwayProgress } from '$lib/progress/derive';
import { calendarDate } from '$lib/progress/week';

const DAY = 24 * 60 * 60 * 1000;

/**
 * "about 2 hours of lessons over 12 days": the lessons' own estimates of the time the done ones
 * take, and the calendar days (where the learner is) from the first lesson opened to the last
 * one done. Clyde does not time the learner (a lesson left open on a bus is not study); the
 * estimates are what editors wrote.
 */
export function describeTime(
	progress: Pick<PathwayProgress, 'minutes' | 'startedAt' | 'lastDoneAt'>,
	timeZone: string
): string {
	const minutes = progress.minutes;
	const length =
		minutes < 60
			? `about ${minutes} minute${minutes === 1 ? '' : 's'}`
			: minutes < 90
				? 'about an hour'
				: `about ${Math.round(minutes / 60)} hours`;
	const day = (at: string | undefined) =>
		at ? Date.parse(calendarDate(new Date(at), timeZone)) : NaN;
	const days = Math.round((day(progress.lastDoneAt) - day(progress.startedAt)) / DAY) + 1;
	if (!(days >= 1)) return `${length} of lessons`;
	return days === 1 ? `${length} of lessons in one day` : `${length} of lessons over ${days} days`;
}
