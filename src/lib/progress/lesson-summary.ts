import type { ProgressEvent } from './event-types';
import {
	lessonState,
	NO_FACTS,
	withEvent,
	type LessonFacts,
	type LessonState
} from './lesson-state';

export interface QuizResult {
	correct: number;
	total: number;
	passed: boolean;
}

/**
 * One lesson's history folded into one row: what the screens read instead of the events, so a
 * phone with years of events opens as fast as a new one. Kept in IndexedDB beside the events
 * (the `summaries` table), written in the same transaction as each event.
 */
export interface LessonSummary extends LessonFacts {
	lesson: string;
	module: string;
	pathway: string;
	state: Exclude<LessonState, 'not_started'>;
	/** The best quiz attempt, if the quiz was ever finished. */
	bestQuiz?: QuizResult;
	/** The earliest and latest events on it (device clock, ISO 8601). */
	firstAt: string;
	lastAt: string;
}

/**
 * The summary with one more event: a pure fold, commutative and idempotent like the facts it
 * holds (minimums, maximums, flags and a best score), so it can be built incrementally, rebuilt
 * from all events at once, or fed a pulled event it already has, and always come out the same.
 */
export function foldSummary(
	summary: LessonSummary | undefined,
	event: ProgressEvent
): LessonSummary {
	const facts = withEvent(summary ?? NO_FACTS, event);
	const bestQuiz =
		event.type === 'quiz_completed'
			? better(summary?.bestQuiz, {
					correct: event.correct,
					total: event.total,
					passed: event.passed
				})
			: summary?.bestQuiz;
	const folded: LessonSummary = {
		lesson: event.lesson,
		module: summary?.module ?? event.module,
		pathway: summary?.pathway ?? event.pathway,
		...facts,
		state: lessonState(facts) === 'done' ? 'done' : 'opened',
		firstAt: summary && summary.firstAt < event.at ? summary.firstAt : event.at,
		lastAt: summary && summary.lastAt > event.at ? summary.lastAt : event.at
	};
	if (!folded.doneAt) delete folded.doneAt;
	if (bestQuiz) folded.bestQuiz = bestQuiz;
	return folded;
}

/** Every lesson's summary from all its events, in any order. */
export function summarise(events: Iterable<ProgressEvent>): Map<string, LessonSummary> {
	const summaries = new Map<string, LessonSummary>();
	for (const event of events) {
		summaries.set(event.lesson, foldSummary(summaries.get(event.lesson), event));
	}
	return summaries;
}

/**
 * The better of two quiz attempts: a pass beats a fail, then the higher score, then the longer
 * quiz. A total order on distinct results, so the best does not depend on arrival order.
 */
function better(a: QuizResult | undefined, b: QuizResult): QuizResult {
	if (!a) return b;
	if (a.passed !== b.passed) return a.passed ? a : b;
	const scoreA = a.total ? a.correct / a.total : 0;
	const scoreB = b.total ? b.correct / b.total : 0;
	if (scoreA !== scoreB) return scoreA > scoreB ? a : b;
	if (a.total !== b.total) return a.total > b.total ? a : b;
	return a;
}
