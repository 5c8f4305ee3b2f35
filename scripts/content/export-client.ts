import PocketBase from 'pocketbase';
import { UserError } from '../user-error';
import type { PublishedFile, PublishedMedia } from './export-files';
import { PUBLISHED_FIELDS, publishedItems } from './published-records';

/**
 * Every published pathway, module and lesson's file, and every published picture by hash,
 * read from a Clyde server (public data).
 */
export async function fetchPublishedFiles(
	url: string
): Promise<{ items: PublishedFile[]; media: Map<string, PublishedMedia> }> {
	const pb = new PocketBase(url);
	pb.autoCancellation(false);
	const list = (collection: string, fields: string) =>
		pb.collection(collection).getFullList({ filter: 'published = true', fields, batch: 200 });
	try {
		const [pathways, modules, lessons, pictures] = await Promise.all([
			list('pathways', PUBLISHED_FIELDS.pathways),
			list('modules', PUBLISHED_FIELDS.modules),
			list('lessons', PUBLISHED_FIELDS.lessons),
			list('media', PUBLISHED_FIELDS.media)
		]);
		return publishedItems({ pathways, modules, lessons, pictures });
	} catch (error) {
		const status = (error as { status?: number }).status;
		throw new UserError(
			status === 0
				? `cannot reach ${url}: is the server running?`
				: `reading the published content from ${url} failed (${status}): ${(error as Error).message}`
		);
	}
}
