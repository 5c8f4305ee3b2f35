import type { CatalogPathway } from '$lib/content/catalog-types';
import { exercisesLeft, NO_FACTS } from './lesson-state';
import type { LessonSummary } from './lesson-summary';

/** Lesson summaries by lesson id, as the screens hold them. */
export type Summaries = ReadonlyMap<string, LessonSummary>;

export interface PathwayProgress {
	completed: number;
	total: number;
	modules: { id: string; completed: number; total: number }[];
	/** The lessons' own estimate of the time the done lessons take, in minutes. */
	minutes: number;
	/** Its lessons' exercises not passed yet: what is left beyond reading and quizzes. */
	exercisesLeft: number;
	/** The first event on any of its lessons, and the last time one became done (ISO 8601). */
	startedAt?: string;
	lastDoneAt?: string;
}

/** The summaries table's rows by lesson id. */
export function byLesson(rows: readonly LessonSummary[] | undefined): Summaries {
	return new Map((rows ?? []).map((row) => [row.lesson, row]));
}

/**
 * How much of a pathway is done, per module and in all, by the one rule for "done"
 * (lesson-state.ts): each lesson's summary already holds its state.
 */
export function pathwayProgress(pathway: CatalogPathway, summaries: Summaries): PathwayProgress {
	let minutes = 0;
	let startedAt: string | undefined;
	let lastDoneAt: string | undefined;
	let left = 0;
	const modules = pathway.modules.map((module) => {
		let completed = 0;
		for (const lesson of module.lessons) {
			const summary = summaries.get(lesson.id);
			left += exercisesLeft(summary ?? NO_FACTS, lesson.exercises).length;
			if (!summary) continue;
			if (!startedAt || summary.firstAt < startedAt) startedAt = summary.firstAt;
			if (summary.state !== 'done') continue;
			completed += 1;
			minutes += lesson.minutes;
			if (summary.doneAt && (!lastDoneAt || summary.doneAt > lastDoneAt))
				lastDoneAt = summary.doneAt;
		}
		return { id: module.id, completed, total: module.lessons.length };
	});
	return {
		completed: modules.reduce((sum, m) => sum + m.completed, 0),
		total: modules.reduce((sum, m) => sum + m.total, 0),
		modules,
		minutes,
		exercisesLeft: left,
		...(startedAt && { startedAt }),
		...(lastDoneAt && { lastDoneAt })
	};
}
