import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileContent } from './compile';
import { introDifferences } from './compile-intro-translations';
import { loadContent } from './load';
import { nodeSanitiser } from './node-sanitiser';
import { translationCoverage } from './translation-coverage';

// The real Digital Essentials, its first module and that module's first lesson (with its
// pictures), in English; a test adds their real Polish translations beside them. One lesson
// keeps each compile short: every picture in it is sanitised afresh.
const ROOT = resolve(import.meta.dirname, '../../content');
const DIR = '01-digital-essentials';
const MODULE_DIR = `${DIR}/01-getting-started`;
const LESSON = '01-phones-tablets-and-computers';
const content = await loadContent(ROOT);
const ENGLISH = [`${DIR}/pathway.md`, `${MODULE_DIR}/module.md`, `${MODULE_DIR}/${LESSON}.md`];
const real = (path: string) => {
	const text = content.markdown.get(path);
	if (text === undefined) throw new Error(`content/${path} is missing`);
	return text;
};
const POLISH_PATHWAY = real(`${DIR}/pathway.pl.md`);
const POLISH_MODULE = real(`${MODULE_DIR}/module.pl.md`);
const OUTCOMES = (text: string) => parse(text.split('---\n')[1] ?? '').outcomes as string[];

function compile(files: Record<string, string>) {
	const markdown = new Map([
		...ENGLISH.map((path) => [path, real(path)] as const),
		...Object.entries(files)
	]);
	const assets = new Map(
		[...content.assets].filter(([path]) =>
			path.startsWith(`${MODULE_DIR}/images/${LESSON.slice(3)}`)
		)
	);
	return compileContent({ markdown, assets }, nodeSanitiser());
}

const errors = (result: ReturnType<typeof compile>) =>
	result.diagnostics
		.filter((d) => d.severity === 'error')
		.map((d) => `${d.file}:${d.line} ${d.message}`);

// Each test compiles real files, pictures and all (the first also starts the sanitiser's DOM):
// a second or two, many more on a busy shared machine.
describe('pathway and module translations', { timeout: 30_000 }, () => {
	it('publishes each beside its original, in its words, kept byte for byte', () => {
		const result = compile({
			[`${DIR}/pathway.pl.md`]: POLISH_PATHWAY,
			[`${MODULE_DIR}/module.pl.md`]: POLISH_MODULE
		});
		expect(errors(result)).toEqual([]);
		const pathway = result.pathways[0];
		const polish = pathway?.translations?.pl;
		expect(polish).toMatchObject({
			file: `${DIR}/pathway.pl.md`,
			title: 'Cyfrowe podstawy',
			outcomes: OUTCOMES(POLISH_PATHWAY),
			status: 'draft — needs review by a native speaker'
		});
		expect(polish?.outcomes).toHaveLength(5);
		expect(polish?.introHtml).toContain('Witaj! Ta ścieżka jest dla każdego');
		expect((polish?.head ?? '') + polish?.source).toBe(POLISH_PATHWAY);
		expect(pathway?.modules[0]?.translations?.pl).toMatchObject({
			title: 'Pierwsze kroki',
			outcomes: OUTCOMES(POLISH_MODULE),
			status: 'draft — needs review by a native speaker'
		});
	});

	it('changes the hash of its original, so that a publish sends it', () => {
		const before = compile({}).pathways[0];
		const after = compile({ [`${MODULE_DIR}/module.pl.md`]: POLISH_MODULE }).pathways[0];
		expect(before?.translations).toBeUndefined();
		expect(after?.modules[0]?.hash).not.toBe(before?.modules[0]?.hash);
		expect(after?.hash).toBe(before?.hash);
	});

	it('reports, at the line, what differs from the original and a language Clyde has not', () => {
		const wrong = POLISH_PATHWAY.replace('id: digital-essentials', 'id: digital-other')
			.replace('level: beginner', 'level: advanced')
			.replace('status: draft — needs review by a native speaker\n', '');
		const result = compile({
			[`${DIR}/pathway.pl.md`]: wrong,
			[`${MODULE_DIR}/module.xx.md`]: POLISH_MODULE,
			[`${MODULE_DIR}/module.ar.md`]: POLISH_MODULE.replace('outcomes:\n', 'outcomes:\n  - Jeden\n')
		});
		expect(errors(result)).toEqual([
			`${MODULE_DIR}/module.ar.md:5 "outcomes" has 4, module.md has 3: translate each outcome, in the same order`,
			expect.stringMatching(
				/^01-digital-essentials\/01-getting-started\/module\.xx\.md:1 "xx" is not a language .*"module\.pl\.md"$/
			),
			`${DIR}/pathway.pl.md:2 frontmatter: "status" is missing`
		]);
		expect(result.pathways[0]?.translations).toBeUndefined();
		expect(result.pathways[0]?.modules[0]?.translations).toBeUndefined();
	});

	it('names each field of the original that a translation changed', () => {
		const original = {
			file: '01-tr/pathway.md',
			id: 'a',
			level: 'beginner' as const,
			outcomes: ['x']
		};
		expect(introDifferences(original, { id: 'a', level: 'beginner', outcomes: ['y'] })).toEqual([]);
		expect(
			introDifferences(original, { id: 'b', level: 'advanced', outcomes: [] }).map((p) => p.field)
		).toEqual(['id', 'level', 'outcomes']);
	});

	it('says which titles each language has not yet, as information', () => {
		const result = compile({ [`${MODULE_DIR}/module.pl.md`]: POLISH_MODULE });
		expect(translationCoverage(result.pathways)).toEqual([
			'translations: 01-digital-essentials: pl 0 of 1, titles 1 of 2, ur none, ar none',
			`  info: not yet in pl: 01-getting-started/${LESSON}.md`,
			'  info: titles not yet in pl: pathway.md'
		]);
	});
});
