import type { ProgressEventType } from './event-types';

/**
 * The one rule for "done", shared by the learner's progress (lesson-summary.ts), the tutor's
 * grid, CSV and signals (src/lib/tutor/cell-state.ts), and mirrored on the server
 * (pb_hooks/lib/lesson-done.js, reading the SQL tallies of pb_hooks/lib/tallies.js):
 *
 *   a lesson is done when it was marked complete, or its quiz was passed,
 *   and each of its exercises has been passed.
 *
 * Going on from the end of a lesson (or from its quiz's result) marks it complete, so the
 * learner never has to find a separate button to get credit. A lesson without exercises
 * (every lesson before issue #16) keeps the first half alone. Which exercises a lesson has
 * comes from the catalog (CatalogLesson.exercises), so the rule takes them as an argument.
 */
export type LessonState = 'not_started' | 'opened' | 'done';

/** The least of an event this rule reads; learner and tutor events both have it. */
export interface StateEvent {
	type: ProgressEventType;
	/** The device's clock when it happened (ISO 8601). */
	at: string;
	/** Quiz attempts and exercise checks only. */
	passed?: boolean;
	/** Exercise checks only. */
	exercise?: string;
}

/** What the events say about one lesson. Every field only grows, so any order gives the same. */
export interface LessonFacts {
	/** Anything happened on it: opened, answered, completed. */
	touched: boolean;
	/** Marked complete (by going on from its end, or an older app's button). */
	completed: boolean;
	quizPassed: boolean;
	/** The earliest time (device clock) it was marked complete or its quiz passed. */
	finishedAt?: string;
	/** Each exercise passed at least once, with the earliest time (device clock) it was. */
	exercisesPassed?: Readonly<Record<string, string>>;
}

export const NO_FACTS: LessonFacts = Object.freeze({
	touched: false,
	completed: false,
	quizPassed: false
});

/** The lesson's exercises (ids) not passed yet, in the lesson's order. */
export function exercisesLeft(facts: LessonFacts, exercises: readonly string[] = []): string[] {
	return exercises.filter((id) => !facts.exercisesPassed?.[id]);
}

/** The rule itself. */
export function isDone(facts: LessonFacts, exercises: readonly string[] = []): boolean {
	return (facts.completed || facts.quizPassed) && exercisesLeft(facts, exercises).length === 0;
}

/** When it became done (device clock): the latest of its finishing and its exercises' passes. */
export function doneAt(facts: LessonFacts, exercises: readonly string[] = []): string | undefined {
	if (!isDone(facts, exercises) || !facts.finishedAt) return undefined;
	let at = facts.finishedAt;
	for (const id of exercises) {
		const passed = facts.exercisesPassed?.[id] as string;
		if (passed > at) at = passed;
	}
	return at;
}

export function lessonState(facts: LessonFacts, exercises: readonly string[] = []): LessonState {
	return isDone(facts, exercises) ? 'done' : facts.touched ? 'opened' : 'not_started';
}

/** An event that finishes a lesson's reading and quiz (its exercises are apart). */
export function makesDone(event: StateEvent): boolean {
	return event.type === 'lesson_completed' || (event.type === 'quiz_completed' && !!event.passed);
}

/**
 * The facts with one more event. Commutative and idempotent (flags only turn on, times are
 * minimums, passed exercises only add), so events merged from another device in any order, or
 * twice, give the same.
 */
export function withEvent(facts: LessonFacts, event: StateEvent): LessonFacts {
	const finishes = makesDone(event);
	const next: LessonFacts = {
		touched: true,
		completed: facts.completed || event.type === 'lesson_completed',
		quizPassed: facts.quizPassed || (event.type === 'quiz_completed' && !!event.passed)
	};
	const finishedAt =
		finishes && (!facts.finishedAt || event.at < facts.finishedAt) ? event.at : facts.finishedAt;
	if (finishedAt) next.finishedAt = finishedAt;
	let passed = facts.exercisesPassed;
	if (event.type === 'exercise_checked' && event.passed && event.exercise) {
		const before = passed?.[event.exercise];
		if (!before || event.at < before) passed = { ...passed, [event.exercise]: event.at };
	}
	if (passed) next.exercisesPassed = passed;
	return next;
}
