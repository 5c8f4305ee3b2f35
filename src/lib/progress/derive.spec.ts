import { describe, expect, it } from 'vitest';
import { makePathway } from '../../../tests/factories/catalog';
import type { ProgressEvent } from './event-types';
import { byLesson, pathwayProgress } from './derive';
import { summarise } from './lesson-summary';

const base = { module: 'p-m1', pathway: 'p' };
const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T09:00:00.000Z`;
const events: ProgressEvent[] = [
	{ ...base, id: '01', at: at(2), type: 'lesson_opened', lesson: 'p-m1-l1' },
	{ ...base, id: '02', at: at(3), type: 'lesson_completed', lesson: 'p-m1-l1' },
	{ ...base, id: '03', at: at(4), type: 'lesson_opened', lesson: 'p-m1-l2' },
	{
		...base,
		id: '04',
		at: at(6),
		type: 'quiz_completed',
		lesson: 'p-m1-l2',
		correct: 4,
		total: 4,
		passed: true
	},
	{ ...base, id: '05', at: at(7), type: 'lesson_opened', lesson: 'p-m1-l3' },
	{ ...base, module: 'p-m2', id: '06', at: at(8), type: 'lesson_opened', lesson: 'p-m2-l1' }
];

describe('pathway progress from lesson summaries', () => {
	it('counts a lesson done when completed or when its quiz was passed', () => {
		const progress = pathwayProgress(
			makePathway('p', 2, 3),
			byLesson([...summarise(events).values()])
		);
		expect(progress).toEqual({
			completed: 2,
			total: 6,
			modules: [
				{ id: 'p-m1', completed: 2, total: 3 },
				{ id: 'p-m2', completed: 0, total: 3 }
			],
			minutes: 10,
			exercisesLeft: 0,
			startedAt: at(2),
			lastDoneAt: at(6)
		});
	});

	it('is nothing done, with no dates, for a pathway not started', () => {
		expect(pathwayProgress(makePathway('p', 1, 2), byLesson([]))).toEqual({
			completed: 0,
			total: 2,
			modules: [{ id: 'p-m1', completed: 0, total: 2 }],
			minutes: 0,
			exercisesLeft: 0
		});
	});

	it('ignores summaries of lessons that are no longer in the pathway', () => {
		const gone = { ...base, id: '09', at: at(9), type: 'lesson_completed' as const, lesson: 'old' };
		const progress = pathwayProgress(
			makePathway('p', 1, 2),
			byLesson([...summarise([gone]).values()])
		);
		expect(progress.completed).toBe(0);
	});
});
