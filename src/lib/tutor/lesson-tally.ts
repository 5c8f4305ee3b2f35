import { NO_FACTS, withEvent, type LessonFacts } from '$lib/progress/lesson-state';
import type { TutorEvent } from './types';

/**
 * What one learner's events on one lesson add up to, as far as a tutor is shown: the facts
 * the one rule for "done" reads (src/lib/progress/lesson-state.ts) and the quiz attempts the
 * signals read. The server computes the same in SQL for the dashboard's first load
 * (pb_hooks/lib/tallies.js); live events are added here, one at a time. Every field only grows
 * (flags turn on, fails count up, the best score rises, the done time falls), so the order
 * events come in does not matter.
 */
export interface LessonTally extends LessonFacts {
	/** Failed quiz attempts. */
	fails: number;
	/** Best quiz score (0–1), if the quiz was ever finished. */
	bestScore?: number;
}

export const NO_TALLY: LessonTally = Object.freeze({ ...NO_FACTS, fails: 0 });

/** The tally with one more event. Count each event once: the caller keeps events unique. */
export function addEvent(tally: LessonTally, event: TutorEvent): LessonTally {
	const next: LessonTally = { ...withEvent(tally, event), fails: tally.fails };
	if (tally.bestScore !== undefined) next.bestScore = tally.bestScore;
	if (event.type === 'quiz_completed') {
		if (!event.passed) next.fails += 1;
		const score = event.total ? (event.correct ?? 0) / event.total : 0;
		if (next.bestScore === undefined || score > next.bestScore) next.bestScore = score;
	}
	return next;
}
