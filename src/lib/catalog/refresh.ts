import type { ClydeDatabase } from '$lib/db/database';
import type { ContentApi } from '$lib/offline/content-api';

/**
 * Replaces the stored catalog with the server's, in one transaction. A pathway that left the
 * catalog but is downloaded stays, so a learner can finish what they started. Offline, this
 * fails and the stored catalog stays as it was.
 */
export async function refreshCatalog(db: ClydeDatabase, api: ContentApi): Promise<void> {
	const catalog = await api.catalog();
	await db.transaction('rw', db.catalog, db.downloads, async () => {
		const keep = new Set((await db.downloads.toArray()).map((d) => d.pathway));
		const fresh = new Set(catalog.pathways.map((p) => p.id));
		const stale = (await db.catalog.toArray()).filter((p) => !fresh.has(p.id) && !keep.has(p.id));
		await db.catalog.bulkDelete(stale.map((p) => p.id));
		await db.catalog.bulkPut(catalog.pathways);
	});
}
