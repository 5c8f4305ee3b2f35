import { describe, expect, it } from 'vitest';
import { lessonRecord } from './cell-state';
import type { TutorEvent } from './types';

let counter = 0;
/** Nine in the morning (UTC) on the given day of January 2026. */
const on = (day: number) => new Date(Date.UTC(2026, 0, day, 9)).toISOString();

function event(type: TutorEvent['type'], day: number, extra: Partial<TutorEvent> = {}): TutorEvent {
	counter += 1;
	return {
		id: `e${counter}`,
		user: 'u1',
		type,
		lesson: 'p-m1-l1',
		module: 'p-m1',
		at: on(day),
		seq: counter,
		...extra
	};
}
const opened = (day: number) => event('lesson_opened', day);
const completed = (day: number) => event('lesson_completed', day);
const failed = (day: number, correct = 1, total = 4) =>
	event('quiz_completed', day, { correct, total, passed: false });
const passed = (day: number, correct = 4, total = 4) =>
	event('quiz_completed', day, { correct, total, passed: true });

/** Every order of a short list (n! of them, so keep it short). */
function permutations<T>(items: readonly T[]): T[][] {
	if (items.length <= 1) return [[...items]];
	return items.flatMap((item, i) =>
		permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest])
	);
}

const QUIZ_FAILS = 3;

describe('lessonRecord: the state of one lesson', () => {
	it('is not started with no events', () => {
		expect(lessonRecord([], QUIZ_FAILS)).toEqual({
			state: 'not_started',
			fails: 0,
			passed: false,
			bestScore: undefined,
			doneAt: undefined,
			exercisesPassed: 0,
			exercises: 0
		});
	});

	it('is opened once opened, and completed once completed', () => {
		expect(lessonRecord([opened(1)], QUIZ_FAILS).state).toBe('opened');
		expect(lessonRecord([opened(1), completed(2)], QUIZ_FAILS).state).toBe('completed');
	});

	it('is quiz passed once any attempt passed, with or without a completion', () => {
		expect(lessonRecord([opened(1), passed(2)], QUIZ_FAILS).state).toBe('quiz_passed');
		expect(lessonRecord([opened(1), completed(2), passed(3)], QUIZ_FAILS).state).toBe(
			'quiz_passed'
		);
	});

	it('counts a failed attempt as opened even if the opening was not synced', () => {
		expect(lessonRecord([failed(1)], QUIZ_FAILS)).toMatchObject({ state: 'opened', fails: 1 });
	});
});

describe('lessonRecord: needs help', () => {
	it('needs help at exactly the threshold of failed attempts', () => {
		const record = lessonRecord([opened(1), failed(1), failed(2), failed(3)], 3);
		expect(record).toMatchObject({ state: 'needs_help', fails: 3, passed: false });
	});

	it('does not need help one failure below the threshold', () => {
		expect(lessonRecord([opened(1), failed(1), failed(2)], 3)).toMatchObject({
			state: 'opened',
			fails: 2
		});
		expect(lessonRecord([opened(1), completed(1), failed(1), failed(2)], 3).state).toBe(
			'completed'
		);
	});

	it('is cleared by a later pass, and the failures are still counted', () => {
		const record = lessonRecord([failed(1), failed(2), failed(3), passed(4)], 3);
		expect(record).toMatchObject({ state: 'quiz_passed', fails: 3, passed: true });
	});

	it('counts failures after a pass too, without needing help again', () => {
		const record = lessonRecord([passed(1), failed(2), failed(3), failed(4)], 3);
		expect(record).toMatchObject({ state: 'quiz_passed', fails: 3, passed: true });
	});
});

describe('lessonRecord: scores and when it was done', () => {
	it('keeps the best score of any attempt, passed or failed', () => {
		expect(lessonRecord([failed(1, 1), passed(2, 3), failed(3, 2)], 3).bestScore).toBe(0.75);
		expect(lessonRecord([failed(1, 1, 4), failed(2, 2, 4)], 3).bestScore).toBe(0.5);
		expect(lessonRecord([failed(1, 0, 5)], 3).bestScore).toBe(0);
	});

	it('has no score without a finished quiz', () => {
		expect(lessonRecord([opened(1), completed(2)], 3).bestScore).toBeUndefined();
	});

	it('is done at the completion when that came before the first pass', () => {
		expect(lessonRecord([opened(1), completed(3), passed(5), passed(7)], 3).doneAt).toBe(on(3));
	});

	it('is done at the first pass when that came before the completion', () => {
		expect(lessonRecord([passed(7), completed(5), passed(2)], 3).doneAt).toBe(on(2));
	});

	it('is not done by opening it or failing its quiz', () => {
		expect(lessonRecord([opened(1), failed(2), failed(3)], 5).doneAt).toBeUndefined();
		expect(lessonRecord([failed(1), completed(4)], 5).doneAt).toBe(on(4));
	});
});

describe('lessonRecord: the order and repetition of events', () => {
	const history = [opened(1), failed(2, 1), failed(3, 2), completed(4), passed(5, 3), failed(6, 0)];

	it('gives the same record in every order of arrival', () => {
		const expected = lessonRecord(history, 2);
		expect(expected).toEqual({
			state: 'quiz_passed',
			fails: 3,
			passed: true,
			bestScore: 0.75,
			doneAt: on(4),
			exercisesPassed: 0,
			exercises: 0
		});
		for (const order of permutations(history)) expect(lessonRecord(order, 2)).toEqual(expected);
	});

	it('gives the same needs-help record in every order of arrival', () => {
		const stuck = [opened(1), failed(2, 2), failed(3, 1), failed(4, 0)];
		for (const order of permutations(stuck))
			expect(lessonRecord(order, 3)).toEqual({
				state: 'needs_help',
				fails: 3,
				passed: false,
				bestScore: 0.5,
				doneAt: undefined,
				exercisesPassed: 0,
				exercises: 0
			});
	});

	it('changes nothing when every event arrives twice', () => {
		expect(lessonRecord([...history, ...history], 2)).toEqual(lessonRecord(history, 2));
	});

	it('does not count a failed attempt twice when it arrives twice', () => {
		const attempt = failed(2);
		const twice = [opened(1), failed(1), attempt, { ...attempt }];
		expect(lessonRecord(twice, 3)).toMatchObject({ state: 'opened', fails: 2 });
	});
});
