import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { askEarly, earlyOr } from '../../src/lib/api/first-requests';
import { contentApi } from '../../src/lib/api/content';
import { caller } from '../../src/lib/api/http';
import { findLesson } from '../../src/lib/catalog/find';
import type { Catalog } from '../../src/lib/content/catalog-types';
import { languageOf, lessonLanguage } from '../../src/lib/content/lesson-language';
import { publishBundledContent, startTestServer, type TestServer } from '../support/pocketbase';

// A first visit asks for its content as the root layout's module runs (first-requests.ts);
// the app's own calls must then ask for exactly those addresses, so that they take the
// answers instead of fetching again. Proved against the real server and the real curriculum:
// every address the server is asked for is counted.
describe('a first visit asks for its content early, once', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer();
		await publishBundledContent(server.url);
	});
	afterAll(async () => {
		await server?.destroy();
	});

	/** The app's way to the server (the app's origin is the server's), counting each request. */
	function counted() {
		const asked: string[] = [];
		const fetcher: typeof fetch = (input, init) => {
			asked.push(String(input));
			return fetch(`${server.url}${String(input)}`, init);
		};
		return { asked, fetcher, app: contentApi(caller('', earlyOr(fetcher))) };
	}

	/** What the lesson screen does on a first visit: the catalog, then the lesson it names. */
	async function openLesson(
		app: ReturnType<typeof counted>['app'],
		locale: string,
		[pathway, module, slug]: string[]
	) {
		const catalog = (await app.catalog(0, languageOf(locale))) as Catalog;
		const place = findLesson(catalog.pathways, pathway ?? '', module ?? '', slug ?? '');
		if (!place) throw new Error(`no lesson ${slug}`);
		const [lesson] = await app.lessons([place.lesson.id], lessonLanguage(place.lesson, locale));
		return { catalog, place, lesson };
	}

	it.each([
		['en', ['digital-essentials', 'staying-safe', 'strong-passwords'], 'en'],
		['pl', ['digital-essentials', 'getting-started', 'wifi-and-mobile-data'], 'pl'],
		// No Polish translation of this one: the English lesson, asked for as the screen does.
		['pl', ['digital-essentials', 'staying-safe', 'strong-passwords'], 'en']
	])(
		'in %s, the lesson %j (in %s) and its catalog are each fetched once',
		async (locale, slugs, lang) => {
			const { asked, fetcher, app } = counted();
			askEarly(`/pathways/${slugs.join('/')}`, locale, fetcher);
			// The lesson is asked for as soon as the catalog is in, before the app has stored it.
			await vi.waitFor(() => expect(asked).toHaveLength(2));
			const { place, lesson } = await openLesson(app, locale, slugs);
			expect(lesson?.id).toBe(place.lesson.id);
			expect(lesson?.lang ?? 'en').toBe(lang);
			expect(asked).toHaveLength(2);
			expect(asked[1]).toContain(encodeURIComponent(place.lesson.id));
		}
	);

	it('asks for the catalog alone anywhere else, and the app takes it', async () => {
		const { asked, fetcher, app } = counted();
		askEarly('/', 'pl', fetcher);
		const catalog = await app.catalog(0, 'pl');
		expect('pathways' in catalog && catalog.pathways.length).toBeGreaterThan(0);
		expect(asked).toEqual(['/api/clyde/catalog?lang=pl']);
		// Taken once: a later refresh asks the server again.
		await app.catalog(0, 'pl');
		expect(asked).toHaveLength(2);
	});

	it('gives an early answer to no other address and to no signed-in call', async () => {
		const { asked, fetcher } = counted();
		askEarly('/', 'en', fetcher);
		const signedIn = caller('', earlyOr(fetcher));
		await signedIn('/api/clyde/catalog', { token: 'not-a-token' }).catch(() => {});
		expect(asked).toEqual(['/api/clyde/catalog', '/api/clyde/catalog']);
		// Left for the app's own call (taken here so that the next test starts with none).
		await contentApi(caller('', earlyOr(fetcher))).catalog(0, 'en');
		expect(asked).toHaveLength(2);
	});
});
