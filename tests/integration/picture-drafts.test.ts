import { randomUUID } from 'node:crypto';
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { learnerApi } from '../../src/lib/api/learner-api';
import { EditorClient } from '../../src/lib/editor/editor-client';
import { planPublish } from '../../src/lib/editor/publish-plan';
import { describeChanges } from '../../src/lib/editor/publish-summary';
import { editsOf, workingFiles } from '../../src/lib/editor/working-files';
import { nodeSanitiser } from '../../scripts/content/node-sanitiser';
import { sha256 } from '../../scripts/content/pictures';
import { publishContent } from '../../scripts/content/publish-client';
import { callRoute } from '../support/call-route';

const url = inject('pbUrl');
const password = `pictures-${randomUUID().slice(0, 8)}-secret`;
const prefix = `pics${randomUUID()
	.slice(0, 6)
	.replace(/[^a-z0-9]/g, 'x')}`;

/** A real 1×1 lossy WebP, as the editor's canvas writes them. */
const WEBP = 'UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA';
/** A 1×1 PNG: a real picture, but not what a .webp file name says. */
const PNG =
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
/** A drawing as the publish step writes one (the editor stores it so). */
const DRAWING =
	'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40"><rect class="ink" x="2" y="2" width="96" height="36" fill="none"/></svg>';

// Numbered apart from other files' pathways: the server is shared, and a publish plan is the
// whole published set, where two pathways with one number are an error.
const pathwayDir = `93-${prefix}`;
const moduleDir = `${pathwayDir}/01-basics`;
const lessonFile = `${moduleDir}/01-wifi.md`;
const pictureFile = `${moduleDir}/images/a-phone-s-wifi-settings.webp`;

// The browser editor's "Insert picture": a picture is a draft of its file (its data as text),
// checked by the drafts route, published with the lessons that place it, and sent to phones.
describe('pictures inserted in the browser editor', () => {
	let admin: PocketBase;
	let token = '';
	let userId = '';
	const save = (body: unknown) => callRoute(url, token, 'POST', '/api/clyde/drafts/save', body);
	const draftsOf = (file: string) =>
		admin.collection('drafts').getFullList({ filter: admin.filter('file = {:file}', { file }) });

	beforeAll(async () => {
		admin = new PocketBase(url);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		const email = `${prefix}-editor@example.org`;
		const user = await admin
			.collection('users')
			.create({ email, password, passwordConfirm: password, name: 'Pia', role: 'editor' });
		userId = user.id;
		token = (await new PocketBase(url).collection('users').authWithPassword(email, password)).token;
	});

	afterAll(async () => {
		// A publish is a whole set: none leaves nothing of this file's for the next test file.
		await publishContent({ url, token, pathways: [], dryRun: false });
		const mine = await admin
			.collection('drafts')
			.getFullList({ filter: admin.filter('file ~ {:p}', { p: prefix }) });
		for (const r of mine) await admin.collection('drafts').delete(r.id);
		await admin.collection('users').delete(userId);
	});

	it('takes a picture whose data is what its file name says, within the editor’s limits', async () => {
		const raster = await save({ file: pictureFile, text: WEBP, baseVersion: 0 });
		expect(raster.status, raster.text).toBe(200);
		const drawing = await save({
			file: `${moduleDir}/images/box.svg`,
			text: DRAWING,
			baseVersion: 0
		});
		expect(drawing.status, drawing.text).toBe(200);
		expect((await draftsOf(pictureFile))[0]).toMatchObject({ text: WEBP, version: 1 });
	});

	it('refuses a picture of another type, too big, breaking the SVG rules or out of place', async () => {
		const file = `${moduleDir}/images/refused.webp`;
		const tooBig = `UklGR${'A'.repeat(140_000 - 5)}`;
		const cases: [unknown, number, RegExp][] = [
			[{ file, text: PNG, baseVersion: 0 }, 400, /"text" must be a webp picture in base64/],
			[{ file, text: `${WEBP}!`, baseVersion: 0 }, 400, /"text" must be a webp picture/],
			[{ file, text: tooBig, baseVersion: 0 }, 400, /up to 100 KB: this one is 103 KB/],
			[
				{
					file: `${moduleDir}/images/red.svg`,
					text: DRAWING.replace('class="ink" ', 'style="fill:red" '),
					baseVersion: 0
				},
				400,
				/the SVG breaks the picture rules at character \d+: the style attribute/i
			],
			[{ file: `${pathwayDir}/images/x.webp`, text: WEBP, baseVersion: 0 }, 400, /"file" must/],
			[{ file: `${moduleDir}/images/x.gif`, text: WEBP, baseVersion: 0 }, 400, /"file" must/]
		];
		for (const [body, status, message] of cases) {
			const answer = await save(body);
			expect(answer.status, answer.text).toBe(status);
			expect(answer.body.message).toMatch(message);
		}
		const stored = await admin
			.collection('drafts')
			.getFullList({ filter: admin.filter('file ~ {:p}', { p: `${moduleDir}/images/` }) });
		expect(stored.map((d) => d.file).sort()).toEqual([pictureFile, `${moduleDir}/images/box.svg`]);
	});

	it('is published with the lesson that places it, reaches a phone, and its draft is cleared', async () => {
		const editor = new EditorClient({ token, userId, email: '', name: 'Pia' }, url);
		const texts: [string, string][] = [
			[
				`${pathwayDir}/pathway.md`,
				`---\nid: ${prefix}-pathway\ntitle: Pictures\nsummary: A pathway.\nlevel: beginner\noutcomes:\n  - Learn\n---\n`
			],
			[
				`${moduleDir}/module.md`,
				`---\nid: ${prefix}-module\ntitle: Basics\nsummary: A module.\n---\n`
			],
			[
				lessonFile,
				`---\nid: ${prefix}-wifi\ntitle: Wifi\nsummary: A lesson.\nminutes: 5\noutcomes:\n  - Learn\n---\n\nOpen the settings.\n\n![A phone’s wifi settings, with Home ticked.](images/a-phone-s-wifi-settings.webp "Your wifi")\n`
			]
		];
		for (const [file, text] of texts) {
			expect((await editor.saveDraft(file, text, 0)).ok).toBe(true);
		}
		const working = workingFiles(await editor.published(), await editor.drafts(), new Map());
		expect(working.files.assets.get(pictureFile)).toEqual(
			new Uint8Array(Buffer.from(WEBP, 'base64'))
		);
		expect(working.files.markdown.has(pictureFile)).toBe(false);

		const plan = planPublish(
			working.published,
			editsOf(working),
			pathwayDir,
			nodeSanitiser(),
			working.files.assets
		);
		expect(plan.errors).toEqual([]);
		const dryRun = await editor.publish(plan.pathways, true);
		expect(describeChanges(dryRun.changes)).toContain('1 picture new');
		await editor.publish(plan.pathways, false);

		// A learner's phone: the lesson places the picture by hash, and the picture comes by it.
		const phone = learnerApi(url).content;
		const [lesson] = await phone.lessons([`${prefix}-wifi`]);
		const hash = sha256(WEBP);
		expect(lesson?.html).toContain(`<figure data-media="${hash}">`);
		expect(lesson?.media?.map((m) => [m.hash, m.type])).toEqual([[hash, 'webp']]);
		expect(await phone.media([hash])).toEqual([{ hash, type: 'webp', data: WEBP }]);

		// Published: the picture's draft and the lesson's are gone; the unused drawing's stays.
		expect(await draftsOf(pictureFile)).toEqual([]);
		expect(await draftsOf(lessonFile)).toEqual([]);
		expect(await draftsOf(`${moduleDir}/images/box.svg`)).toHaveLength(1);
	});
});
