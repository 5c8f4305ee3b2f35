import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { checkLessonSource, type CheckedLesson } from '../../scripts/content/check-lesson-source';
import { contentFiles } from '../../scripts/content/content-files';
import { loadContent } from '../../scripts/content/load';
import { nodeSanitiser } from '../../scripts/content/node-sanitiser';

const ROOT = resolve(import.meta.dirname, '../..');

/** The entry bundled for the browser as Vite builds the app: a Node import would not load. */
async function browserBundle(): Promise<string> {
	const output = (await build({
		configFile: false,
		logLevel: 'silent',
		build: {
			write: false,
			minify: false,
			lib: {
				entry: resolve(ROOT, 'tests/fixtures/checker-in-browser/entry.ts'),
				formats: ['es'],
				fileName: 'checker'
			}
		}
	})) as Rollup.RollupOutput[];
	const chunks = output
		.flatMap((o) => o.output)
		.filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
	expect(chunks).toHaveLength(1);
	return (chunks[0] as Rollup.OutputChunk).code;
}

const median = (times: number[]) => [...times].sort((a, b) => a - b)[times.length >> 1]?.toFixed(1);

type Checked = Pick<CheckedLesson, 'problems' | 'html' | 'quiz'>;

// One checker for the CLI and the browser: the same module, bundled for Chromium with the
// page's DOMPurify, gives the same messages and the same HTML as content:check in Node.
describe('the content checker in the browser', () => {
	let browser: LaunchedBrowser;
	let page: Page;
	let markdown: Map<string, string>;
	beforeAll(async () => {
		const [bundle, input] = await Promise.all([
			browserBundle(),
			loadContent(resolve(ROOT, 'content'))
		]);
		markdown = input.markdown;
		browser = await launchChromium();
		page = await browser.context.newPage();
		await page.setContent('<!doctype html><title>checker</title>');
		await page.addScriptTag({ content: bundle, type: 'module' });
		await page.waitForFunction(() => 'clydeChecker' in window);
	}, 120_000);
	afterAll(() => browser?.close());

	const inBrowser = (files: [string, string][], paths: string[]) =>
		page.evaluate(
			({ files, paths }) => {
				const { checkLessonSource, contentFiles, createSanitiser } = (
					window as unknown as {
						clydeChecker: {
							checkLessonSource: typeof import('../../scripts/content/check-lesson-source').checkLessonSource;
							contentFiles: typeof import('../../scripts/content/content-files').contentFiles;
							createSanitiser: typeof import('../../scripts/content/sanitize').createSanitiser;
						};
					}
				).clydeChecker;
				const context = {
					level: 'beginner' as const,
					files: contentFiles(new Map(files), new Map()),
					sanitiser: createSanitiser(window)
				};
				const times: number[] = [];
				const results = paths.map((path) => {
					const started = performance.now();
					const { problems, html, quiz } = checkLessonSource(
						path,
						new Map(files).get(path) ?? '',
						context
					);
					times.push(performance.now() - started);
					return { problems, html, quiz };
				});
				return { results, times };
			},
			{ files, paths }
		);
	const inNode = (files: [string, string][], paths: string[]): Checked[] => {
		const context = {
			level: 'beginner' as const,
			files: contentFiles(new Map(files), new Map()),
			sanitiser: nodeSanitiser()
		};
		return paths.map((path) => {
			const { problems, html, quiz } = checkLessonSource(
				path,
				new Map(files).get(path) ?? '',
				context
			);
			return { problems, html, quiz };
		});
	};

	it('checks and renders every lesson of the curriculum as Node does', async () => {
		const files = [...markdown];
		const lessons = files.map(([path]) => path).filter((p) => !/(pathway|module)\.md$/.test(p));
		const { results, times } = await inBrowser(files, lessons);
		expect(results).toEqual(inNode(files, lessons));
		// As an editor types: the longest lesson again and again, warm.
		const longest = [...lessons].sort(
			(a, b) => (markdown.get(b)?.length ?? 0) - (markdown.get(a)?.length ?? 0)
		)[0] as string;
		const warm = (await inBrowser(files, Array(30).fill(longest))).times.slice(10);
		console.log(
			`checkLessonSource in Chromium: each lesson once, median ${median(times)} ms; ${longest} warm, median ${median(warm)} ms`
		);
	});

	it('gives the same messages, at the same places, for a lesson full of mistakes', async () => {
		const path = '01-p/01-m/01-l.md';
		const text = `---\nid: Bad Id\ntitle: "Unclosed\nminutes: 5\n---\n\n#### Too deep\n\n:::note\nA note.\n:::\n\n> one\n> two\n> [gone](./nowhere.md)\n\n<script>alert(1)</script>\n\n[dead](#nowhere) ![](images/50%off.png) {{macro}}\n\n> [!TIP]\n> A callout.\n`;
		const files: [string, string][] = [[path, text]];
		const { results } = await inBrowser(files, [path]);
		const [node] = inNode(files, [path]);
		expect(results[0]).toEqual(node);
		expect(node?.problems.map((p) => `${p.line}:${p.column} ${p.severity}`)).toEqual([
			'3:8 error',
			'7:1 warning',
			'9:1 warning',
			'15:3 error',
			'17:1 error',
			'19:1 error',
			// The picture: no alt text, not in a paragraph of its own, a "%" in its path.
			'19:18 error',
			'19:18 error',
			'19:18 error',
			'19:41 warning'
		]);
	});
});
