import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileContent } from './compile';
import { formatDiagnostic } from './diagnostics';
import { loadContent } from './load';

const BROKEN = resolve(import.meta.dirname, '../../tests/fixtures/content-broken');

/** Every mistake planted in tests/fixtures/content-broken, where an editor would look for it. */
const PLANTED: [file: string, line: number, column: number, severity: string, message: string][] = [
	['01-broken/pathway.md', 5, 8, 'error', '"level" must be beginner, intermediate or advanced'],
	['01-broken/01-first/01-frontmatter.md', 2, 1, 'error', '"outcomes" is missing'],
	['01-broken/01-first/01-frontmatter.md', 2, 5, 'error', '"id" must be lower-case letters'],
	['01-broken/01-first/01-frontmatter.md', 5, 10, 'error', '"minutes" must be a whole number'],
	['01-broken/01-first/01-frontmatter.md', 6, 1, 'error', 'unknown field "outcmes"'],
	['01-broken/01-first/02-no-frontmatter.md', 1, 1, 'error', 'must start with frontmatter'],
	['01-broken/01-first/03-yaml-error.md', 5, 1, 'error', 'YAML Missing closing "quote'],
	['01-broken/01-first/04-links.md', 12, 5, 'error', 'broken link: "./05-nowhere.md"'],
	['01-broken/01-first/04-links.md', 14, 16, 'warning', 'link text "click here"'],
	[
		'01-broken/01-first/04-links.md',
		16,
		7,
		'error',
		'link to "javascript:alert(1)" is not allowed'
	],
	['01-broken/01-first/04-links.md', 18, 1, 'error', 'has no alt text'],
	['01-broken/01-first/04-links.md', 18, 1, 'error', 'missing image: "images/missing.png"'],
	['01-broken/01-first/04-links.md', 20, 1, 'error', 'must be a file in content/'],
	['01-broken/01-first/04-links.md', 22, 1, 'warning', 'heading level skipped'],
	['01-broken/01-first/05-quiz.md', 15, 7, 'error', '"pass" must be a percentage'],
	['01-broken/01-first/05-quiz.md', 20, 7, 'error', 'has no correct answer'],
	[
		'01-broken/01-first/05-quiz.md',
		22,
		11,
		'error',
		'"questions › 2 › type" must be one of single'
	],
	['01-broken/01-first/05-quiz.md', 24, 5, 'error', '"questions › 3 › accept" is missing'],
	['01-broken/01-first/06-html.md', 14, 1, 'error', 'raw HTML that would be removed: <script>'],
	['01-broken/01-first/06-html.md', 16, 10, 'error', 'raw HTML that would be removed: <img>'],
	['01-broken/01-first/06-html.md', 18, 1, 'error', 'raw HTML that would be removed: <iframe>'],
	['01-broken/01-first/module.md', 2, 1, 'error', 'duplicate id "broken-first"'],
	['01-broken/02-second/01-prose.md', 10, 1, 'warning', 'reading ease'],
	['01-broken/02-second/01-prose.md', 13, 1, 'warning', 'long sentence (31 words'],
	['01-broken/02-second/01-prose.md', 17, 1, 'error', 'unknown quiz syntax "```Quiz"'],
	['02-nofile/pathway.md', 1, 1, 'error', 'every pathway folder needs a pathway.md'],
	['nonumber/pathway.md', 1, 1, 'error', 'pathway folder "nonumber" must be numbered']
];

describe('content checks on a corpus of planted mistakes', async () => {
	const { diagnostics } = compileContent(await loadContent(BROKEN));
	const lines = diagnostics.map(formatDiagnostic);

	it.each(PLANTED)('%s:%i:%i %s: %s', (file, line, column, severity, message) => {
		const prefix = `${file}:${line}:${column}  ${severity}: `;
		const match = lines.find((l) => l.startsWith(prefix) && l.includes(message));
		expect(
			match,
			`no "${message}" at ${file}:${line}:${column} among\n${lines.join('\n')}`
		).toBeDefined();
	});

	it('reports nothing that was not planted', () => {
		expect(lines).toHaveLength(PLANTED.length);
	});

	it('lets a kbd tag through: it is allowed raw HTML', () => {
		expect(lines.filter((l) => l.includes('06-html.md:12:'))).toEqual([]);
	});
});
