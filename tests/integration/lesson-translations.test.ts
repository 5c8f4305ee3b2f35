import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileContent } from '../../scripts/content/compile';
import { loadContent } from '../../scripts/content/load';
import { nodeSanitiser } from '../../scripts/content/node-sanitiser';
import { publishContent, publishPayload } from '../../scripts/content/publish-client';
import type { Catalog, StoredLesson } from '../../src/lib/content/catalog-types';
import { runScript } from '../support/run-script';
import { startTestServer, TEST_ADMIN, type TestServer } from '../support/pocketbase';

const quiz = (question: string, yes: string, no: string) =>
	`\`\`\`quiz\nquestions:\n  - type: single\n    question: ${question}\n    options:\n      - text: ${yes}\n        correct: true\n      - text: ${no}\n\`\`\`\n`;

const FILES: Record<string, string> = {
	'01-lang/pathway.md':
		'---\nid: lang-p\ntitle: Languages\nsummary: A pathway.\nlevel: beginner\noutcomes:\n  - Read\n---\n\nWelcome.\n',
	'01-lang/01-one/module.md': '---\nid: lang-m\ntitle: One\nsummary: A module.\n---\n',
	'01-lang/pathway.pl.md':
		'---\nid: lang-p\ntitle: Języki\nsummary: Ścieżka.\nlevel: beginner\noutcomes:\n  - Czytać\nstatus: draft\n---\n\nWitaj.\n',
	'01-lang/01-one/module.ar.md':
		'---\nid: lang-m\ntitle: واحد\nsummary: وحدة.\nstatus: draft\n---\n',
	'01-lang/01-one/01-hello.md': `---\nid: lang-hello\ntitle: Hello\nsummary: Saying hello.\nminutes: 5\noutcomes:\n  - Say hello\n---\n\nYou say hello to a friend.\n\n${quiz('Which is a greeting?', 'Hello', 'Table')}`,
	'01-lang/01-one/01-hello.pl.md': `---\nid: lang-hello\ntitle: Cześć\nsummary: Jak się witać.\nminutes: 5\noutcomes:\n  - Przywitaj się\nstatus: draft\n---\n\nMówisz „cześć” do przyjaciela.\n\n${quiz('Co jest powitaniem?', 'Cześć', 'Stół')}`,
	'01-lang/01-one/02-goodbye.md': `---\nid: lang-goodbye\ntitle: Goodbye\nsummary: Saying goodbye.\nminutes: 5\noutcomes:\n  - Say goodbye\n---\n\nYou say goodbye when you go.\n`
};

// A lesson and its translation go through the whole way: published together, listed per
// language, served in the language asked for, checked at the route, and exported back.
describe('lesson translations on the server', () => {
	let server: TestServer;
	let token: string;
	let root: string;
	const compiled = async (dir: string) => {
		const { pathways, diagnostics } = compileContent(await loadContent(dir), nodeSanitiser());
		expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		return pathways;
	};

	beforeAll(async () => {
		server = await startTestServer();
		const admin = new PocketBase(server.url);
		await admin.admins.authWithPassword(TEST_ADMIN.email, TEST_ADMIN.password);
		token = admin.authStore.token;
		root = await mkdtemp(join(tmpdir(), 'clyde-translations-'));
		for (const [path, text] of Object.entries(FILES)) {
			await mkdir(dirname(join(root, path)), { recursive: true });
			await writeFile(join(root, path), text);
		}
	});
	afterAll(async () => {
		await server?.destroy();
		if (root) await rm(root, { recursive: true, force: true });
	});

	it('lists which languages each lesson has and serves a lesson in the language asked for', async () => {
		const pathways = await compiled(root);
		await publishContent({ url: server.url, token, pathways, dryRun: false });
		const catalog = (await (await fetch(`${server.url}/api/clyde/catalog`)).json()) as Catalog;
		const [hello, goodbye] = catalog.pathways[0]?.modules[0]?.lessons ?? [];
		expect(hello?.translations?.pl).toMatchObject({ title: 'Cześć', summary: 'Jak się witać.' });
		expect(hello?.translations?.pl?.hash).toBe(
			pathways[0]?.modules[0]?.lessons[0]?.translations?.pl?.hash
		);
		expect(hello?.translations?.pl?.bytes).toBeGreaterThan(600);
		expect(goodbye?.translations).toBeUndefined();

		const lessons = async (query: string) =>
			(
				(await (await fetch(`${server.url}/api/clyde/lessons?${query}`)).json()) as {
					lessons: StoredLesson[];
				}
			).lessons;
		const polish = await lessons('ids=lang-hello,lang-goodbye&lang=pl');
		expect(polish.map((l) => [l.id, l.lang, l.title])).toEqual([
			['lang-hello', 'pl', 'Cześć'],
			['lang-goodbye', 'en', 'Goodbye']
		]);
		expect(polish[0]?.html).toContain('cześć');
		expect(polish[0]?.hash).toBe(hello?.translations?.pl?.hash);
		expect(polish[0]?.quiz?.questions[0]).toMatchObject({ question: 'Co jest powitaniem?' });
		const arabic = await lessons('ids=lang-hello&lang=ar');
		expect(arabic.map((l) => [l.lang, l.title, l.hash])).toEqual([['en', 'Hello', hello?.hash]]);
		expect((await fetch(`${server.url}/api/clyde/lessons?ids=lang-hello&lang=x!`)).status).toBe(
			400
		);
	});

	it('gives the pathway and module words of the language asked for, beside the English', async () => {
		const catalog = async (query: string) =>
			(await (await fetch(`${server.url}/api/clyde/catalog${query}`)).json()) as Catalog;
		const english = (await catalog('')).pathways[0];
		expect(english?.translations).toBeUndefined();
		expect(english?.modules[0]?.translations).toBeUndefined();
		const polish = (await catalog('?lang=pl')).pathways[0];
		expect(polish?.title).toBe('Languages');
		expect(polish?.translations).toEqual({
			pl: {
				title: 'Języki',
				summary: 'Ścieżka.',
				outcomes: ['Czytać'],
				introHtml: '<p>Witaj.</p>\n'
			}
		});
		expect(polish?.modules[0]?.translations).toBeUndefined();
		const arabic = (await catalog('?lang=ar')).pathways[0];
		expect(arabic?.translations).toBeUndefined();
		expect(arabic?.modules[0]?.translations).toEqual({ ar: { title: 'واحد', summary: 'وحدة.' } });
		expect((await catalog('?lang=en')).pathways[0]?.translations).toBeUndefined();
		expect((await fetch(`${server.url}/api/clyde/catalog?lang=x!`)).status).toBe(400);
	});

	it('refuses a pathway translation with other outcomes or HTML Clyde would not publish', async () => {
		const pathways = await compiled(root);
		const send = async (change: (t: Record<string, unknown>) => void) => {
			const payload = structuredClone(publishPayload(pathways, true));
			change(payload.pathways[0]?.translations?.pl as unknown as Record<string, unknown>);
			const response = await fetch(`${server.url}/api/clyde/content/publish`, {
				method: 'POST',
				headers: { Authorization: token, 'Content-Type': 'application/json' },
				body: JSON.stringify(payload)
			});
			// PocketBase writes the message's first letter in capitals.
			return ((await response.json()) as { message: string }).message.toLowerCase();
		};
		expect(await send((t) => (t.outcomes = []))).toContain(
			'pathways[0].translations.pl.outcomes must be a list of text, as many as the original'
		);
		expect(await send((t) => (t.introHtml = '<script>alert(1)</script>'))).toContain(
			'pathways[0].translations.pl.introhtml is not html that clyde publishes'
		);
		expect(await send((t) => (t.file = '01-lang/pathway.ar.md'))).toContain(
			"pathways[0].translations.pl.file must be the original's file"
		);
	});

	it('refuses a translation whose quiz answers differ, or whose HTML Clyde would not publish', async () => {
		const pathways = await compiled(root);
		const send = async (change: (t: Record<string, unknown>) => void) => {
			const payload = structuredClone(publishPayload(pathways, true));
			const translation = payload.pathways[0]?.modules[0]?.lessons[0]?.translations?.pl;
			change(translation as unknown as Record<string, unknown>);
			const response = await fetch(`${server.url}/api/clyde/content/publish`, {
				method: 'POST',
				headers: { Authorization: token, 'Content-Type': 'application/json' },
				body: JSON.stringify(payload)
			});
			return { status: response.status, body: (await response.json()) as { message: string } };
		};
		const swapped = await send((t) => {
			const options = (t.quiz as { questions: { options: { correct: boolean }[] }[] }).questions[0]
				?.options;
			options?.forEach((o) => (o.correct = !o.correct));
		});
		expect(swapped.status).toBe(400);
		expect(swapped.body.message).toContain('translations.pl.quiz must keep the lesson');
		const script = await send((t) => (t.html = '<p>Cześć</p><script>alert(1)</script>'));
		expect(script.status).toBe(400);
		expect(script.body.message).toContain('translations.pl.html is not HTML that Clyde publishes');
		const elsewhere = await send((t) => (t.file = '01-lang/01-one/02-goodbye.pl.md'));
		expect(elsewhere.body.message).toContain('translations.pl.file must be the lesson');
	});

	it('exports the translation back byte for byte, beside its lesson', async () => {
		const out = await mkdtemp(join(tmpdir(), 'clyde-translations-out-'));
		try {
			const run = await runScript('content-export', ['--url', server.url, '--out', out], {});
			expect(run.code, run.stdout + run.stderr).toBe(0);
			expect(run.stdout).toContain('added   01-lang/01-one/01-hello.pl.md');
			expect(run.stdout).toContain('added   01-lang/pathway.pl.md');
			for (const path of Object.keys(FILES)) {
				expect(await readFile(join(out, path), 'utf8'), path).toBe(FILES[path]);
			}
		} finally {
			await rm(out, { recursive: true, force: true });
		}
	});
});
