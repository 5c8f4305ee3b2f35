import { Marked } from 'marked';
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileContent } from '../../scripts/content/compile';
import { nodeSanitiser } from '../../scripts/content/node-sanitiser';
import type { CompiledPathway } from '../../scripts/content/catalog';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads';
import { callRoute } from '../support/call-route';
import { executableParts } from '../support/executable-html';
import {
	publishBundledContent,
	startTestServer,
	TEST_ADMIN,
	type TestServer
} from '../support/pocketbase';

/** One small, valid content set, compiled as content:publish would send it. */
function validSet(): CompiledPathway[] {
	const markdown = new Map([
		[
			'01-xss/pathway.md',
			'---\nid: xss-p\ntitle: P\nsummary: S.\nlevel: beginner\noutcomes:\n  - O\n---\n'
		],
		['01-xss/01-m/module.md', '---\nid: xss-m\ntitle: M\nsummary: S.\n---\n'],
		[
			'01-xss/01-m/01-l.md',
			'---\nid: xss-l\ntitle: L\nsummary: S.\nminutes: 1\noutcomes:\n  - O\n---\n\n## Part\n\nText.\n'
		]
	]);
	const { pathways, diagnostics } = compileContent(
		{ markdown, assets: new Map() },
		nodeSanitiser()
	);
	expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
	return pathways;
}

// The publish route does not trust its client: HTML sent straight to it, as a stolen editor
// account could, is checked against the publisher's allow-list (pb_hooks/lib/lesson-html.js).
describe('the publish route with HTML that did not come from content:publish', () => {
	let server: TestServer;
	let editor: string;

	beforeAll(async () => {
		server = await startTestServer();
		const admin = new PocketBase(server.url);
		await admin.admins.authWithPassword(TEST_ADMIN.email, TEST_ADMIN.password);
		const password = 'editor-password-1';
		const email = 'editor-untrusted@example.org';
		await admin
			.collection('users')
			.create({ email, password, passwordConfirm: password, role: 'editor' });
		editor = (
			await new PocketBase(server.url).collection('users').authWithPassword(email, password)
		).token;
	});
	afterAll(() => server?.destroy());

	it(`stores nothing executable from the ${XSS_PAYLOADS.length} payloads, raw or rendered without sanitising`, async () => {
		const outcomes = { refused: 0, stored: 0 };
		for (const payload of XSS_PAYLOADS) {
			for (const html of [payload, new Marked({ gfm: true }).parse(payload) as string]) {
				const pathways = validSet();
				const pathway = pathways[0] as CompiledPathway;
				const module = pathway.modules[0] as CompiledPathway['modules'][number];
				pathway.introHtml = html;
				module.introHtml = html;
				(module.lessons[0] as (typeof module.lessons)[number]).html = html;
				const answer = await callRoute(server.url, editor, 'POST', '/api/clyde/content/publish', {
					pathways,
					dryRun: false
				});
				if (answer.status === 200) outcomes.stored++;
				else {
					expect(answer.status).toBe(400);
					expect(answer.body.message).toMatch(
						/is not HTML that Clyde publishes: .* at character \d+/
					);
					outcomes.refused++;
				}
			}
		}
		const admin = new PocketBase(server.url);
		await admin.admins.authWithPassword(TEST_ADMIN.email, TEST_ADMIN.password);
		const stored = [
			...(await admin.collection('pathways').getFullList()).map((r) => r.intro_html as string),
			...(await admin.collection('modules').getFullList()).map((r) => r.intro_html as string),
			...(await admin.collection('lessons').getFullList()).map((r) => r.html as string)
		];
		expect(stored.flatMap(executableParts)).toEqual([]);
		// Most payloads are refused; the few stored are Markdown that is only text once raw.
		expect(outcomes.refused).toBeGreaterThan(60);
		expect(outcomes.refused + outcomes.stored).toBe(XSS_PAYLOADS.length * 2);
	});

	it('refuses a file path outside its folder, which content:export would write', async () => {
		const pathways = validSet();
		const lesson = pathways[0]?.modules[0]?.lessons[0];
		if (lesson) lesson.file = '01-xss/01-m/../../../../etc/cron.d/x.md';
		const answer = await callRoute(server.url, editor, 'POST', '/api/clyde/content/publish', {
			pathways,
			dryRun: true
		});
		expect(answer.status).toBe(400);
		expect(answer.body.message).toMatch(/lessons\[0\]\.file must be the path of its lesson file/);
	});

	it('still publishes the real curriculum from content/, as content:publish sends it', async () => {
		const result = await publishBundledContent(server.url);
		const created = result.changes.filter((c) => c.change === 'created');
		expect(created.filter((c) => c.kind !== 'media').length).toBe(2 + 8 + 31);
		expect(created.filter((c) => c.kind === 'media').length).toBe(22);
	});
});
