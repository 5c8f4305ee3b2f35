import type { PublishedFile, PublishedMedia } from './export-files';

type Row = Record<string, unknown>;

/** The published records as the server lists them (the fields named in `PUBLISHED_FIELDS`). */
export interface PublishedRecords {
	pathways: Row[];
	modules: Row[];
	lessons: Row[];
	pictures: Row[];
}

/** The fields each collection is read with, so that every reader asks for the same. */
export const PUBLISHED_FIELDS = {
	pathways: 'file,head,source,intro_html,translations',
	modules: 'file,head,source,intro_html,translations',
	lessons: 'file,head,source,html,translations',
	media: 'hash,type,data'
} as const;

/**
 * Every published file (pathways, modules, lessons and each one's translations, kept on its
 * original's record) and every picture by hash: what `exportFiles` writes as the content/ tree.
 * Shared by `content:export` and the browser editor, so both see the same files.
 */
export function publishedItems(records: PublishedRecords): {
	items: PublishedFile[];
	media: Map<string, PublishedMedia>;
} {
	const item = (html: string) => (record: Row) => ({
		file: String(record.file ?? ''),
		head: String(record.head ?? ''),
		source: String(record.source ?? ''),
		html: String(record[html] ?? '')
	});
	const media = new Map<string, PublishedMedia>(
		records.pictures.map((record) => [
			String(record.hash),
			{ type: record.type as PublishedMedia['type'], data: String(record.data ?? '') }
		])
	);
	const items = [
		...records.pathways.map(item('intro_html')),
		...records.modules.map(item('intro_html')),
		...records.lessons.map(item('html')),
		...[...records.pathways, ...records.modules].flatMap((r) => translationItems(r, 'introHtml')),
		...records.lessons.flatMap((r) => translationItems(r, 'html'))
	];
	return { items, media };
}

/**
 * A record's translations ("01-passwords.pl.md", "pathway.pl.md"), each kept on the record of
 * its original, with its HTML in `html` (a lesson's) or `introHtml` (a pathway's or module's).
 */
function translationItems(record: Row, html: 'html' | 'introHtml'): PublishedFile[] {
	const translations = (record.translations ?? {}) as Record<string, Row>;
	return Object.values(translations).map(item);
	function item(t: Row): PublishedFile {
		return {
			file: String(t.file ?? ''),
			head: String(t.head ?? ''),
			source: String(t.source ?? ''),
			html: String(t[html] ?? '')
		};
	}
}
