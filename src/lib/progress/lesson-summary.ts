import type { ProgressEvent } from './event-types';
import {
	doneAt,
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
	/** When it became done (device clock), by the one rule with its exercises. */
	doneAt?: string;
	/**
	 * The lesson's exercises (ids) as the catalog had them when this was folded: the rule's
	 * other half. Absent for a lesson without exercises.
	 */
	exercises?: string[];
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
	event: ProgressEvent,
	exercises: readonly string[] | undefined = summary?.exercises
): LessonSummary {
	const facts = withEvent(summary ?? NO_FACTS, event);
	const required = exercises ?? [];
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
		state: lessonState(facts, required) === 'done' ? 'done' : 'opened',
		doneAt: doneAt(facts, required),
		firstAt: summary && summary.firstAt < event.at ? summary.firstAt : event.at,
		lastAt: summary && summary.lastAt > event.at ? summary.lastAt : event.at
	};
	if (!folded.doneAt) delete folded.doneAt;
	if (required.length) folded.exercises = [...required];
	if (bestQuiz) folded.bestQuiz = bestQuiz;
	return folded;
}

/**
 * The summary judged against the lesson's exercises as the catalog now has them (an editor
 * added or removed one): the same facts, the rule applied again.
 */
export function withExercises(summary: LessonSummary, exercises: readonly string[]): LessonSummary {
	const next: LessonSummary = {
		...summary,
		state: lessonState(summary, exercises) === 'done' ? 'done' : 'opened'
	};
	const at = doneAt(summary, exercises);
	if (at) next.doneAt = at;
	else delete next.doneAt;
	if (exercises.length) next.exercises = [...exercises];
	else delete next.exercises;
	return next;
}

/**
 * Every lesson's summary from all its events, in any order; `exercises` gives each lesson's
 * exercise ids (catalog-exercises.ts), none by default.
 */
export function summarise(
	events: Iterable<ProgressEvent>,
	exercises: (lesson: string) => readonly string[] | undefined = () => undefined
): Map<string, LessonSummary> {
	const summaries = new Map<string, LessonSummary>();
	for (const event of events) {
		const summary = summaries.get(event.lesson);
		summaries.set(
			event.lesson,
			foldSummary(summary, event, summary ? summary.exercises : exercises(event.lesson))
		);
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
