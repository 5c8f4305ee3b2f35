import type { Catalog, StoredLesson } from '$lib/content/catalog-types';

/** Where the app's content comes from; tests pass their own server's address. */
export interface ContentApi {
	/** The catalog, or `unchanged` when nothing was published after `since` (a content seq). */
	catalog(since?: number): Promise<Catalog | { seq: number; unchanged: true }>;
	lessons(ids: string[]): Promise<StoredLesson[]>;
}

export class ContentApiError extends Error {
	override name = 'ContentApiError';
}

/** The content routes of pb_hooks/catalog.pb.js, over plain fetch (no SDK on the phone). */
export function contentApi(
	base = '',
	fetcher: typeof fetch = (...args) => fetch(...args)
): ContentApi {
	async function get<T>(path: string): Promise<T> {
		const response = await fetcher(`${base}${path}`, { headers: { Accept: 'application/json' } });
		if (!response.ok)
			throw new ContentApiError(`the server answered ${response.status} for ${path}`);
		return (await response.json()) as T;
	}
	return {
		async catalog(since = 0) {
			const catalog = await get<Catalog | { seq: number; unchanged: true }>(
				`/api/clyde/catalog${since > 0 ? `?since=${since}` : ''}`
			);
			if ('unchanged' in catalog && catalog.unchanged === true) return catalog;
			if (!('pathways' in catalog) || !Array.isArray(catalog.pathways)) {
				throw new ContentApiError('the course list from the server is not in the expected form');
			}
			return catalog;
		},
		async lessons(ids) {
			const answer = await get<{ lessons: unknown }>(
				`/api/clyde/lessons?ids=${ids.map(encodeURIComponent).join(',')}`
			);
			if (!Array.isArray(answer.lessons) || !answer.lessons.every(isStoredLesson)) {
				throw new ContentApiError('lessons from the server are not in the expected form');
			}
			return answer.lessons;
		}
	};
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
				Array.isArray((lesson.quiz as { questions?: unknown }).questions)))
	);
}
