import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { freePort } from '../../scripts/pocketbase/ports';
import { axeViolations } from '../support/axe';

const ROOT = resolve(import.meta.dirname, '../..');
const LESSON = '01-demo/01-basics/01-hello.md';

const files: Record<string, string> = {
	'01-demo/pathway.md':
		'---\nid: demo\ntitle: Demo\nsummary: A demo.\nlevel: beginner\noutcomes:\n  - Learn\n---\n',
	'01-demo/01-basics/module.md': '---\nid: demo-basics\ntitle: Basics\nsummary: The basics.\n---\n',
	[LESSON]: `---
id: demo-hello
title: Saying hello
summary: A first lesson.
minutes: 5
outcomes:
  - Say hello
---

## Hello

You say **hello** to greet someone.

\`\`\`quiz
questions:
  - type: single
    question: Which word greets someone?
    options:
      - text: Hello
        correct: true
        feedback: Yes, that is a greeting.
      - text: Goodbye
\`\`\`
`
};

/** `npm run dev` on a free port, reading a throwaway content folder. */
async function startDevServer(contentDir: string): Promise<{ url: string; child: ChildProcess }> {
	const port = await freePort();
	const child = spawn(
		resolve(ROOT, 'node_modules/.bin/vite'),
		['dev', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
		{ cwd: ROOT, env: { ...process.env, CLYDE_CONTENT_DIR: contentDir }, stdio: 'ignore' }
	);
	const url = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 200; i++) {
		const up = await fetch(`${url}/__clyde/preview`).then(
			(r) => r.ok,
			() => false
		);
		if (up) return { url, child };
		await new Promise((r) => setTimeout(r, 150));
	}
	child.kill('SIGKILL');
	throw new Error('vite dev did not start');
}

describe('editor preview (npm run dev)', () => {
	let contentDir: string;
	let dev: { url: string; child: ChildProcess };
	let browser: LaunchedBrowser;

	beforeAll(async () => {
		contentDir = await mkdtemp(join(tmpdir(), 'clyde-preview-'));
		for (const [path, text] of Object.entries(files)) {
			await mkdir(dirname(join(contentDir, path)), { recursive: true });
			await writeFile(join(contentDir, path), text);
		}
		dev = await startDevServer(contentDir);
		browser = await launchChromium({ viewport: { width: 1024, height: 900 } });
	});

	afterAll(async () => {
		await browser?.close();
		dev?.child.kill('SIGTERM');
		await rm(contentDir, { recursive: true, force: true });
	});

	it('shows the lesson and its quiz, then the messages of a broken save, then the fix', async () => {
		const page = await browser.context.newPage();
		await page.goto(`${dev.url}/preview?file=${encodeURIComponent(LESSON)}`);
		const article = page.getByRole('article');
		await expect(
			article.getByRole('heading', { name: 'Saying hello' }).waitFor()
		).resolves.toBeUndefined();
		expect(await article.locator('.lesson strong').textContent()).toBe('hello');
		expect(await article.textContent()).toMatch(/✔ Right:\s*Hello/);
		expect(await page.getByText('No problems found.').count()).toBe(1);
		// The dev server's answer to the page's hello: from here on every save reaches the page.
		await page.getByText('This page updates each time you save a file.').waitFor();
		expect(await axeViolations(page)).toEqual([]);

		// Save a mistake: the page updates by itself and says where it is.
		const path = join(contentDir, LESSON);
		const good = await readFile(path, 'utf8');
		await writeFile(path, good.replace('        correct: true\n', ''));
		const message = page.locator('.messages .error');
		await message.waitFor({ timeout: 15_000 });
		expect((await message.textContent())?.replace(/\s+/g, ' ')).toMatch(
			/line 19, column 7: quiz: "questions › 1 › options" has no correct answer/
		);

		await writeFile(path, good.replace('greet someone', 'greet a friend'));
		await page.getByText('You say hello to greet a friend.').waitFor({ timeout: 15_000 });
		expect(await page.locator('.messages').count()).toBe(0);

		// Two saves in a row, as an editor that formats on save makes: the page ends on the
		// second (Vite's watcher reported only the first of two changes within 50 ms).
		await writeFile(path, good.replace('greet someone', 'greet a neighbour'));
		await writeFile(path, good.replace('greet someone', 'greet a stranger'));
		await page.getByText('You say hello to greet a stranger.').waitFor({ timeout: 15_000 });
	});
});
