import { doneAt, exercisesLeft, isDone } from '$lib/progress/lesson-state';
import { addEvent, NO_TALLY, type LessonTally } from './lesson-tally';
import { stuckOnQuiz } from './quiz-struggle';
import type { Say } from './tutor-words.svelte';
import type { TutorEvent } from './types';

/** One learner's state on one lesson, from least to most done; needs-help is apart. */
export type CellState = 'not_started' | 'opened' | 'completed' | 'quiz_passed' | 'needs_help';

/** A state in words, for the learner page (`say`: their language) and the CSV (English). */
export const stateLabel = (state: CellState, say: Say): string => say(`state_${state}`);

/** A lesson's exercises passed, in words for the grid's cells, the learner page and the CSV. */
export function exercisesText(
	record: Pick<LessonRecord, 'exercisesPassed' | 'exercises'>,
	say: Say
): string {
	return record.exercises
		? say('exercises_passed', { passed: record.exercisesPassed, total: record.exercises })
		: '';
}

export interface LessonRecord {
	state: CellState;
	/** Quiz attempts that failed, and whether any attempt passed. */
	fails: number;
	passed: boolean;
	/** Best quiz score as a fraction, if the quiz was ever finished. */
	bestScore?: number;
	/** When the lesson was first done by the one rule (device time), for the chart. */
	doneAt?: string;
	/** Its exercises passed and in all (0 and 0 for a lesson without exercises). */
	exercisesPassed: number;
	exercises: number;
}

/**
 * A lesson's state from its tally. Done-ness is the learner's own rule
 * (src/lib/progress/lesson-state.ts), so the grid, the CSV and the signals count exactly the
 * lessons the learner sees as done; the states only say how. A lesson is "needs help" when the
 * learner is stuck on its quiz (quiz-struggle.ts): a pass clears it.
 */
export function recordOf(
	tally: LessonTally,
	quizFails: number,
	quizLowScore = 0,
	exercises: readonly string[] = []
): LessonRecord {
	const { fails, quizPassed: passed, bestScore } = tally;
	const done = isDone(tally, exercises);
	// A quiz passed with an exercise still to pass is not done yet: "opened", like any lesson
	// under way.
	const state: CellState = stuckOnQuiz({ fails, passed, bestScore }, quizFails, quizLowScore)
		? 'needs_help'
		: done
			? passed
				? 'quiz_passed'
				: 'completed'
			: tally.touched
				? 'opened'
				: 'not_started';
	return {
		state,
		fails,
		passed,
		bestScore,
		doneAt: doneAt(tally, exercises),
		exercisesPassed: exercises.length - exercisesLeft(tally, exercises).length,
		exercises: exercises.length
	};
}

/**
 * Folds one learner's events on one lesson into its state. Like the learner's own progress
 * (src/lib/progress/lesson-state.ts) it does not depend on the order events arrive in, and an
 * event delivered twice (a retried sync) counts once.
 */
export function lessonRecord(
	events: readonly TutorEvent[],
	quizFails: number,
	quizLowScore = 0,
	exercises: readonly string[] = []
): LessonRecord {
	const unique = new Map(events.map((event) => [event.id, event]));
	let tally = NO_TALLY;
	for (const event of unique.values()) tally = addEvent(tally, event);
	return recordOf(tally, quizFails, quizLowScore, exercises);
}
