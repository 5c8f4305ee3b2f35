import type { CatalogPathway } from '$lib/content/catalog-types';

/** A lookup from lesson id to title, for reasons and the timeline. */
export function lessonTitle(pathway: CatalogPathway): (id: string) => string {
	const titles = new Map(pathway.modules.flatMap((m) => m.lessons.map((l) => [l.id, l.title])));
	return (id) => titles.get(id) ?? id;
}

/**
 * A lookup from a lesson's id and one of its exercises' ids to the exercise's title, for the
 * timeline and the code shared; its id where the catalog does not give one (an older catalog,
 * an exercise since removed).
 */
export function exerciseTitle(pathway: CatalogPathway): (lesson: string, id: string) => string {
	const titles = new Map(
		pathway.modules.flatMap((m) =>
			m.lessons.flatMap((l) =>
				(l.exercises ?? []).map((id, i) => [`${l.id}/${id}`, l.exerciseTitles?.[i] ?? id])
			)
		)
	);
	return (lesson, id) => titles.get(`${lesson}/${id}`) ?? id;
}
