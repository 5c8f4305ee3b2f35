import { describe, expect, it } from 'vitest';
import { makePathway } from '../../../tests/factories/catalog';
import type { ProgressEvent } from './event-types';
import { continueLesson, lessonProgress, pathwayProgress } from './derive';

const base = { module: 'p-m1', pathway: 'p', at: '2026-01-01T00:00:00.000Z' };
const events: ProgressEvent[] = [
	{ ...base, id: '01', type: 'lesson_opened', lesson: 'p-m1-l1' },
	{
		...base,
		id: '02',
		type: 'quiz_completed',
		lesson: 'p-m1-l1',
		correct: 2,
		total: 4,
		passed: false
	},
	{
		...base,
		id: '03',
		type: 'quiz_completed',
		lesson: 'p-m1-l1',
		correct: 4,
		total: 4,
		passed: true
	},
	{
		...base,
		id: '04',
		type: 'quiz_completed',
		lesson: 'p-m1-l1',
		correct: 3,
		total: 4,
		passed: true
	},
	{ ...base, id: '05', type: 'lesson_completed', lesson: 'p-m1-l1' },
	{ ...base, id: '06', type: 'lesson_opened', lesson: 'p-m1-l2' },
	{ ...base, id: '07', type: 'lesson_opened', lesson: 'p-m1-l3' }
];

describe('progress derived from events', () => {
	it('marks complete and keeps the best quiz, in any order of arrival', () => {
		const forwards = lessonProgress(events);
		const backwards = lessonProgress([...events].reverse());
		expect(forwards).toEqual(backwards);
		expect(forwards.get('p-m1-l1')).toEqual({
			opened: true,
			completed: true,
			bestQuiz: { correct: 4, total: 4, passed: true }
		});
		expect(forwards.get('p-m1-l2')).toEqual({ opened: true, completed: false });
	});

	it('a duplicated event (a retried sync) changes nothing', () => {
		expect(lessonProgress([...events, ...events])).toEqual(lessonProgress(events));
	});

	it('counts completed lessons per module and pathway', () => {
		const progress = pathwayProgress(makePathway('p', 2, 3), lessonProgress(events));
		expect(progress).toEqual({
			completed: 1,
			total: 6,
			modules: [
				{ id: 'p-m1', completed: 1, total: 3 },
				{ id: 'p-m2', completed: 0, total: 3 }
			]
		});
	});

	it('continues with the latest opened lesson that is not complete', () => {
		expect(continueLesson(events)?.lesson).toBe('p-m1-l3');
		expect(continueLesson(events.slice(0, 5))).toBeUndefined();
	});
});
