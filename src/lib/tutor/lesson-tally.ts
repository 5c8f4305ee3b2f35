import type { TutorEvent } from './types';

/**
 * What one learner's events on one lesson add up to, as far as a tutor is shown. The server
 * computes the same in SQL for the dashboard's first load (pb_hooks/lib/dashboard.js); live
 * events are added here, one at a time. Every field only grows (flags turn on, fails count up,
 * the best score rises, the done time falls), so the order events come in does not matter.
 */
export interface LessonTally {
	opened: boolean;
	completed: boolean;
	passed: boolean;
	/** Failed quiz attempts. */
	fails: number;
	/** Best quiz score (0–1), if the quiz was ever finished. */
	bestScore?: number;
	/** The earliest time (device clock, ISO 8601) it was completed or its quiz passed. */
	doneAt?: string;
}

export const NO_TALLY: LessonTally = Object.freeze({
	opened: false,
	completed: false,
	passed: false,
	fails: 0
});

/** The tally with one more event. Count each event once: the caller keeps events unique. */
export function addEvent(tally: LessonTally, event: TutorEvent): LessonTally {
	const next = { ...tally };
	if (event.type === 'lesson_opened') next.opened = true;
	if (event.type === 'lesson_completed') {
		next.completed = true;
		next.doneAt = earlier(next.doneAt, event.at);
	}
	if (event.type === 'quiz_completed') {
		if (event.passed) {
			next.passed = true;
			next.doneAt = earlier(next.doneAt, event.at);
		} else {
			next.fails += 1;
		}
		const score = event.total ? (event.correct ?? 0) / event.total : 0;
		if (next.bestScore === undefined || score > next.bestScore) next.bestScore = score;
	}
	return next;
}

/** ISO times in UTC compare as text. */
function earlier(a: string | undefined, b: string): string {
	return a === undefined || b < a ? b : a;
}
