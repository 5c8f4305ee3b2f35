import { addEvent, NO_TALLY, type LessonTally } from './lesson-tally';
import type { TutorEvent } from './types';

/** One learner's state on one lesson, from least to most done; needs-help is apart. */
export type CellState = 'not_started' | 'opened' | 'completed' | 'quiz_passed' | 'needs_help';

/** Each state in words, for the learner page and the CSV. */
export const STATE_LABELS: Record<CellState, string> = {
	not_started: 'Not started',
	opened: 'Opened',
	completed: 'Completed',
	quiz_passed: 'Quiz passed',
	needs_help: 'Needs help'
};

export interface LessonRecord {
	state: CellState;
	/** Quiz attempts that failed, and whether any attempt passed. */
	fails: number;
	passed: boolean;
	/** Best quiz score as a fraction, if the quiz was ever finished. */
	bestScore?: number;
	/** When the lesson was first done: completed or quiz passed (device time), for the chart. */
	doneAt?: string;
}

/**
 * A lesson's state from its tally. A lesson is done when it was completed or its quiz passed;
 * it is "needs help" when its quiz failed `quizFails` times and never passed: a pass clears it.
 */
export function recordOf(tally: LessonTally, quizFails: number): LessonRecord {
	const { fails, passed, completed, opened, bestScore, doneAt } = tally;
	const state: CellState =
		!passed && fails >= quizFails
			? 'needs_help'
			: passed
				? 'quiz_passed'
				: completed
					? 'completed'
					: opened || fails > 0
						? 'opened'
						: 'not_started';
	return { state, fails, passed, bestScore, doneAt };
}

/**
 * Folds one learner's events on one lesson into its state. Like the learner's own progress
 * (src/lib/progress/derive.ts) it does not depend on the order events arrive in, and an
 * event delivered twice (a retried sync) counts once.
 */
export function lessonRecord(events: readonly TutorEvent[], quizFails: number): LessonRecord {
	const unique = new Map(events.map((event) => [event.id, event]));
	let tally = NO_TALLY;
	for (const event of unique.values()) tally = addEvent(tally, event);
	return recordOf(tally, quizFails);
}
