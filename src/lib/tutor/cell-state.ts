import { isDone, NO_FACTS, withEvent } from '$lib/progress/lesson-state';
import { stuckOnQuiz } from './quiz-struggle';
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
 * Folds one learner's events on one lesson into its state. Done-ness is the learner's own rule
 * (src/lib/progress/lesson-state.ts), so the grid, the CSV and the signals count exactly the
 * lessons the learner sees as done; the states only say how. Like the learner's progress it
 * does not depend on the order events arrive in. A lesson is "needs help" when the learner is
 * stuck on its quiz (quiz-struggle.ts): a pass clears it.
 */
export function lessonRecord(
	events: readonly TutorEvent[],
	quizFails: number,
	quizLowScore = 0
): LessonRecord {
	let facts = NO_FACTS;
	// Failed attempts by event id: a retried sync or a live event that was also in the first
	// load can deliver the same attempt twice, and it must not count twice.
	let failed: Set<string> | undefined;
	let bestScore: number | undefined;
	for (const event of events) {
		facts = withEvent(facts, event);
		if (event.type === 'quiz_completed') {
			if (!event.passed) (failed ??= new Set()).add(event.id);
			const score = event.total ? (event.correct ?? 0) / event.total : 0;
			if (bestScore === undefined || score > bestScore) bestScore = score;
		}
	}
	const fails = failed?.size ?? 0;
	const passed = facts.quizPassed;
	const state: CellState = stuckOnQuiz({ fails, passed, bestScore }, quizFails, quizLowScore)
		? 'needs_help'
		: passed
			? 'quiz_passed'
			: isDone(facts)
				? 'completed'
				: facts.touched
					? 'opened'
					: 'not_started';
	return { state, fails, passed, bestScore, doneAt: facts.doneAt };
}
