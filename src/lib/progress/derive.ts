import type { CatalogPathway } from '$lib/content/catalog-types';
import type { ProgressEvent } from './event-types';

export interface LessonProgress {
	opened: boolean;
	completed: boolean;
	/** Best quiz result so far, if the quiz was ever finished. */
	bestQuiz?: { correct: number; total: number; passed: boolean };
}

export interface PathwayProgress {
	completed: number;
	total: number;
	modules: { id: string; completed: number; total: number }[];
}

/**
 * Progress is a pure function of the events: a lesson is complete if any event says so,
 * the best quiz is the highest score. Order and clocks do not matter, so events merged from
 * another device give the same answer whatever order they arrive in.
 */
export function lessonProgress(events: readonly ProgressEvent[]): Map<string, LessonProgress> {
	const byLesson = new Map<string, LessonProgress>();
	for (const event of events) {
		const progress = byLesson.get(event.lesson) ?? { opened: false, completed: false };
		if (event.type === 'lesson_opened') progress.opened = true;
		if (event.type === 'lesson_completed') progress.completed = true;
		if (event.type === 'quiz_completed') {
			const best = progress.bestQuiz;
			const better =
				!best ||
				event.correct / event.total > best.correct / best.total ||
				(event.passed && !best.passed);
			if (better)
				progress.bestQuiz = { correct: event.correct, total: event.total, passed: event.passed };
		}
		byLesson.set(event.lesson, progress);
	}
	return byLesson;
}

export function pathwayProgress(
	pathway: CatalogPathway,
	lessons: Map<string, LessonProgress>
): PathwayProgress {
	const modules = pathway.modules.map((module) => ({
		id: module.id,
		completed: module.lessons.filter((l) => lessons.get(l.id)?.completed).length,
		total: module.lessons.length
	}));
	return {
		completed: modules.reduce((sum, m) => sum + m.completed, 0),
		total: modules.reduce((sum, m) => sum + m.total, 0),
		modules
	};
}

/**
 * The lesson to offer under "Continue where you left off": the most recently opened one
 * that is not complete yet. UUIDv7 ids sort by creation on this device, which is what
 * "recent" means here.
 */
export function continueLesson(events: readonly ProgressEvent[]): ProgressEvent | undefined {
	const completed = new Set(
		events.filter((e) => e.type === 'lesson_completed').map((e) => e.lesson)
	);
	return [...events]
		.filter((e) => e.type === 'lesson_opened' && !completed.has(e.lesson))
		.sort((a, b) => (a.id < b.id ? 1 : -1))[0];
}
