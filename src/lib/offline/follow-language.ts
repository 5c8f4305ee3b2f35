import type { ContentApi } from '$lib/api/content';
import type { CatalogPathway } from '$lib/content/catalog-types';
import type { ClydeDatabase } from '$lib/db/database';
import { downloadPathway } from './download';

/**
 * After the learner changes language, fetches every saved pathway's lessons again in the new
 * language (only those that have it, and only what is not on the phone yet), one pathway after
 * another. Offline it does nothing: the lessons stay as they were saved, and each shows a note
 * until the pathway's update is fetched (DownloadPanel offers it). A download that fails is
 * left to the pathway's screen, which says so and offers to finish it.
 */
export async function followLanguage(
	db: ClydeDatabase,
	api: ContentApi,
	pathways: CatalogPathway[],
	{ locale, pictures, online }: { locale: string; pictures: boolean; online: boolean }
): Promise<void> {
	if (!online) return;
	const saved = new Set(await db.downloads.toCollection().primaryKeys());
	for (const pathway of pathways.filter((p) => saved.has(p.id))) {
		await downloadPathway(db, api, pathway, { pictures, locale }).catch(() => {});
	}
}
