import { randomUUID } from 'node:crypto';
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callRoute } from '../support/call-route';

const url = inject('pbUrl');
const password = `drafts-${randomUUID().slice(0, 8)}-secret`;
const prefix = `drafts-${randomUUID().slice(0, 6)}`;

/** A lesson's path in content/ that no other test file uses. */
const fileFor = (name: string) => `01-${prefix}/01-module/01-${name}.md`;

// The browser editor's autosave against a real PocketBase: versions, never last-write-wins.
describe('drafts saved by editors', () => {
	let admin: PocketBase;
	const token: Record<'ann' | 'bob', string> = { ann: '', bob: '' };
	const save = (who: keyof typeof token, body: unknown) =>
		callRoute(url, token[who], 'POST', '/api/clyde/drafts/save', body);
	const draftsOf = (file: string) =>
		admin.collection('drafts').getFullList({ filter: admin.filter('file = {:file}', { file }) });
	const conflictsOf = (file: string) =>
		admin
			.collection('draft_conflicts')
			.getFullList({ filter: admin.filter('file = {:file}', { file }), sort: 'created' });

	beforeAll(async () => {
		admin = new PocketBase(url);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		for (const who of ['ann', 'bob'] as const) {
			const email = `${prefix}-${who}@example.org`;
			await admin
				.collection('users')
				.create({ email, password, passwordConfirm: password, name: who, role: 'editor' });
			const pb = new PocketBase(url);
			token[who] = (await pb.collection('users').authWithPassword(email, password)).token;
		}
	});
	afterAll(async () => {
		for (const collection of ['draft_conflicts', 'drafts']) {
			const mine = await admin
				.collection(collection)
				.getFullList({ filter: admin.filter('file ~ {:p}', { p: prefix }) });
			for (const r of mine) await admin.collection(collection).delete(r.id);
		}
		const people = await admin
			.collection('users')
			.getFullList({ filter: admin.filter('email ~ {:p}', { p: prefix }) });
		for (const person of people) await admin.collection('users').delete(person.id);
	});

	it('numbers each save; a save on the current version is taken, with its author', async () => {
		const file = fileFor('numbered');
		const first = await save('ann', { file, text: 'one', baseVersion: 0 });
		expect(first.status, first.text).toBe(200);
		expect(first.body).toEqual({ file, version: 1 });
		const second = await save('bob', { file, text: 'two', baseVersion: 1 });
		expect(second.body).toEqual({ file, version: 2 });
		const [draft] = await draftsOf(file);
		expect(draft).toMatchObject({ text: 'two', version: 2, author_name: 'bob' });
	});

	it('refuses a save on an old version, answers both texts and keeps the refused one', async () => {
		const file = fileFor('conflict');
		await save('ann', { file, text: 'the start', baseVersion: 0 });
		expect((await save('ann', { file, text: "Ann's words", baseVersion: 1 })).status).toBe(200);
		// Bob opened version 1 too and saves after Ann.
		const refused = await save('bob', { file, text: "Bob's words", baseVersion: 1 });
		expect(refused.status, refused.text).toBe(409);
		expect(refused.body).toMatchObject({
			file,
			yours: { text: "Bob's words", baseVersion: 1 },
			theirs: { text: "Ann's words", version: 2, authorName: 'ann' }
		});
		expect(refused.body.message).toMatch(/Someone else saved .* your text is kept/);
		// Ann's draft stands; Bob's words are on the server too.
		expect((await draftsOf(file))[0]).toMatchObject({ text: "Ann's words", version: 2 });
		const kept = await conflictsOf(file);
		expect(kept.map((c) => [c.text, c.base_version, c.lost_to_version, c.author_name])).toEqual([
			["Bob's words", 1, 2, 'bob']
		]);
		expect(kept[0]?.id).toBe(refused.body.conflict);
		// Bob chooses (here: merges both) and saves on the version he was shown.
		const merged = await save('bob', {
			file,
			text: "Ann's words\nBob's words",
			baseVersion: 2
		});
		expect(merged.body).toEqual({ file, version: 3 });
	});

	it('two first saves of one new file: the second is refused, not written over', async () => {
		const file = fileFor('both-new');
		const [a, b] = await Promise.all([
			save('ann', { file, text: 'Ann new', baseVersion: 0 }),
			save('bob', { file, text: 'Bob new', baseVersion: 0 })
		]);
		expect([a.status, b.status].sort()).toEqual([200, 409]);
		const drafts = await draftsOf(file);
		expect(drafts).toHaveLength(1);
		expect(drafts[0]?.version).toBe(1);
		const kept = await conflictsOf(file);
		expect([drafts[0]?.text, kept[0]?.text].sort()).toEqual(['Ann new', 'Bob new']);
	});

	it('saves a lesson’s translation, and a removal (no text) of one', async () => {
		const file = fileFor('translated').replace(/\.md$/, '.pl.md');
		expect((await save('ann', { file, text: 'po polsku', baseVersion: 0 })).body).toEqual({
			file,
			version: 1
		});
		expect((await save('ann', { file, text: '', baseVersion: 1 })).body).toEqual({
			file,
			version: 2
		});
		const odd = await save('ann', {
			file: file.replace('.pl.', '.PL1.'),
			text: 'x',
			baseVersion: 0
		});
		expect(odd.status).toBe(400);
	});

	it('a retried save of the text already stored succeeds, whatever its base', async () => {
		const file = fileFor('retry');
		await save('ann', { file, text: 'sent once', baseVersion: 0 });
		// The answer was lost on the way: the editor sends the same text on the same base.
		const again = await save('ann', { file, text: 'sent once', baseVersion: 0 });
		expect(again.status, again.text).toBe(200);
		expect(again.body).toEqual({ file, version: 1 });
		expect(await conflictsOf(file)).toEqual([]);
	});

	it('refuses malformed saves with a message that names the field, and stores nothing', async () => {
		const file = fileFor('malformed');
		const cases: [unknown, RegExp][] = [
			[{ file: '../../etc/passwd', text: 'x', baseVersion: 0 }, /"file" must be the path/],
			[{ file: 'lesson.md', text: 'x', baseVersion: 0 }, /"file" must be the path/],
			[{ file, text: 5, baseVersion: 0 }, /"text" must be text/],
			[{ file, text: 'x'.repeat(420001), baseVersion: 0 }, /"text" must be text of up to/],
			[{ file, text: 'a\u0000b', baseVersion: 0 }, /NUL/],
			[{ file, text: 'x', baseVersion: -1 }, /"baseVersion"/],
			[{ file, text: 'x' }, /"baseVersion"/]
		];
		for (const [body, message] of cases) {
			const answer = await save('ann', body);
			expect(answer.status, answer.text).toBe(400);
			expect(answer.body.message).toMatch(message);
		}
		expect(await draftsOf(file)).toEqual([]);
	});

	it('lets an admin save, under no account', async () => {
		const file = fileFor('admin');
		const answer = await callRoute(url, admin.authStore.token, 'POST', '/api/clyde/drafts/save', {
			file,
			text: 'by an admin',
			baseVersion: 0
		});
		expect(answer.status, answer.text).toBe(200);
		expect((await draftsOf(file))[0]).toMatchObject({
			author: '',
			author_name: 'An administrator'
		});
	});
});
