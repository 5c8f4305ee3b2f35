import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { learnerApi } from '../../src/lib/api/learner-api';
import { compileContent, type ContentInput } from '../../scripts/content/compile';
import { sha256 } from '../../scripts/content/pictures';
import { publishContent, publishPayload } from '../../scripts/content/publish-client';
import { callRoute } from '../support/call-route';
import { HOSTILE_SVGS } from '../fixtures/hostile-svgs';
import { nodeSanitiser } from '../../scripts/content/node-sanitiser';

const url = inject('pbUrl');
const password = 'media-password-1';

// Words outside ASCII: the server's sha256 ($security.sha256) must hash the same UTF-8 bytes.
const DRAWING = (label: string) =>
	`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40"><title>${label}</title><rect class="ink" x="2" y="2" width="96" height="36" fill="none"/><text class="ink" x="50" y="25" text-anchor="middle">${label} “£5”</text></svg>`;
/** A real 1×1 PNG. */
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
	'base64'
);

function lesson(id: string, picture: string): string {
	return `---\nid: ${id}\ntitle: ${id}\nsummary: A lesson.\nminutes: 5\noutcomes:\n  - Learn\n---\n\nSome text.\n\n![A drawing of a box.](${picture} "A box")\n`;
}

function content(label = 'Box'): ContentInput {
	const markdown = new Map([
		[
			'01-media/pathway.md',
			`---\nid: media-pathway\ntitle: Media\nsummary: Pictures.\nlevel: beginner\noutcomes:\n  - Learn\n---\n`
		],
		['01-media/01-one/module.md', `---\nid: media-module\ntitle: One\nsummary: A module.\n---\n`],
		['01-media/01-one/01-first.md', lesson('media-first', 'images/box.svg')],
		['01-media/01-one/02-second.md', lesson('media-second', 'images/box.svg')],
		['01-media/01-one/03-third.md', lesson('media-third', 'images/dot.png')]
	]);
	const assets = new Map<string, Uint8Array>([
		['01-media/01-one/images/box.svg', new TextEncoder().encode(DRAWING(label))],
		['01-media/01-one/images/dot.png', PNG]
	]);
	return { markdown, assets };
}

function compiled(input: ContentInput) {
	const result = compileContent(input, nodeSanitiser());
	expect(result.diagnostics).toEqual([]);
	return result.pathways;
}

describe('pictures published and read through a real PocketBase', () => {
	let admin: PocketBase;
	const tokens: Record<'editor' | 'learner', string> = { editor: '', learner: '' };

	beforeAll(async () => {
		admin = new PocketBase(url);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		for (const role of ['editor', 'learner'] as const) {
			const email = `${role}-media@example.org`;
			await admin.collection('users').create({ email, password, passwordConfirm: password, role });
			const pb = new PocketBase(url);
			tokens[role] = (await pb.collection('users').authWithPassword(email, password)).token;
		}
	});

	// A publish is a whole set: publishing none leaves nothing of this file published for the
	// next file on this server (content-publish.test.ts counts every change it makes).
	afterAll(async () => {
		await publishContent({ url, token: tokens.editor, pathways: [], dryRun: false });
	});

	const mediaRecords = () =>
		admin.collection('media').getFullList({ filter: 'pathway.content_id = "media-pathway"' });

	it('stores each picture once, lists each lesson’s pictures in the catalog and sends them by hash', async () => {
		const pathways = compiled(content());
		const result = await publishContent({ url, token: tokens.editor, pathways, dryRun: false });
		const created = result.changes.filter((c) => c.kind === 'media' && c.change === 'created');
		expect(created).toHaveLength(2);
		const stored = await mediaRecords();
		expect(stored.map((m) => [m.type, m.published]).sort()).toEqual([
			['png', true],
			['svg', true]
		]);

		const [svg, png] = ['svg', 'png'].map((t) => pathways[0]?.media.find((m) => m.type === t));
		if (!svg || !png) throw new Error('the pathway has no pictures');
		const api = learnerApi(url).content;
		const catalog = await api.catalog();
		if (!('pathways' in catalog)) throw new Error('no catalog');
		const lessons = catalog.pathways
			.find((p) => p.id === 'media-pathway')
			?.modules.flatMap((m) => m.lessons);
		expect(lessons?.map((l) => (l.media ?? []).map((m) => [m.hash, m.type]))).toEqual([
			[[svg.hash, 'svg']],
			[[svg.hash, 'svg']],
			[[png.hash, 'png']]
		]);
		for (const ref of lessons?.flatMap((l) => l.media ?? []) ?? []) {
			expect(ref.bytes).toBeGreaterThan(ref.type === 'svg' ? svg.data.length : png.data.length);
		}

		const [first] = await api.lessons(['media-first']);
		expect(first?.html).toContain(`<figure data-media="${svg.hash}"><p>A drawing of a box.</p>`);
		expect(first?.media?.map((m) => m.hash)).toEqual([svg.hash]);

		const sent = await api.media([svg.hash, png.hash]);
		expect(sent.map((m) => [m.hash, m.type, m.data]).sort()).toEqual(
			[
				[svg.hash, 'svg', svg.data],
				[png.hash, 'png', PNG.toString('base64')]
			].sort()
		);
		expect(sha256(svg.data)).toBe(svg.hash);
	});

	it('answers a set of pictures that never changes with a year’s caching, and refuses bad asks', async () => {
		const [svg] = (await mediaRecords()).filter((m) => m.type === 'svg');
		const whole = await fetch(`${url}/api/clyde/media?hashes=${svg?.hash}`);
		expect(whole.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		const partial = await fetch(`${url}/api/clyde/media?hashes=${svg?.hash},${'0'.repeat(64)}`);
		expect(partial.headers.get('cache-control')).toBe('no-cache');
		expect(((await partial.json()) as { media: unknown[] }).media).toHaveLength(1);
		for (const query of ['', 'hashes=abc', `hashes=${Array(51).fill('a'.repeat(64)).join(',')}`]) {
			expect((await fetch(`${url}/api/clyde/media?${query}`)).status).toBe(400);
		}
	});

	it('lets anyone read published pictures, and nobody but the publish route write them', async () => {
		const stored = await mediaRecords();
		const target = stored[0];
		if (!target) throw new Error('nothing stored');
		for (const token of ['', tokens.learner, tokens.editor]) {
			const list = await callRoute(url, token, 'GET', '/api/collections/media/records');
			expect(list.status).toBe(200);
			const hashes = (list.body.items as { hash: string }[]).map((m) => m.hash);
			expect(hashes).toEqual(expect.arrayContaining(stored.map((m) => m.hash)));
			const record = {
				hash: 'f'.repeat(64),
				pathway: target.pathway,
				type: 'svg',
				data: '<svg viewBox="0 0 1 1"/>',
				bytes: 30,
				published: true
			};
			const create = await callRoute(url, token, 'POST', '/api/collections/media/records', record);
			expect(create.status).toBe(403);
			const update = await callRoute(
				url,
				token,
				'PATCH',
				`/api/collections/media/records/${target.id}`,
				{
					data: '<svg viewBox="0 0 1 1"/>'
				}
			);
			expect(update.status).toBe(403);
			const remove = await callRoute(
				url,
				token,
				'DELETE',
				`/api/collections/media/records/${target.id}`
			);
			expect(remove.status).toBe(403);
		}
		expect((await mediaRecords()).map((m) => [m.id, m.data])).toEqual(
			stored.map((m) => [m.id, m.data])
		);
	});

	it('a changed picture is a new one: the old is unpublished, its lessons get new versions', async () => {
		const before = await mediaRecords();
		const result = await publishContent({
			url,
			token: tokens.editor,
			pathways: compiled(content('Crate')),
			dryRun: false
		});
		const changes = result.changes
			.filter((c) => c.change !== 'unchanged')
			.map((c) => `${c.kind} ${c.change}`)
			.sort();
		expect(changes).toEqual([
			'lessons updated',
			'lessons updated',
			'media created',
			'media unpublished'
		]);
		const after = await mediaRecords();
		expect(after).toHaveLength(before.length + 1);
		const anonymous = new PocketBase(url);
		const listed = await anonymous.collection('media').getFullList();
		const old = before.find((m) => m.type === 'svg');
		expect(listed.map((m) => m.hash)).not.toContain(old?.hash);
		expect(await learnerApi(url).content.media([old?.hash as string])).toEqual([]);
	});

	describe('the server does not trust the client', () => {
		/** A valid payload with its first picture replaced by `item` (the lessons placing it too). */
		function payloadWith(item: { hash: string; type: string; data: string }) {
			const payload = publishPayload(compiled(content()), true);
			const pathway = payload.pathways[0];
			const svg = pathway?.media.find((m) => m.type === 'svg');
			if (!pathway || !svg) throw new Error('no picture to replace');
			pathway.media = pathway.media.map((m) => (m === svg ? (item as typeof svg) : m));
			for (const lesson of pathway.modules.flatMap((m) => m.lessons)) {
				lesson.media = lesson.media.map((h) => (h === svg.hash ? item.hash : h));
				lesson.html = lesson.html.replaceAll(svg.hash, item.hash);
			}
			return payload;
		}
		const post = (body: unknown) =>
			callRoute(url, tokens.editor, 'POST', '/api/clyde/content/publish', body);

		it.each(HOSTILE_SVGS.map((h) => [h.name, h.svg]))(
			'refuses a picture straight from an editor’s token with %s',
			async (_name, svg) => {
				const before = await admin.collection('media').getFullList();
				const answer = await post(payloadWith({ hash: sha256(svg), type: 'svg', data: svg }));
				expect(answer.status).toBe(400);
				expect(answer.body.message).toMatch(/media\[\d\]: the SVG breaks the picture rules/);
				expect(await admin.collection('media').getFullList()).toEqual(before);
			}
		);

		it('refuses a picture that is not what its hash names, or not what its type says', async () => {
			const svg = DRAWING('Box');
			const cases: [{ hash: string; type: string; data: string }, RegExp][] = [
				[{ hash: sha256('other'), type: 'svg', data: svg }, /"hash" is not the sha256 of "data"/],
				[{ hash: 'x', type: 'svg', data: svg }, /"hash" must be a sha256/],
				[{ hash: sha256(svg), type: 'html', data: svg }, /"type" must be one of svg, png/],
				[
					{ hash: sha256('PHNjcmlwdD4='), type: 'png', data: 'PHNjcmlwdD4=' },
					/"data" must be a png picture in base64/
				]
			];
			for (const [item, reason] of cases) {
				const answer = await post(payloadWith(item));
				expect(answer.status).toBe(400);
				expect(answer.body.message).toMatch(reason);
			}
		});

		it('refuses a lesson that places a picture its pathway does not publish', async () => {
			const payload = publishPayload(compiled(content()), true);
			const lesson = payload.pathways[0]?.modules[0]?.lessons[0];
			if (!lesson) throw new Error('no lesson');
			lesson.html += `<figure data-media="${'e'.repeat(64)}"><p>x</p></figure>`;
			const placed = await post(payload);
			expect(placed.status).toBe(400);
			expect(placed.body.message).toMatch(/html places a picture not in its media/);
			lesson.media = ['e'.repeat(64)];
			const listed = await post(payload);
			expect(listed.body.message).toMatch(/media must list hashes of pathways\[0\]\.media/);
		});
	});
});
