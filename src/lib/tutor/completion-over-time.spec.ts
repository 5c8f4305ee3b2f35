import { describe, expect, it } from 'vitest';
import type { LessonRecord } from './cell-state';
import { completionOverTime } from './completion-over-time';
import type { LearnerRow } from './dashboard';

/** Noon (UTC) on 10 March 2026. */
const NOW = Date.parse('2026-03-10T12:00:00.000Z');

/** A learner's row whose lessons were done at these times (undefined: not done). */
function row(...doneAt: (string | undefined)[]): LearnerRow {
	const lessons: LessonRecord[] = doneAt.map((at) => ({
		state: at ? 'completed' : 'not_started',
		fails: 0,
		passed: false,
		exercisesPassed: 0,
		exercises: 0,
		doneAt: at
	}));
	return {
		learner: { id: 'u', membership: 'm', name: 'U', email: 'u@example.org', joined: '' },
		lessons,
		modules: [lessons.filter((l) => l.doneAt).length],
		completed: lessons.filter((l) => l.doneAt).length,
		quizAverage: undefined,
		lastActive: undefined,
		signals: []
	};
}

describe('completionOverTime', () => {
	it('is empty for a cohort with no learners', () => {
		expect(completionOverTime([], 6, NOW)).toEqual([]);
	});

	it('is empty for a pathway with no lessons', () => {
		expect(completionOverTime([row(), row()], 0, NOW)).toEqual([]);
	});

	it('is empty when nobody has done a lesson yet: nothing to draw', () => {
		expect(completionOverTime([row(undefined, undefined)], 2, NOW)).toEqual([]);
	});

	it('runs day by day from the day before the first lesson done (at 0) to today, adding up', () => {
		const rows = [
			row('2026-03-07T10:00:00.000Z', '2026-03-09T10:00:00.000Z'),
			row('2026-03-07T15:00:00.000Z', undefined)
		];
		expect(completionOverTime(rows, 2, NOW)).toEqual([
			{ day: '2026-03-06', share: 0 },
			{ day: '2026-03-07', share: 2 / 4 },
			{ day: '2026-03-08', share: 2 / 4 },
			{ day: '2026-03-09', share: 3 / 4 },
			{ day: '2026-03-10', share: 3 / 4 }
		]);
	});

	it('cuts days at midnight UTC', () => {
		const rows = [row('2026-03-08T23:59:59.999Z', '2026-03-09T00:00:00.000Z')];
		expect(completionOverTime(rows, 2, NOW)).toEqual([
			{ day: '2026-03-07', share: 0 },
			{ day: '2026-03-08', share: 1 / 2 },
			{ day: '2026-03-09', share: 2 / 2 },
			{ day: '2026-03-10', share: 2 / 2 }
		]);
	});

	it('draws a line, not a dot, when all the work happened today', () => {
		const rows = [
			row('2026-03-10T00:00:00.000Z', '2026-03-10T09:30:00.000Z'),
			row('2026-03-10T11:00:00.000Z', undefined)
		];
		expect(completionOverTime(rows, 2, NOW)).toEqual([
			{ day: '2026-03-09', share: 0 },
			{ day: '2026-03-10', share: 3 / 4 }
		]);
	});

	it('draws a line when all the work happened on one day in the past', () => {
		const rows = [row('2026-03-03T10:00:00.000Z', '2026-03-03T10:20:00.000Z')];
		const points = completionOverTime(rows, 4, NOW);
		expect(points[0]).toEqual({ day: '2026-03-02', share: 0 });
		expect(points.slice(1).every((p) => p.share === 2 / 4)).toBe(true);
		expect(points.at(-1)?.day).toBe('2026-03-10');
	});

	it('counts a time in the future (a fast device clock) as today', () => {
		const rows = [row('2026-03-09T08:00:00.000Z', '2026-03-13T08:00:00.000Z')];
		expect(completionOverTime(rows, 2, NOW)).toEqual([
			{ day: '2026-03-08', share: 0 },
			{ day: '2026-03-09', share: 1 / 2 },
			{ day: '2026-03-10', share: 2 / 2 }
		]);
	});

	it('shows only the last `days` days, still counting what was done before them', () => {
		const rows = [
			row('2026-01-01T08:00:00.000Z', '2026-03-09T08:00:00.000Z', undefined, undefined)
		];
		expect(completionOverTime(rows, 4, NOW, 3)).toEqual([
			{ day: '2026-03-08', share: 1 / 4 },
			{ day: '2026-03-09', share: 2 / 4 },
			{ day: '2026-03-10', share: 2 / 4 }
		]);
	});

	it('shows 90 days by default', () => {
		const points = completionOverTime([row('2025-06-01T08:00:00.000Z')], 1, NOW);
		expect(points).toHaveLength(90);
		expect(points[0]).toEqual({ day: '2025-12-11', share: 1 });
		expect(points.at(-1)).toEqual({ day: '2026-03-10', share: 1 });
	});

	it('starts the day before the first lesson done when that is inside the window', () => {
		const points = completionOverTime([row('2026-03-08T08:00:00.000Z')], 1, NOW, 30);
		expect(points.map((p) => p.day)).toEqual([
			'2026-03-07',
			'2026-03-08',
			'2026-03-09',
			'2026-03-10'
		]);
	});

	it('skips a done time it cannot read', () => {
		expect(completionOverTime([row('not a date', '2026-03-10T01:00:00.000Z')], 2, NOW)).toEqual([
			{ day: '2026-03-09', share: 0 },
			{ day: '2026-03-10', share: 1 / 2 }
		]);
		expect(completionOverTime([row('not a date')], 1, NOW)).toEqual([]);
	});
});
