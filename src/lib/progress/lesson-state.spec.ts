import { describe, expect, it } from 'vitest';
import { seededRandom } from '$lib/random/seeded-random';
import { shuffled } from '../../../tests/factories/events';
import {
	isDone,
	lessonState,
	makesDone,
	NO_FACTS,
	withEvent,
	type LessonFacts,
	type StateEvent
} from './lesson-state';

const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T09:00:00.000Z`;
const opened = (day: number): StateEvent => ({ type: 'lesson_opened', at: at(day) });
const answered = (day: number): StateEvent => ({ type: 'quiz_answered', at: at(day) });
const completed = (day: number): StateEvent => ({ type: 'lesson_completed', at: at(day) });
const quiz = (day: number, passed: boolean): StateEvent => ({
	type: 'quiz_completed',
	at: at(day),
	passed
});

const fold = (events: StateEvent[]): LessonFacts => events.reduce(withEvent, NO_FACTS);

describe('the rule for "done"', () => {
	it('is not started with no events, and opened by anything that is not done-making', () => {
		expect(lessonState(NO_FACTS)).toBe('not_started');
		expect(lessonState(fold([opened(1)]))).toBe('opened');
		expect(lessonState(fold([answered(1)]))).toBe('opened');
		expect(lessonState(fold([opened(1), quiz(2, false), quiz(3, false)]))).toBe('opened');
	});

	it('is done when marked complete', () => {
		expect(lessonState(fold([opened(1), completed(2)]))).toBe('done');
	});

	it('is done when its quiz is passed, without being marked complete', () => {
		const facts = fold([opened(1), quiz(2, false), quiz(3, true)]);
		expect(facts).toMatchObject({ completed: false, quizPassed: true });
		expect(isDone(facts)).toBe(true);
	});

	it('is done at the earliest event that alone made it done', () => {
		expect(fold([opened(1), quiz(2, false), completed(5), quiz(3, true)]).doneAt).toBe(at(3));
		expect(fold([quiz(9, true), completed(4)]).doneAt).toBe(at(4));
		expect(fold([opened(1), quiz(2, false)]).doneAt).toBeUndefined();
	});

	it('names only completions and passes as done-making', () => {
		expect([opened(1), answered(1), quiz(1, false)].map(makesDone)).toEqual([false, false, false]);
		expect([completed(1), quiz(1, true)].map(makesDone)).toEqual([true, true]);
	});

	it('gives the same facts in any order, and with every event twice', () => {
		const events = [opened(1), quiz(2, false), quiz(4, true), completed(3), answered(2)];
		const expected = fold(events);
		const random = seededRandom(12);
		for (let i = 0; i < 50; i++) {
			expect(fold(shuffled([...events, ...events], random))).toEqual(expected);
		}
	});
});
