import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContentApi } from '$lib/api/content';
import { openDatabase, type ClydeDatabase } from '$lib/db/database';
import { makePathway } from '../../../tests/factories/catalog';
import { refreshCatalog } from './refresh';

function serverWith(
	seq: number,
	ids: string[]
): ContentApi & { asked: number[]; languages: (string | undefined)[] } {
	const asked: number[] = [];
	const languages: (string | undefined)[] = [];
	return {
		asked,
		languages,
		async catalog(since = 0, language) {
			asked.push(since);
			languages.push(language);
			if (since >= seq) return { seq, unchanged: true as const };
			return { seq, pathways: ids.map((id) => makePathway(id)) };
		},
		lessons: async () => [],
		media: async () => []
	};
}

describe('refreshCatalog', () => {
	let db: ClydeDatabase;
	beforeEach(() => {
		db = openDatabase(`test-${Math.random()}`);
	});
	afterEach(() => db.delete());

	it('asks with the seq it holds and keeps its catalog when nothing changed', async () => {
		await refreshCatalog(db, serverWith(3, ['a', 'b']));
		const again = serverWith(3, ['a', 'b']);
		await refreshCatalog(db, again);
		expect(again.asked).toEqual([3]);
		expect((await db.catalog.toArray()).map((p) => p.id)).toEqual(['a', 'b']);
	});

	it('drops a pathway that left the catalog unless it is downloaded', async () => {
		await refreshCatalog(db, serverWith(1, ['a', 'b', 'c']));
		await db.downloads.put({ pathway: 'b', requestedAt: '' });
		await refreshCatalog(db, serverWith(2, ['a']));
		expect((await db.catalog.toArray()).map((p) => p.id).sort()).toEqual(['a', 'b']);
	});

	it('asks in the learner’s language, and for the whole catalog when it holds another', async () => {
		await refreshCatalog(db, serverWith(3, ['a']), 'pl');
		const same = serverWith(3, ['a']);
		await refreshCatalog(db, same, 'pl');
		expect([same.asked, same.languages]).toEqual([[3], ['pl']]);
		const other = serverWith(3, ['a']);
		await refreshCatalog(db, other, 'ar');
		expect([other.asked, other.languages]).toEqual([[0], ['ar']]);
		const again = serverWith(3, ['a']);
		await refreshCatalog(db, again, 'ar');
		expect(again.asked).toEqual([3]);
	});
});
