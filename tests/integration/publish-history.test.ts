import PocketBase from 'pocketbase';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { compileContent } from '../../scripts/content/compile';
import { nodeSanitiser } from '../../scripts/content/node-sanitiser';
import { publishContent, publishPayload } from '../../scripts/content/publish-client';
import { callRoute } from '../support/call-route';

const url = inject('pbUrl');
const password = 'history-password-1';
// A one-pixel PNG: pictures are restored from the media collection by their hash.
const PIXEL = Uint8Array.from(
	atob(
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='
	),
	(c) => c.charCodeAt(0)
);

const lessonText = (words: string) =>
	`---\nid: hist-lesson\ntitle: History\nsummary: A lesson.\nminutes: 5\noutcomes:\n  - Learn\n---\n\n## Part\n\n${words}\n\n![A dot](images/dot.png)\n`;

function content(words: string) {
	const lesson = lessonText(words);
	const markdown = new Map([
		[
			'01-hist/pathway.md',
			`---\nid: hist-pathway\ntitle: Hist\nsummary: A pathway.\nlevel: beginner\noutcomes:\n  - Learn\n---\n`
		],
		['01-hist/01-mod/module.md', `---\nid: hist-module\ntitle: Mod\nsummary: A module.\n---\n`],
		['01-hist/01-mod/01-lesson.md', lesson]
	]);
	const result = compileContent(
		{ markdown, assets: new Map([['01-hist/01-mod/images/dot.png', PIXEL]]) },
		nodeSanitiser()
	);
	expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
	return result.pathways;
}

// Every publish is recorded (who, when, what) and an earlier one can be published again.
describe('publish history and restore', () => {
	let admin: PocketBase;
	let token: string;
	const lessonHtml = async () =>
		(await admin.collection('lessons').getFirstListItem('content_id = "hist-lesson"')).html;

	beforeAll(async () => {
		admin = new PocketBase(url);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		const email = 'history-editor@example.org';
		await admin
			.collection('users')
			.create({ email, password, passwordConfirm: password, role: 'editor', name: 'Hana' });
		token = (await new PocketBase(url).collection('users').authWithPassword(email, password)).token;
	});

	it('records who published what; restoring an earlier publish brings its text back', async () => {
		const first = await publishContent({
			url,
			token,
			pathways: content('First words.'),
			dryRun: false
		});
		const second = await publishContent({
			url,
			token,
			pathways: content('Second words.'),
			dryRun: false
		});
		expect(await lessonHtml()).toContain('Second words.');
		const history = await admin.collection('publishes').getFullList({ sort: 'seq' });
		const mine = history.filter((p) => p.seq === first.seq || p.seq === second.seq);
		expect(mine.map((p) => [p.author_name, p.restored_from])).toEqual([
			['Hana', ''],
			['Hana', '']
		]);
		expect(mine[1]?.changes).toEqual([
			expect.objectContaining({ kind: 'lessons', id: 'hist-lesson', change: 'updated' })
		]);
		// Pictures are kept by hash only; the text is all there.
		const snapshot = mine[0]?.snapshot as { pathways: { media: object[] }[] };
		expect(snapshot.pathways[0]?.media).toEqual([
			{ hash: expect.stringMatching(/^[0-9a-f]{64}$/), type: 'png' }
		]);

		// A dry run says what restoring would change, and changes nothing.
		const dry = await callRoute(url, token, 'POST', '/api/clyde/content/restore', {
			publish: mine[0]?.id,
			dryRun: true
		});
		expect(dry.status, dry.text).toBe(200);
		expect(dry.body.changes.filter((c: { change: string }) => c.change !== 'unchanged')).toEqual([
			expect.objectContaining({ id: 'hist-lesson', change: 'updated' })
		]);
		expect(await lessonHtml()).toContain('Second words.');

		const restored = await callRoute(url, token, 'POST', '/api/clyde/content/restore', {
			publish: mine[0]?.id
		});
		expect(restored.status, restored.text).toBe(200);
		expect(await lessonHtml()).toContain('First words.');
		const latest = await admin.collection('publishes').getFirstListItem('', { sort: '-seq' });
		expect(latest).toMatchObject({ author_name: 'Hana', restored_from: mine[0]?.id });
		expect(latest.id).toBe(restored.body.publish);
	});

	it('a publish deletes the drafts it made stale, and keeps a draft that says something else', async () => {
		const save = (file: string, text: string) =>
			callRoute(url, token, 'POST', '/api/clyde/drafts/save', { file, text, baseVersion: 0 });
		expect((await save('01-hist/01-mod/01-lesson.md', lessonText('Drafted words.'))).status).toBe(
			200
		);
		const other = '---\nid: hist-module\ntitle: Mod, renamed\nsummary: A module.\n---\n';
		expect((await save('01-hist/01-mod/module.md', other)).status).toBe(200);
		const dry = await publishContent({
			url,
			token,
			pathways: content('Drafted words.'),
			dryRun: true
		});
		expect(dry.draftsCleared).toBeUndefined();
		const result = await publishContent({
			url,
			token,
			pathways: content('Drafted words.'),
			dryRun: false
		});
		expect(result.draftsCleared).toBe(1);
		const drafts = await admin.collection('drafts').getFullList({ filter: 'file ~ "01-hist/"' });
		expect(drafts.map((d) => [d.file, d.text])).toEqual([['01-hist/01-mod/module.md', other]]);
	});

	it('a publish deletes the drafts it says it carried out, removals too, at their versions', async () => {
		const save = (file: string, text: string, baseVersion = 0) =>
			callRoute(url, token, 'POST', '/api/clyde/drafts/save', { file, text, baseVersion });
		const gone = '01-hist/01-mod/02-gone.md';
		const lesson = '01-hist/01-mod/01-lesson.md';
		expect((await save(gone, '')).status).toBe(200);
		expect((await save(lesson, lessonText('Carried words.'))).status).toBe(200);
		// Another editor typed on after this publish's page was opened: version 2 is theirs.
		expect((await save(lesson, lessonText('Typed since.'), 1)).status).toBe(200);
		const carried = [
			{ file: gone, version: 1 },
			{ file: lesson, version: 1 }
		];
		const bad = await callRoute(url, token, 'POST', '/api/clyde/content/publish', {
			...publishPayload(content('Carried words.'), true),
			drafts: [{ file: '../x.md', version: 1 }]
		});
		expect(bad.status).toBe(400);
		expect(bad.body.message).toMatch(/"drafts" must list the drafts/);
		const result = await publishContent({
			url,
			token,
			pathways: content('Carried words.'),
			dryRun: false,
			drafts: carried
		});
		expect(result.draftsCleared).toBe(1);
		const left = await admin
			.collection('drafts')
			.getFullList({ filter: admin.filter('file = {:a} || file = {:b}', { a: gone, b: lesson }) });
		expect(left.map((d) => [d.file, d.version])).toEqual([[lesson, 2]]);
	});

	it('refuses to restore a publish that does not exist, and learners may not restore', async () => {
		const missing = await callRoute(url, token, 'POST', '/api/clyde/content/restore', {
			publish: 'nosuchpublish00'
		});
		expect(missing.status).toBe(400);
		expect(missing.body.message).toBe('There is no such publish to restore.');
		expect((await callRoute(url, '', 'POST', '/api/clyde/content/restore', {})).status).toBe(401);
	});
});
