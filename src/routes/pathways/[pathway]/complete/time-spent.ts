import type { PathwayProgress } from '$lib/progress/derive';
import { t } from '$lib/i18n/i18n.svelte';
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
			? t('welcome_minutes', { count: minutes })
			: minutes < 90
				? t('time_about_an_hour')
				: t('welcome_hours', { count: Math.round(minutes / 60) });
	const day = (at: string | undefined) =>
		at ? Date.parse(calendarDate(new Date(at), timeZone)) : NaN;
	const days = Math.round((day(progress.lastDoneAt) - day(progress.startedAt)) / DAY) + 1;
	if (!(days >= 1)) return t('time_of_lessons', { length });
	return days === 1
		? t('time_in_one_day', { length })
		: t('time_over_days', { length, count: days });
}
