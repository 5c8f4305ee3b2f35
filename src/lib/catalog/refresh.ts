import type { ContentApi } from '$lib/api/content';
import { languageOf } from '$lib/content/lesson-language';
import type { ClydeDatabase } from '$lib/db/database';
import { exercisesByLesson } from '$lib/progress/catalog-exercises';
import { withExercises } from '$lib/progress/lesson-summary';

const CATALOG_SEQ = 'catalog-seq';
const CATALOG_LANGUAGE = 'catalog-language';

/**
 * Replaces the stored catalog with the server's, in one transaction, its pathways' and
 * modules' words in the learner's `locale` (beside the English). A pathway that left the
 * catalog but is downloaded stays, so a learner can finish what they started. Offline, this
 * fails and the stored catalog stays as it was, in the language it was fetched in.
 */
export async function refreshCatalog(
	db: ClydeDatabase,
	api: ContentApi,
	locale = 'en'
): Promise<void> {
	// The content cursor: the server's publish number of the catalog we hold. Unchanged
	// content costs one tiny answer instead of the whole catalog; a catalog held in another
	// language is asked for whole.
	const held = ((await db.settings.get(CATALOG_SEQ))?.value as number | undefined) ?? 0;
	const heldLanguage = (await db.settings.get(CATALOG_LANGUAGE))?.value ?? 'en';
	const language = languageOf(locale);
	const stored = await db.catalog.count();
	const catalog = await api.catalog(stored > 0 && heldLanguage === language ? held : 0, language);
	if ('unchanged' in catalog) return;
	await db.transaction('rw', [db.catalog, db.downloads, db.settings, db.summaries], async () => {
		const keep = new Set((await db.downloads.toArray()).map((d) => d.pathway));
		const fresh = new Set(catalog.pathways.map((p) => p.id));
		const stale = (await db.catalog.toArray()).filter((p) => !fresh.has(p.id) && !keep.has(p.id));
		await db.catalog.bulkDelete(stale.map((p) => p.id));
		await db.catalog.bulkPut(catalog.pathways);
		await db.settings.put({ key: CATALOG_SEQ, value: catalog.seq });
		await db.settings.put({ key: CATALOG_LANGUAGE, value: language });
		// A lesson that gained or lost an exercise is judged again by the rule for "done".
		const exercises = exercisesByLesson(await db.catalog.toArray());
		const changed = (
			await db.summaries
				.where('pathway')
				.anyOf([...fresh])
				.toArray()
		).filter((s) => (s.exercises ?? []).join() !== (exercises.get(s.lesson) ?? []).join());
		await db.summaries.bulkPut(changed.map((s) => withExercises(s, exercises.get(s.lesson) ?? [])));
	});
}
