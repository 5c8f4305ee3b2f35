import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileContent } from '../../scripts/content/compile';
import { loadContent } from '../../scripts/content/load';
import { nodeSanitiser } from '../../scripts/content/node-sanitiser';
import { publishContent, type PublishResult } from '../../scripts/content/publish-client';
import { runScript } from '../support/run-script';
import { startTestServer, TEST_ADMIN, type TestServer } from '../support/pocketbase';

const CONTENT = resolve(import.meta.dirname, '../../content');
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
	'base64'
);

/** Every file under `root`, by path relative to it. */
async function filesIn(root: string): Promise<Map<string, Buffer>> {
	const files = new Map<string, Buffer>();
	for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const full = join(entry.parentPath, entry.name);
		files.set(relative(root, full).split(sep).join('/'), await readFile(full));
	}
	return files;
}

async function writeTree(root: string, files: Record<string, string | Buffer>): Promise<void> {
	for (const [path, bytes] of Object.entries(files)) {
		await mkdir(dirname(join(root, path)), { recursive: true });
		await writeFile(join(root, path), bytes);
	}
}

const changed = (result: PublishResult) => result.changes.filter((c) => c.change !== 'unchanged');

// Git and the browser together: what the server publishes comes back out as content/, the
// same bytes, and publishing that again changes nothing.
describe('content:export → content:publish → content:export', () => {
	let server: TestServer;
	let token: string;
	const temps: string[] = [];
	const temp = async () => {
		const dir = await mkdtemp(join(tmpdir(), 'clyde-export-'));
		temps.push(dir);
		return dir;
	};
	const publish = async (root: string) => {
		const { pathways, diagnostics } = compileContent(await loadContent(root), nodeSanitiser());
		expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		return publishContent({ url: server.url, token, pathways, dryRun: false });
	};
	const exportTo = async (out: string, ...options: string[]) => {
		const run = await runScript(
			'content-export',
			['--url', server.url, '--out', out, ...options],
			{}
		);
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		return run.stdout;
	};

	beforeAll(async () => {
		server = await startTestServer();
		const admin = new PocketBase(server.url);
		await admin.admins.authWithPassword(TEST_ADMIN.email, TEST_ADMIN.password);
		token = admin.authStore.token;
	});
	afterAll(async () => {
		await server?.destroy();
		for (const dir of temps) await rm(dir, { recursive: true, force: true });
	});

	it('gives back the real curriculum byte for byte, and a second round changes nothing', async () => {
		const published = changed(await publish(CONTENT));
		expect(published.filter((c) => c.kind !== 'media').length).toBe(2 + 8 + 31);
		expect(published.filter((c) => c.kind === 'media').length).toBe(22);
		const first = await temp();
		expect(await exportTo(first)).toContain('Exported 81 files');
		const original = await filesIn(CONTENT);
		const exported = await filesIn(first);
		expect([...exported.keys()].sort()).toEqual(
			[...original.keys()]
				.filter((p) => (p.endsWith('.md') || p.endsWith('.svg')) && p.includes('/'))
				.sort()
		);
		// Markdown comes back byte for byte; a drawing as published (no <title>, no indentation).
		for (const [path, bytes] of exported) {
			if (path.endsWith('.md')) expect(bytes.equals(original.get(path) as Buffer), path).toBe(true);
		}

		expect(changed(await publish(first))).toEqual([]);
		const second = await temp();
		await exportTo(second);
		expect(await filesIn(second)).toEqual(exported);
		// Two compiles, publishes and exports of the whole curriculum, translations included:
		// over 30 s on a busy two-core machine.
	}, 90_000);

	it('brings back pictures, callouts, comments in the frontmatter and quizzes, and leaves unchanged files alone', async () => {
		const source = await temp();
		await writeTree(source, {
			'01-trip/pathway.md':
				'---\n# An editor\'s comment\nid: trip-p\ntitle: "Round trip"\nsummary: A pathway.\nlevel: beginner\noutcomes:\n  - Go and come back\n---\n\nWelcome.\n',
			'01-trip/01-one/module.md': '---\nid: trip-m\ntitle: One\nsummary: A module.\n---\n',
			'01-trip/01-one/images/dot.png': PNG,
			'01-trip/01-one/images/unused.png': PNG,
			// As the publish step writes an SVG, so it comes back byte for byte.
			'01-trip/01-one/images/ring.svg':
				'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle class="ink" cx="5" cy="5" r="4"/></svg>',
			'01-trip/01-one/01-first.md':
				'---\nid: trip-l\ntitle: First\nsummary: A lesson.\nminutes: 5\noutcomes:\n  - Learn\n---\n\n## Part\n\nA dot:\n\n![A small dot](images/dot.png)\n\n![A ring](images/ring.svg "A ring")\n\n> [!TIP]\n> See [the part](#part).\n\n```quiz\nquestions:\n  - type: true-false\n    question: Is this a dot?\n    answer: true\n```\n'
		});
		await publish(source);
		const out = await temp();
		await writeTree(out, {
			'01-trip/01-one/01-first.md': 'an old copy\n',
			'09-gone/pathway.md': 'x'
		});
		const stdout = await exportTo(out);
		expect(stdout).toContain('changed 01-trip/01-one/01-first.md');
		expect(stdout).toContain('not on the server: 09-gone/pathway.md');
		const exported = await filesIn(out);
		const original = await filesIn(source);
		original.delete('01-trip/01-one/images/unused.png');
		exported.delete('09-gone/pathway.md');
		expect(exported).toEqual(original);
		expect(await exportTo(out)).toContain('0 written, 5 unchanged');
		expect(await exportTo(out, '--prune')).toContain('deleted 09-gone/pathway.md');
		expect(changed(await publish(out))).toEqual([]);
	});
});
