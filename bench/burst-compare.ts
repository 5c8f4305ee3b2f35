import type { CohortState } from '../src/lib/tutor/cohort-state';
import type { LessonTally } from '../src/lib/tutor/lesson-tally';

/**
 * Whether a dashboard's live state says the same as a whole read of its cohort: the same
 * learners with activity, the same latest activity, the same cells with the same values.
 * Compared as text, so each cell is written field by field in one order: a live cell's fields
 * are set in the order its events came (a pass sets the done time before the best score),
 * a whole read's in the order the server's columns come, and the two need not match.
 * Comparing the cells as they were (the benchmark did until 2026-12-01) counted every
 * dashboard as out of step while every value agreed (tests/integration/cohort-feed-concurrent).
 */
export function inStep(live: CohortState, whole: CohortState): boolean {
	return JSON.stringify(comparable(live)) === JSON.stringify(comparable(whole));
}

function comparable(state: CohortState) {
	return [...state.tallies.entries()]
		.filter(([, t]) => t.lessons.size > 0)
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([id, t]) => [
			id,
			t.active,
			[...t.lessons.entries()]
				.sort(([a], [b]) => a.localeCompare(b))
				.map(([lesson, cell]) => [lesson, ...fields(cell)])
		]);
}

/** A cell's values in a fixed order; scores to the four places the server sends. */
function fields(cell: LessonTally) {
	const { touched, completed, quizPassed, fails, bestScore, finishedAt, exercisesPassed } = cell;
	return [
		touched,
		completed,
		quizPassed,
		fails,
		bestScore?.toFixed(4) ?? null,
		finishedAt ?? null,
		JSON.stringify(exercisesPassed ?? {})
	];
}
