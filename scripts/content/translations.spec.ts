import { describe, expect, it } from 'vitest';
import { compileContent } from './compile';
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

The first module.
`;

const lesson = (head: string, words: { text: string; q: string[]; yes: string; no: string }) => `---
${head}
---

${words.text}

\`\`\`quiz
pass: 70%
questions:
  - type: single
    question: ${words.q[0]}
    options:
      - text: ${words.yes}
      - text: ${words.no}
        correct: true
  - type: true-false
    question: ${words.q[1]}
    answer: true
\`\`\`
`;

const ENGLISH = lesson(
	'id: tr-lesson\ntitle: A lesson\nsummary: What a lesson says.\nminutes: 5\noutcomes:\n  - Say hello',
	{
		text: 'You say hello to a friend. It is kind.',
		q: ['Which one is right?', 'Is hello kind?'],
		yes: 'This one',
		no: 'That one'
	}
);
const POLISH_HEAD =
	'id: tr-lesson\ntitle: Lekcja\nsummary: Co mówi lekcja.\nminutes: 5\noutcomes:\n  - Przywitaj się\nstatus: draft';
const POLISH = lesson(POLISH_HEAD, {
	text: 'Mówisz cześć do przyjaciela. To miłe.',
	q: ['Która jest dobra?', 'Czy cześć jest miłe?'],
	yes: 'Ta',
	no: 'Tamta'
});

function compile(files: Record<string, string>) {
	const markdown = new Map(
		Object.entries({
			'01-tr/pathway.md': PATHWAY,
			'01-tr/01-first/module.md': MODULE,
			'01-tr/01-first/01-hello.md': ENGLISH,
			'01-tr/01-first/02-other.md': ENGLISH.replace('tr-lesson', 'tr-other'),
			...files
		})
	);
	return compileContent({ markdown, assets: new Map() }, nodeSanitiser());
}

const errors = (result: ReturnType<typeof compile>) =>
	result.diagnostics
		.filter((d) => d.severity === 'error')
		.map((d) => `${d.file}:${d.line} ${d.message}`);

describe('lesson translations', () => {
	it('publishes a translation beside its lesson, in its words, with the original’s answers', () => {
		const result = compile({ '01-tr/01-first/01-hello.pl.md': POLISH });
		expect(errors(result)).toEqual([]);
		const [first, second] = result.pathways[0]?.modules[0]?.lessons ?? [];
		const polish = first?.translations?.pl;
		expect(polish).toMatchObject({
			file: '01-tr/01-first/01-hello.pl.md',
			title: 'Lekcja',
			status: 'draft',
			quiz: { passPercent: 70, questions: [{ type: 'single' }, { type: 'true-false' }] }
		});
		expect(polish?.html).toContain('Mówisz cześć');
		expect(polish?.head + (polish?.source ?? '')).toBe(POLISH);
		expect(second?.translations).toBeUndefined();
	});

	it('changes the lesson’s hash with its translation, and leaves an untranslated lesson’s as it was', () => {
		const plain = compile({}).pathways[0]?.modules[0]?.lessons ?? [];
		const translated = compile({ '01-tr/01-first/01-hello.pl.md': POLISH }).pathways[0]?.modules[0]
			?.lessons;
		const edited = compile({
			'01-tr/01-first/01-hello.pl.md': POLISH.replace('To miłe.', 'To bardzo miłe.')
		}).pathways[0]?.modules[0]?.lessons;
		expect(translated?.[0]?.hash).not.toBe(plain[0]?.hash);
		expect(edited?.[0]?.hash).not.toBe(translated?.[0]?.hash);
		expect(edited?.[0]?.translations?.pl?.hash).not.toBe(translated?.[0]?.translations?.pl?.hash);
		expect(translated?.[1]?.hash).toBe(plain[1]?.hash);
	});

	it('reports, at its line, a quiz whose answers or structure differ from the original’s', () => {
		const changed = POLISH.replace(
			'      - text: Ta\n',
			'      - text: Ta\n        correct: true\n'
		)
			.replace('        correct: true\n  - type', '  - type')
			.replace('answer: true', 'answer: false')
			.replace('minutes: 5', 'minutes: 6');
		const result = compile({ '01-tr/01-first/01-hello.pl.md': changed });
		expect(errors(result)).toEqual([
			'01-tr/01-first/01-hello.pl.md:5 "minutes" must be the same as in 01-hello.md (5): a translation changes the words only',
			'01-tr/01-first/01-hello.pl.md:16 question 1 must have option 2 as the right answer, as in 01-hello.md',
			'01-tr/01-first/01-hello.pl.md:22 question 2 must have the answer true, as in 01-hello.md'
		]);
		expect(result.pathways[0]?.modules[0]?.lessons[0]?.translations).toBeUndefined();
	});

	it('reports a question left out, a missing status, an orphan and an unknown language', () => {
		const shorter = POLISH.replace(/ {2}- type: true-false[\s\S]*?answer: true\n/, '').replace(
			'status: draft\n',
			''
		);
		const result = compile({
			'01-tr/01-first/01-hello.ar.md': shorter,
			'01-tr/01-first/03-gone.pl.md': POLISH,
			'01-tr/01-first/01-hello.xx.md': POLISH
		});
		expect(errors(result)).toEqual([
			'01-tr/01-first/01-hello.ar.md:2 frontmatter: "status" is missing',
			'01-tr/01-first/01-hello.ar.md:15 the quiz has 1 question, 01-hello.md has 2: translate each question, in the same order',
			expect.stringMatching(/^01-tr\/01-first\/01-hello\.xx\.md:1 "xx" is not a language/),
			expect.stringMatching(/^01-tr\/01-first\/03-gone\.pl\.md:1 this translation has no original/)
		]);
	});

	it('says which lessons each language has, as information', () => {
		const result = compile({ '01-tr/01-first/01-hello.pl.md': POLISH });
		expect(translationCoverage(result.pathways)).toEqual([
			'translations: 01-tr: pl 1 of 2 (1 draft), titles 0 of 2, ur none, ar none',
			'  info: not yet in pl: 01-first/02-other.md',
			'  info: titles not yet in pl: pathway.md, 01-first/module.md'
		]);
	});
});
