import { describe, expect, it } from 'vitest';
import { seededRandom } from '$lib/random/seeded-random';
import { shuffled } from '../../../tests/factories/events';
import {
	doneAt,
	exercisesLeft,
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

const exercise = (day: number, id: string, passed: boolean): StateEvent => ({
	type: 'exercise_checked',
	at: at(day),
	exercise: id,
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
		expect(doneAt(fold([opened(1), quiz(2, false), completed(5), quiz(3, true)]))).toBe(at(3));
		expect(doneAt(fold([quiz(9, true), completed(4)]))).toBe(at(4));
		expect(doneAt(fold([opened(1), quiz(2, false)]))).toBeUndefined();
	});

	describe('with exercises', () => {
		const both = ['first', 'second'];

		it('is not done until each exercise has passed, whatever the quiz says', () => {
			const finished = fold([completed(1), quiz(2, true), exercise(3, 'first', true)]);
			expect(isDone(finished, both)).toBe(false);
			expect(lessonState(finished, both)).toBe('opened');
			expect(exercisesLeft(finished, both)).toEqual(['second']);
			expect(isDone(withEvent(finished, exercise(4, 'second', true)), both)).toBe(true);
		});

		it('is not done with every exercise passed but the lesson not finished', () => {
			const practised = fold([exercise(1, 'first', true), exercise(1, 'second', true)]);
			expect(isDone(practised, both)).toBe(false);
			expect(isDone(withEvent(practised, completed(2)), both)).toBe(true);
		});

		it('counts only passing checks, and a pass is kept after a later failure', () => {
			const facts = fold([completed(1), exercise(2, 'first', false), exercise(2, 'second', true)]);
			expect(exercisesLeft(facts, both)).toEqual(['first']);
			const passed = fold([completed(1), exercise(3, 'first', true), exercise(5, 'first', false)]);
			expect(exercisesLeft(passed, ['first'])).toEqual([]);
		});

		it('is done at the latest of finishing and each exercise’s first pass', () => {
			const facts = fold([
				exercise(6, 'first', true),
				completed(2),
				exercise(4, 'second', true),
				exercise(3, 'first', true),
				exercise(9, 'second', true)
			]);
			expect(doneAt(facts, both)).toBe(at(4));
			expect(doneAt(withEvent(facts, completed(8)), both)).toBe(at(4));
			expect(doneAt(fold([exercise(1, 'first', true), completed(2)]), ['first'])).toBe(at(2));
		});

		it('leaves a lesson without exercises to the old rule (events before issue #16)', () => {
			const facts = fold([opened(1), completed(2), exercise(3, 'stray', false)]);
			expect(isDone(facts)).toBe(true);
			expect(isDone(facts, [])).toBe(true);
		});
	});

	it('names only completions and passes as done-making', () => {
		expect([opened(1), answered(1), quiz(1, false)].map(makesDone)).toEqual([false, false, false]);
		expect([completed(1), quiz(1, true)].map(makesDone)).toEqual([true, true]);
	});

	it('gives the same facts in any order, and with every event twice', () => {
		const events = [
			opened(1),
			quiz(2, false),
			quiz(4, true),
			completed(3),
			answered(2),
			exercise(5, 'a', true),
			exercise(3, 'a', true),
			exercise(4, 'b', false)
		];
		const expected = fold(events);
		const random = seededRandom(12);
		for (let i = 0; i < 50; i++) {
			expect(fold(shuffled([...events, ...events], random))).toEqual(expected);
		}
	});
});
