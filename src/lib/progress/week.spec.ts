import { describe, expect, it } from 'vitest';
import { addWeeks, calendarDate, weekOf, weekOfDate } from './week';

describe('weeks where the learner is', () => {
	it('start on Monday', () => {
		// 30 March 2026 is a Monday.
		for (const day of ['2026-03-30', '2026-04-01', '2026-04-05'])
			expect(weekOfDate(day)).toBe('2026-03-30');
		expect(weekOfDate('2026-04-06')).toBe('2026-04-06');
		expect(weekOfDate('2026-03-29')).toBe('2026-03-23');
	});

	it('cross months and years', () => {
		expect(weekOfDate('2027-01-01')).toBe('2026-12-28');
		expect(addWeeks('2026-12-28', 1)).toBe('2027-01-04');
		expect(addWeeks('2026-03-02', -1)).toBe('2026-02-23');
		expect(weekOfDate('2028-02-29')).toBe('2028-02-28');
	});

	it('end at midnight on Sunday in the learner’s own time zone, not in UTC', () => {
		// 23:30 on Sunday 5 April in Glasgow (summer time, UTC+1) is 22:30 UTC.
		const sundayNight = new Date('2026-04-05T22:30:00Z');
		expect(weekOf(sundayNight, 'Europe/London')).toBe('2026-03-30');
		// 00:30 on Monday 6 April in Glasgow is still Sunday in UTC.
		const mondayMorning = new Date('2026-04-05T23:30:00Z');
		expect(weekOf(mondayMorning, 'Europe/London')).toBe('2026-04-06');
		expect(weekOf(mondayMorning, 'UTC')).toBe('2026-03-30');
		// Far east of UTC, the new week has begun hours earlier.
		expect(weekOf(new Date('2026-04-05T15:00:00Z'), 'Pacific/Auckland')).toBe('2026-04-06');
	});

	it('are not moved by the clocks changing', () => {
		// The clocks go forward at 01:00 UTC on Sunday 29 March 2026 (a 23-hour day in the UK).
		expect(calendarDate(new Date('2026-03-29T00:30:00Z'), 'Europe/London')).toBe('2026-03-29');
		expect(weekOf(new Date('2026-03-29T22:59:00Z'), 'Europe/London')).toBe('2026-03-23');
		expect(weekOf(new Date('2026-03-29T23:00:00Z'), 'Europe/London')).toBe('2026-03-30');
		// They go back at 01:00 UTC on Sunday 25 October 2026 (a 25-hour day).
		expect(weekOf(new Date('2026-10-25T23:59:00Z'), 'Europe/London')).toBe('2026-10-19');
		expect(weekOf(new Date('2026-10-26T00:00:00Z'), 'Europe/London')).toBe('2026-10-26');
		// A week that holds a clock change is still one week long.
		expect(addWeeks('2026-03-23', 1)).toBe('2026-03-30');
		expect(addWeeks('2026-10-19', 1)).toBe('2026-10-26');
	});
});
