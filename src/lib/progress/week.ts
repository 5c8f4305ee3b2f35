/**
 * Calendar weeks as the learner lives them: Monday to Sunday in their own time zone. A week
 * is named by its Monday's date, "2026-03-30", so weeks compare and sort as text. Arithmetic is
 * on calendar dates, never on milliseconds, so a clock change (a 23- or 25-hour day) cannot
 * move a lesson into the wrong week.
 */
export type WeekKey = string;

const DAY = 24 * 60 * 60 * 1000;
const formats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) at `instant` in `timeZone` (an IANA name). */
export function calendarDate(instant: Date, timeZone: string): string {
	let format = formats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-CA', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit'
		});
		formats.set(timeZone, format);
	}
	const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
	return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The week (its Monday) that a calendar date falls in. */
export function weekOfDate(date: string): WeekKey {
	const day = Date.parse(`${date}T00:00:00Z`);
	// getUTCDay: 0 is Sunday; Monday starts the week.
	const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
	return new Date(day - sinceMonday * DAY).toISOString().slice(0, 10);
}

/** The week an instant falls in, where the learner is. */
export function weekOf(instant: Date, timeZone: string): WeekKey {
	return weekOfDate(calendarDate(instant, timeZone));
}

export function addWeeks(week: WeekKey, weeks: number): WeekKey {
	return new Date(Date.parse(`${week}T00:00:00Z`) + weeks * 7 * DAY).toISOString().slice(0, 10);
}

/** The phone's own time zone. */
export function deviceTimeZone(): string {
	return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
