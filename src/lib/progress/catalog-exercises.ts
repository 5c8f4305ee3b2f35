import type { CatalogPathway } from '$lib/content/catalog-types';

/** Each lesson's exercise ids, from the catalog: the lessons without any are left out. */
export function exercisesByLesson(
	pathways: Iterable<CatalogPathway>
): ReadonlyMap<string, readonly string[]> {
	const byLesson = new Map<string, readonly string[]>();
	for (const pathway of pathways) {
		for (const module of pathway.modules) {
			for (const lesson of module.lessons) {
				if (lesson.exercises?.length) byLesson.set(lesson.id, lesson.exercises);
			}
		}
	}
	return byLesson;
}
