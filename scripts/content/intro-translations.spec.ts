import { describe, expect, it } from 'vitest';
import { compileContent } from './compile';
import { introDifferences } from './compile-intro-translations';
import { nodeSanitiser } from './node-sanitiser';
import { translationCoverage } from './translation-coverage';

const PATHWAY = `---
id: tr-pathway
title: Translations
summary: A pathway to test translations.
level: beginner
outcomes:
  - Read a lesson in your language
---

A short pathway.
`;

const MODULE = `---
id: tr-module
title: First steps
summary: The first module.
---
`;

const LESSON = `---
id: tr-lesson
title: A lesson
summary: What a lesson says.
minutes: 5
outcomes:
  - Say hello
---

You say hello to a friend. It is kind.
`;

const POLISH_PATHWAY = `---
id: tr-pathway
title: Tłumaczenia
summary: Ścieżka do sprawdzania tłumaczeń.
level: beginner
outcomes:
  - Przeczytać lekcję w swoim języku
status: draft — needs review by a native speaker
---

Krótka ścieżka.
`;

const POLISH_MODULE = `---
id: tr-module
title: Pierwsze kroki
summary: Pierwszy moduł.
status: reviewed by Ania, 2026-12-01
---
`;

function compile(files: Record<string, string>) {
	const markdown = new Map(
		Object.entries({
			'01-tr/pathway.md': PATHWAY,
			'01-tr/01-first/module.md': MODULE,
			'01-tr/01-first/01-hello.md': LESSON,
			...files
		})
	);
	return compileContent({ markdown, assets: new Map() }, nodeSanitiser());
}

const errors = (result: ReturnType<typeof compile>) =>
	result.diagnostics
		.filter((d) => d.severity === 'error')
		.map((d) => `${d.file}:${d.line} ${d.message}`);

describe('pathway and module translations', () => {
	it('publishes each beside its original, in its words, kept byte for byte', () => {
		const result = compile({
			'01-tr/pathway.pl.md': POLISH_PATHWAY,
			'01-tr/01-first/module.pl.md': POLISH_MODULE
		});
		expect(errors(result)).toEqual([]);
		const pathway = result.pathways[0];
		const polish = pathway?.translations?.pl;
		expect(polish).toMatchObject({
			file: '01-tr/pathway.pl.md',
			title: 'Tłumaczenia',
			outcomes: ['Przeczytać lekcję w swoim języku'],
			status: 'draft — needs review by a native speaker'
		});
		expect(polish?.introHtml).toContain('Krótka ścieżka.');
		expect((polish?.head ?? '') + polish?.source).toBe(POLISH_PATHWAY);
		expect(pathway?.modules[0]?.translations?.pl).toMatchObject({
			title: 'Pierwsze kroki',
			outcomes: [],
			status: 'reviewed by Ania, 2026-12-01'
		});
	});

	it('changes the hash of its original, so that a publish sends it', () => {
		const before = compile({}).pathways[0];
		const after = compile({ '01-tr/01-first/module.pl.md': POLISH_MODULE }).pathways[0];
		expect(before?.translations).toBeUndefined();
		expect(after?.modules[0]?.hash).not.toBe(before?.modules[0]?.hash);
		expect(after?.hash).toBe(before?.hash);
	});

	it('reports, at the line, what differs from the original and a language Clyde has not', () => {
		const wrong = POLISH_PATHWAY.replace('id: tr-pathway', 'id: tr-other')
			.replace('level: beginner', 'level: advanced')
			.replace('status: draft — needs review by a native speaker\n', '');
		const result = compile({
			'01-tr/pathway.pl.md': wrong,
			'01-tr/01-first/module.xx.md': POLISH_MODULE,
			'01-tr/01-first/module.ar.md': POLISH_MODULE.replace(
				'summary: Pierwszy moduł.',
				'summary: Pierwszy moduł.\noutcomes:\n  - Jeden'
			)
		});
		expect(errors(result)).toEqual([
			'01-tr/01-first/module.ar.md:5 "outcomes" has 1, module.md has 0: translate each outcome, in the same order',
			expect.stringMatching(
				/^01-tr\/01-first\/module\.xx\.md:1 "xx" is not a language .*"module\.pl\.md"$/
			),
			'01-tr/pathway.pl.md:2 frontmatter: "status" is missing'
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
		const result = compile({ '01-tr/01-first/module.pl.md': POLISH_MODULE });
		expect(translationCoverage(result.pathways)).toEqual([
			'translations: 01-tr: pl 0 of 1, titles 1 of 2, ur none, ar none',
			'  info: not yet in pl: 01-first/01-hello.md',
			'  info: titles not yet in pl: pathway.md'
		]);
	});
});
