import type { CatalogPathway } from '$lib/content/catalog-types';

/** A lookup from lesson id to title, for reasons and the timeline. */
export function lessonTitle(pathway: CatalogPathway): (id: string) => string {
	const titles = new Map(pathway.modules.flatMap((m) => m.lessons.map((l) => [l.id, l.title])));
	return (id) => titles.get(id) ?? id;
}
