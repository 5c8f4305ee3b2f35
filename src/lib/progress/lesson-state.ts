import type { ProgressEventType } from './event-types';

/**
 * The one rule for "done", shared by the learner's progress (lesson-summary.ts), the tutor's
 * grid, CSV and signals (src/lib/tutor/cell-state.ts), and mirrored in SQL on the server:
 *
 *   a lesson is done when it was marked complete, or its quiz was passed.
 *
 * Going on from the end of a lesson (or from its quiz's result) marks it complete, so the
 * learner never has to find a separate button to get credit.
 *
 * Seam for exercises (issue #16): give `LessonFacts` an `exercisesPassed` fact, set it in
 * `withEvent` from the exercise events, and add it to `isDone` and `makesDone`. Nothing else
 * decides done-ness, so the learner's and the tutor's sides follow.
 */
export type LessonState = 'not_started' | 'opened' | 'done';

/** The least of an event this rule reads; learner and tutor events both have it. */
export interface StateEvent {
	type: ProgressEventType;
	/** The device's clock when it happened (ISO 8601). */
	at: string;
	/** Quiz attempts only. */
	passed?: boolean;
}

/** What the events say about one lesson. Every field only grows, so any order gives the same. */
export interface LessonFacts {
	/** Anything happened on it: opened, answered, completed. */
	touched: boolean;
	/** Marked complete (by going on from its end, or an older app's button). */
	completed: boolean;
	quizPassed: boolean;
	/** The earliest time (device clock) of an event that alone made it done. */
	doneAt?: string;
}

export const NO_FACTS: LessonFacts = Object.freeze({
	touched: false,
	completed: false,
	quizPassed: false
});

/** The rule itself. */
export function isDone(facts: LessonFacts): boolean {
	return facts.completed || facts.quizPassed;
}

export function lessonState(facts: LessonFacts): LessonState {
	return isDone(facts) ? 'done' : facts.touched ? 'opened' : 'not_started';
}

/** An event that on its own makes a lesson done (so its time can be when it became done). */
export function makesDone(event: StateEvent): boolean {
	return event.type === 'lesson_completed' || (event.type === 'quiz_completed' && !!event.passed);
}

/**
 * The facts with one more event. Commutative and idempotent (flags only turn on, `doneAt` is
 * a minimum), so events merged from another device in any order, or twice, give the same.
 */
export function withEvent(facts: LessonFacts, event: StateEvent): LessonFacts {
	const done = makesDone(event);
	return {
		touched: true,
		completed: facts.completed || event.type === 'lesson_completed',
		quizPassed: facts.quizPassed || (event.type === 'quiz_completed' && !!event.passed),
		doneAt: done && (!facts.doneAt || event.at < facts.doneAt) ? event.at : facts.doneAt
	};
}
