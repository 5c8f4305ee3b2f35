import PocketBase from 'pocketbase';
import { UserError } from '../user-error';
import type { PublishedFile } from './export-files';

/** Every published pathway, module and lesson's file, read from a Clyde server (public data). */
export async function fetchPublishedFiles(url: string): Promise<PublishedFile[]> {
	const pb = new PocketBase(url);
	pb.autoCancellation(false);
	const list = (collection: string, html: string) =>
		pb.collection(collection).getFullList({
			filter: 'published = true',
			fields: `file,head,source,${html}`,
			batch: 200
		});
	try {
		const [pathways, modules, lessons] = await Promise.all([
			list('pathways', 'intro_html'),
			list('modules', 'intro_html'),
			list('lessons', 'html')
		]);
		const item = (html: string) => (record: Record<string, unknown>) => ({
			file: String(record.file ?? ''),
			head: String(record.head ?? ''),
			source: String(record.source ?? ''),
			html: String(record[html] ?? '')
		});
		return [
			...pathways.map(item('intro_html')),
			...modules.map(item('intro_html')),
			...lessons.map(item('html'))
		];
	} catch (error) {
		const status = (error as { status?: number }).status;
		throw new UserError(
			status === 0
				? `cannot reach ${url}: is the server running?`
				: `reading the published content from ${url} failed (${status}): ${(error as Error).message}`
		);
	}
}
