import { findLesson } from '$lib/catalog/find';
import type { Catalog } from '$lib/content/catalog-types';
import { languageOf, lessonLanguage } from '$lib/content/lesson-language';
import { CATALOG_PATH, catalogQuery, LESSONS_PATH, lessonsQuery } from './content';
import { pathWithQuery } from './http';

// On a first visit the screen's content waits for the server: the catalog (home's pathways,
// and a lesson's id), then, on a lesson's address, the lesson. Asked for by the data layer,
// they would leave only once Dexie and AppRoot have arrived and run: one more round trip on
// the path to the first content (docs/benchmarks.md, Lighthouse). Asked for as the root
// layout's module runs, they travel beside that code, and the app's own calls, asking for
// the very same address, take these answers instead of asking again (`earlyOr`).

const LESSON_PATH = /^\/pathways\/([^/]+)\/([^/]+)\/([^/]+)\/?$/;
/** The headers of every call (http.ts): an answer asked for here is the one the app wants. */
const INIT: RequestInit = { headers: { Accept: 'application/json' } };

/** Answers asked for early, by address, until the app's call takes them (once). */
const early = new Map<string, Promise<Response>>();

/** The address of the catalog a phone holding none asks for, in the learner's language. */
export function firstCatalogAddress(locale: string): string {
	return pathWithQuery(CATALOG_PATH, catalogQuery(0, languageOf(locale)));
}

/** The address the lesson screen asks for the lesson at `path`, if `path` names one in `catalog`. */
export function firstLessonAddress(
	catalog: Pick<Catalog, 'pathways'>,
	path: string,
	locale: string
): string | undefined {
	const slugs = LESSON_PATH.exec(path);
	if (!slugs || !Array.isArray(catalog.pathways)) return undefined;
	let place;
	try {
		const [pathway, module, lesson] = slugs.slice(1).map((slug) => decodeURIComponent(slug));
		place = findLesson(catalog.pathways, pathway ?? '', module ?? '', lesson ?? '');
	} catch {
		return undefined; // a malformed address: the lesson screen says so itself
	}
	return (
		place &&
		pathWithQuery(
			LESSONS_PATH,
			lessonsQuery([place.lesson.id], lessonLanguage(place.lesson, locale))
		)
	);
}

/**
 * Asks for the catalog, and on a lesson's address then for the lesson, as a phone with
 * nothing stored will (`locale`: the language the visit starts in). Failures are the app's
 * to report when its call takes the answer; nothing is retried here.
 */
export function askEarly(path: string, locale: string, fetcher: typeof fetch = fetch): void {
	const address = firstCatalogAddress(locale);
	const catalog = fetcher(address, INIT);
	early.set(address, catalog);
	catalog.catch(() => {});
	if (!LESSON_PATH.test(path)) return;
	catalog
		// A copy: the body itself is the app's to read.
		.then((response) => (response.ok ? response.clone().json() : undefined))
		.then((body: Pick<Catalog, 'pathways'> | undefined) => {
			const lesson = body && firstLessonAddress(body, path, locale);
			if (!lesson) return;
			const answer = fetcher(lesson, INIT);
			answer.catch(() => {});
			early.set(lesson, answer);
		})
		.catch(() => {});
}

/**
 * Starts `askEarly` on a first visit online: when this browser holds no database of the app's
 * yet. A returning learner's screens come from IndexedDB and ask the server for other
 * addresses (what changed since), so asking early there would only spend their data.
 */
export async function askEarlyOnFirstVisit(path: string, locale: string): Promise<void> {
	if (!navigator.onLine || !indexedDB.databases) return;
	const databases = await indexedDB.databases().catch(() => undefined);
	// 'clyde': openDatabase's name (not imported: that module brings Dexie).
	if (databases && !databases.some((database) => database.name === 'clyde')) askEarly(path, locale);
}

/**
 * The app's fetch: an answer asked for early to this very address (a plain GET, taken once),
 * else `next`'s.
 */
export function earlyOr(next: typeof fetch): typeof fetch {
	return (input, init) => {
		const plain =
			(init?.method ?? 'GET') === 'GET' && !new Headers(init?.headers).has('Authorization');
		const answer = typeof input === 'string' && plain ? early.get(input) : undefined;
		if (!answer) return next(input, init);
		early.delete(input as string);
		return answer;
	};
}
