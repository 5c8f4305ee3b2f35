import PocketBase from 'pocketbase';
import { UserError } from '../user-error';
import type { PublishedFile, PublishedMedia } from './export-files';

/**
 * Every published pathway, module and lesson's file, and every published picture by hash,
 * read from a Clyde server (public data).
 */
export async function fetchPublishedFiles(
	url: string
): Promise<{ items: PublishedFile[]; media: Map<string, PublishedMedia> }> {
	const pb = new PocketBase(url);
	pb.autoCancellation(false);
	const list = (collection: string, html: string) =>
		pb.collection(collection).getFullList({
			filter: 'published = true',
			fields: `file,head,source,${html}`,
			batch: 200
		});
	try {
		const [pathways, modules, lessons, pictures] = await Promise.all([
			list('pathways', 'intro_html'),
			list('modules', 'intro_html'),
			list('lessons', 'html,translations'),
			pb
				.collection('media')
				.getFullList({ filter: 'published = true', fields: 'hash,type,data', batch: 200 })
		]);
		const item = (html: string) => (record: Record<string, unknown>) => ({
			file: String(record.file ?? ''),
			head: String(record.head ?? ''),
			source: String(record.source ?? ''),
			html: String(record[html] ?? '')
		});
		const media = new Map<string, PublishedMedia>(
			pictures.map((record) => [
				String(record.hash),
				{ type: record.type as PublishedMedia['type'], data: String(record.data ?? '') }
			])
		);
		const items = [
			...pathways.map(item('intro_html')),
			...modules.map(item('intro_html')),
			...lessons.map(item('html')),
			...lessons.flatMap(translationItems)
		];
		return { items, media };
	} catch (error) {
		const status = (error as { status?: number }).status;
		throw new UserError(
			status === 0
				? `cannot reach ${url}: is the server running?`
				: `reading the published content from ${url} failed (${status}): ${(error as Error).message}`
		);
	}
}

/** A lesson's translations ("01-passwords.pl.md"), each kept on the lesson's record. */
function translationItems(record: Record<string, unknown>): PublishedFile[] {
	const translations = (record.translations ?? {}) as Record<string, Partial<PublishedFile>>;
	return Object.values(translations).map((t) => ({
		file: String(t.file ?? ''),
		head: String(t.head ?? ''),
		source: String(t.source ?? ''),
		html: String(t.html ?? '')
	}));
}
