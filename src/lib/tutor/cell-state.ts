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
 * Folds one learner's events on one lesson into its state. Like the learner's own progress
 * (src/lib/progress/derive.ts) it does not depend on the order events arrive in. A lesson is
 * "needs help" when the learner is stuck on its quiz (quiz-struggle.ts): a pass clears it.
 */
export function lessonRecord(
	events: readonly TutorEvent[],
	quizFails: number,
	quizLowScore = 0
): LessonRecord {
	let opened = false;
	let completed = false;
	let doneAt: string | undefined;
	// Failed attempts by event id: a retried sync or a live event that was also in the first
	// load can deliver the same attempt twice, and it must not count twice.
	let failed: Set<string> | undefined;
	let passed = false;
	let bestScore: number | undefined;
	for (const event of events) {
		if (event.type === 'lesson_opened') opened = true;
		if (event.type === 'lesson_completed') {
			completed = true;
			if (!doneAt || event.at < doneAt) doneAt = event.at;
		}
		if (event.type === 'quiz_completed') {
			if (event.passed) {
				passed = true;
				if (!doneAt || event.at < doneAt) doneAt = event.at;
			} else (failed ??= new Set()).add(event.id);
			const score = event.total ? (event.correct ?? 0) / event.total : 0;
			if (bestScore === undefined || score > bestScore) bestScore = score;
		}
	}
	const fails = failed?.size ?? 0;
	const state: CellState = stuckOnQuiz({ fails, passed, bestScore }, quizFails, quizLowScore)
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
