import type { CatalogPathway } from '$lib/content/catalog-types';
import { recordOf, type LessonRecord } from './cell-state';
import type { LearnerTally } from './cohort-state';
import { NO_TALLY } from './lesson-tally';
import { median, needsHelp, type Signal } from './signals';
import type { CohortLearner, Thresholds } from './types';

export interface LearnerRow {
	learner: CohortLearner;
	/** One record per lesson of the pathway, in the pathway's order. */
	lessons: LessonRecord[];
	/** Lessons done per module, in the pathway's order. */
	modules: number[];
	completed: number;
	/** Mean of the best quiz score of each quiz taken (0–1), or undefined if none taken. */
	quizAverage: number | undefined;
	lastActive: number | undefined;
	signals: Signal[];
}

export interface Dashboard {
	rows: LearnerRow[];
	/** Lessons in the pathway's order, with the module each belongs to. */
	lessonCount: number;
	median: number;
}

/**
 * The dashboard is a pure function of the pathway, the learners and what their events add up
 * to (cohort-state.ts), so a live event only means building it again: it is cheap (a few ms
 * for 500 learners × 60 lessons).
 */
export function buildDashboard(
	pathway: CatalogPathway,
	learners: readonly CohortLearner[],
	tallies: ReadonlyMap<string, LearnerTally>,
	thresholds: Thresholds,
	now: number
): Dashboard {
	const partial = learners.map((learner) => {
		const mine = tallies.get(learner.id);
		const parsed = mine?.active ? Date.parse(mine.active) : NaN;
		// Nothing happened later than now, whatever a device's clock said.
		const lastActive = Number.isNaN(parsed) ? undefined : Math.min(parsed, now);
		const modules: number[] = [];
		const lessons: LessonRecord[] = [];
		const scores: number[] = [];
		for (const module of pathway.modules) {
			let done = 0;
			for (const lesson of module.lessons) {
				const tally = mine?.lessons.get(lesson.id) ?? NO_TALLY;
				const record = recordOf(
					tally,
					thresholds.quiz_fails,
					thresholds.quiz_low_score,
					lesson.exercises
				);
				if (record.doneAt) done += 1;
				if (record.bestScore !== undefined) scores.push(record.bestScore);
				lessons.push(record);
			}
			modules.push(done);
		}
		const completed = modules.reduce((sum, n) => sum + n, 0);
		const quizAverage = scores.length
			? scores.reduce((sum, n) => sum + n, 0) / scores.length
			: undefined;
		return { learner, lessons, modules, completed, quizAverage, lastActive };
	});
	const middle = median(partial.map((row) => row.completed));
	const lessonIds = pathway.modules.flatMap((m) => m.lessons.map((l) => l.id));
	const rows = partial.map((row) => ({
		...row,
		signals: needsHelp(
			{
				struggling: row.lessons.flatMap((record, index) =>
					record.state === 'needs_help'
						? [{ id: lessonIds[index] ?? '', fails: record.fails, best: record.bestScore ?? 0 }]
						: []
				),
				lastActive: row.lastActive,
				joined: Date.parse(row.learner.joined),
				completed: row.completed
			},
			middle,
			thresholds,
			now
		)
	}));
	return { rows, lessonCount: lessonIds.length, median: middle };
}
