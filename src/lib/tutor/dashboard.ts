import type { CatalogPathway } from '$lib/content/catalog-types';
import { lessonRecord, type LessonRecord } from './cell-state';
import { median, needsHelp, type Signal } from './signals';
import type { CohortLearner, Thresholds, TutorEvent } from './types';

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
 * The dashboard is a pure function of the pathway, the learners and their events, so a
 * live event only means building it again: it is cheap (tens of ms for 500 learners).
 */
export function buildDashboard(
	pathway: CatalogPathway,
	learners: readonly CohortLearner[],
	events: readonly TutorEvent[],
	thresholds: Thresholds,
	now: number
): Dashboard {
	const byLearnerLesson = new Map<string, Map<string, TutorEvent[]>>();
	for (const event of events) {
		let lessons = byLearnerLesson.get(event.user);
		if (!lessons) byLearnerLesson.set(event.user, (lessons = new Map()));
		const list = lessons.get(event.lesson);
		if (list) list.push(event);
		else lessons.set(event.lesson, [event]);
	}
	const partial = learners.map((learner) => {
		const mine = byLearnerLesson.get(learner.id) ?? new Map<string, TutorEvent[]>();
		// A fast device clock must not hide a quiet learner for days: nothing happened later
		// than the server received it, or later than now. ISO times in UTC compare as text,
		// so only the latest is parsed: Date.parse on every event was most of the work.
		let latest = '';
		for (const list of mine.values()) {
			for (const event of list) {
				const received = event.received ?? event.at;
				const at = event.at < received ? event.at : received;
				if (at > latest) latest = at;
			}
		}
		const parsed = latest ? Date.parse(latest) : NaN;
		const lastActive = Number.isNaN(parsed) ? undefined : Math.min(parsed, now);
		const modules: number[] = [];
		const lessons: LessonRecord[] = [];
		const scores: number[] = [];
		for (const module of pathway.modules) {
			let done = 0;
			for (const lesson of module.lessons) {
				const record = lessonRecord(
					mine.get(lesson.id) ?? [],
					thresholds.quiz_fails,
					thresholds.quiz_low_score
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
