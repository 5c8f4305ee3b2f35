import type { Catalog, MediaItem, StoredLesson } from '$lib/content/catalog-types';
import { BadAnswer, type Call } from './http';

/** The content routes of pb_hooks/catalog.pb.js: public, so learners may study before signing up. */
export interface ContentApi {
	/**
	 * The catalog, or `unchanged` when nothing was published after `since` (a content seq); its
	 * pathways and modules carry their words in `language` too, where they have them.
	 */
	catalog(since?: number, language?: string): Promise<Catalog | { seq: number; unchanged: true }>;
	/** Whole lessons; in `language` where a lesson has it (each says its `lang`), else in English. */
	lessons(ids: string[], language?: string): Promise<StoredLesson[]>;
	/** Published pictures by hash (at most 50 at a time); one no longer published is left out. */
	media(hashes: string[]): Promise<MediaItem[]>;
}

export const CATALOG_PATH = '/api/clyde/catalog';
export const LESSONS_PATH = '/api/clyde/lessons';

/** The catalog's query: English is the default, and 0 (nothing held) is no `since`. */
export function catalogQuery(since = 0, language?: string): Record<string, string | number> {
	return {
		...(since > 0 && { since }),
		...(language && language !== 'en' && { lang: language })
	};
}

export function lessonsQuery(ids: string[], language?: string): Record<string, string> {
	return { ids: ids.join(','), ...(language && language !== 'en' && { lang: language }) };
}

export function contentApi(call: Call): ContentApi {
	return {
		async catalog(since = 0, language) {
			const catalog = await call<Catalog | { seq: number; unchanged: true }>(CATALOG_PATH, {
				query: catalogQuery(since, language)
			});
			if ('unchanged' in catalog && catalog.unchanged === true) return catalog;
			if (!('pathways' in catalog) || !Array.isArray(catalog.pathways)) {
				throw new BadAnswer('the course list from the server is not in the expected form');
			}
			return catalog;
		},
		async lessons(ids, language) {
			const answer = await call<{ lessons: unknown }>(LESSONS_PATH, {
				query: lessonsQuery(ids, language)
			});
			if (
				!Array.isArray(answer.lessons) ||
				!answer.lessons.every((l) => isStoredLesson(l) && Array.isArray(l.media))
			) {
				throw new BadAnswer('lessons from the server are not in the expected form');
			}
			return answer.lessons;
		},
		async media(hashes) {
			const answer = await call<{ media: unknown }>('/api/clyde/media', {
				query: { hashes: hashes.join(',') }
			});
			if (!Array.isArray(answer.media) || !answer.media.every(isMediaItem)) {
				throw new BadAnswer('pictures from the server are not in the expected form');
			}
			return answer.media;
		}
	};
}

const MEDIA_TYPES = ['svg', 'png', 'jpeg', 'webp', 'gif'];

function isMediaItem(value: unknown): value is MediaItem {
	const item = value as Partial<MediaItem> | null;
	return (
		typeof item?.hash === 'string' &&
		MEDIA_TYPES.includes(item.type as string) &&
		typeof item.data === 'string'
	);
}

/** A lesson is usable if it has the fields the reader needs; anything else is damaged. */
export function isStoredLesson(value: unknown): value is StoredLesson {
	if (!value || typeof value !== 'object') return false;
	const lesson = value as Record<string, unknown>;
	return (
		typeof lesson.id === 'string' &&
		typeof lesson.pathway === 'string' &&
		typeof lesson.module === 'string' &&
		typeof lesson.title === 'string' &&
		typeof lesson.html === 'string' &&
		typeof lesson.hash === 'string' &&
		typeof lesson.minutes === 'number' &&
		(lesson.quiz === null ||
			(typeof lesson.quiz === 'object' &&
				Array.isArray((lesson.quiz as { questions?: unknown }).questions))) &&
		(lesson.exercises === undefined || Array.isArray(lesson.exercises))
	);
}
