import type { CatalogPathway } from '$lib/content/catalog-types';
import { recordOf, type LessonRecord } from './cell-state';
import type { LearnerTally } from './cohort-state';
import { NO_TALLY } from './lesson-tally';
import { median, needsHelp, type Signal, type StrugglingLesson } from './signals';
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
 * to (cohort-state.ts), so a live event only means building it again. It runs once per cell
 * (30,000 for 500 learners × 60 lessons), cold, when a tutor opens the page, on a slow laptop:
 * so it loops plainly and lessons nobody touched share one record.
 */
export function buildDashboard(
	pathway: CatalogPathway,
	learners: readonly CohortLearner[],
	tallies: ReadonlyMap<string, LearnerTally>,
	thresholds: Thresholds,
	now: number
): Dashboard {
	const lessonIds: string[] = [];
	const lessonExercises: (readonly string[] | undefined)[] = [];
	const moduleSizes: number[] = [];
	for (const module of pathway.modules) {
		for (const lesson of module.lessons) {
			lessonIds.push(lesson.id);
			lessonExercises.push(lesson.exercises);
		}
		moduleSizes.push(module.lessons.length);
	}
	// Lessons nobody touched share one record each (most cells of a big cohort are these).
	const untouched = lessonExercises.map((exercises) =>
		recordOf(NO_TALLY, thresholds.quiz_fails, thresholds.quiz_low_score, exercises)
	);
	const partial = learners.map((learner) => {
		const mine = tallies.get(learner.id)?.lessons;
		const active = tallies.get(learner.id)?.active;
		const parsed = active ? Date.parse(active) : NaN;
		// Nothing happened later than now, whatever a device's clock said.
		const lastActive = Number.isNaN(parsed) ? undefined : Math.min(parsed, now);
		const modules: number[] = [];
		const lessons: LessonRecord[] = [];
		const struggling: StrugglingLesson[] = [];
		let scores = 0;
		let scored = 0;
		let completed = 0;
		let index = 0;
		for (const size of moduleSizes) {
			let done = 0;
			for (let end = index + size; index < end; index++) {
				const id = lessonIds[index] as string;
				const tally = mine?.get(id);
				const record = tally
					? recordOf(
							tally,
							thresholds.quiz_fails,
							thresholds.quiz_low_score,
							lessonExercises[index]
						)
					: (untouched[index] as LessonRecord);
				lessons.push(record);
				if (record.doneAt) done += 1;
				if (record.bestScore !== undefined) {
					scores += record.bestScore;
					scored += 1;
				}
				if (record.state === 'needs_help') {
					struggling.push({ id, fails: record.fails, best: record.bestScore ?? 0 });
				}
			}
			modules.push(done);
			completed += done;
		}
		const quizAverage = scored ? scores / scored : undefined;
		return { learner, lessons, modules, completed, quizAverage, lastActive, struggling };
	});
	const middle = median(partial.map((row) => row.completed));
	const rows = partial.map(({ struggling, ...row }) => ({
		...row,
		signals: needsHelp(
			{
				struggling,
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
