import type { CatalogLesson, CatalogModule, CatalogPathway } from '$lib/content/catalog-types';

export interface LessonPlace {
	pathway: CatalogPathway;
	module: CatalogModule;
	lesson: CatalogLesson;
	previous?: { module: CatalogModule; lesson: CatalogLesson };
	next?: { module: CatalogModule; lesson: CatalogLesson };
}

export function findPathway(
	pathways: readonly CatalogPathway[],
	slug: string
): CatalogPathway | undefined {
	return pathways.find((p) => p.slug === slug);
}

/** A lesson by its URL slugs, with the lessons before and after it across modules. */
export function findLesson(
	pathways: readonly CatalogPathway[],
	pathwaySlug: string,
	moduleSlug: string,
	lessonSlug: string
): LessonPlace | undefined {
	const pathway = findPathway(pathways, pathwaySlug);
	if (!pathway) return undefined;
	const flat = pathway.modules.flatMap((module) =>
		module.lessons.map((lesson) => ({ module, lesson }))
	);
	const index = flat.findIndex((e) => e.module.slug === moduleSlug && e.lesson.slug === lessonSlug);
	const here = flat[index];
	if (!here) return undefined;
	return { pathway, ...here, previous: flat[index - 1], next: flat[index + 1] };
}

/** The app URL of a lesson, from catalog entries. */
export function lessonHref(
	pathway: CatalogPathway,
	module: CatalogModule,
	lesson: CatalogLesson
): string {
	return `/pathways/${pathway.slug}/${module.slug}/${lesson.slug}`;
}

/** Where a lesson sits, by its content id (for "continue where you left off"). */
export function placeOfLesson(
	pathways: readonly CatalogPathway[],
	lessonId: string
): LessonPlace | undefined {
	for (const pathway of pathways) {
		for (const module of pathway.modules) {
			const lesson = module.lessons.find((l) => l.id === lessonId);
			if (lesson) return findLesson(pathways, pathway.slug, module.slug, lesson.slug);
		}
	}
	return undefined;
}
