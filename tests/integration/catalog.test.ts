import PocketBase from 'pocketbase';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { learnerApi } from '../../src/lib/api/learner-api';
import { createLessons } from '../support/content-records';

const url = inject('pbUrl');

describe('the catalog route', () => {
	let admin: PocketBase;
	beforeAll(async () => {
		admin = new PocketBase(url);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		await createLessons(admin, 'catalog', 1);
	});

	it('sends lessons as JSON with their HTML as it is, not as Go escapes it (\\u003c)', async () => {
		const [id] = await createLessons(admin, 'json-shape', 1, { published: true });
		const html = '<p>Fish &amp; chips</p>';
		const record = await admin.collection('lessons').getFirstListItem(`content_id = "${id}"`);
		await admin.collection('lessons').update(record.id, { html });
		const response = await fetch(`${url}/api/clyde/lessons?ids=${id}`);
		expect(response.headers.get('content-type')).toBe('application/json; charset=UTF-8');
		const text = await response.text();
		expect(text).toContain(JSON.stringify(html));
		expect((JSON.parse(text) as { lessons: { html: string }[] }).lessons[0]?.html).toBe(html);
	});

	it('sends a lesson with what the phone reads it by, and nothing the catalog already gives', async () => {
		const [id = ''] = await createLessons(admin, 'lesson-fields', 1, { published: true });
		const [lesson] = await learnerApi(url).content.lessons([id]);
		expect(Object.keys(lesson ?? {}).sort()).toEqual(
			['exercises', 'hash', 'html', 'id', 'lang', 'media', 'minutes', 'module', 'pathway']
				.concat(['quiz', 'title'])
				.sort()
		);
	});

	it('answers "unchanged" to an app that holds the latest content seq, and the catalog otherwise', async () => {
		const api = learnerApi(url).content;
		const full = await api.catalog();
		expect('pathways' in full).toBe(true);
		expect(full.seq).toBeGreaterThan(0);
		expect(await api.catalog(full.seq)).toEqual({ seq: full.seq, unchanged: true });
		expect('pathways' in (await api.catalog(full.seq - 1))).toBe(true);
	});

	it('names each lesson’s exercises with their titles, in order, for the tutor’s pages', async () => {
		const admin = new PocketBase(url);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		const [id] = await createLessons(admin, 'catalog-exercises', 1, { published: true });
		const lesson = await admin
			.collection('lessons')
			.getFirstListItem(admin.filter('content_id = {:id}', { id }));
		await admin.collection('lessons').update(lesson.id, {
			exercises: [{ id: 'a-list', title: 'A shopping list' }, { id: 'untitled' }]
		});
		const full = await learnerApi(url).content.catalog();
		const listed = 'pathways' in full ? full.pathways : [];
		const found = listed
			.flatMap((p) => p.modules.flatMap((m) => m.lessons))
			.find((l) => l.id === id);
		expect(found?.exercises).toEqual(['a-list', 'untitled']);
		expect(found?.exerciseTitles).toEqual(['A shopping list', 'untitled']);
	});

	it('refuses a lessons request without ids, or with too many', async () => {
		expect((await fetch(`${url}/api/clyde/lessons`)).status).toBe(400);
		const ids = Array.from({ length: 51 }, (_, i) => `l${i}`).join(',');
		expect((await fetch(`${url}/api/clyde/lessons?ids=${ids}`)).status).toBe(400);
	});
});
