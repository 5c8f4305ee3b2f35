import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileContent } from './compile';
import { formatDiagnostic } from './diagnostics';
import { loadContent } from './load';
import { nodeSanitiser } from './node-sanitiser';

const BROKEN = resolve(import.meta.dirname, '../../tests/fixtures/content-broken');

/** Every mistake planted in tests/fixtures/content-broken, where an editor would look for it. */
const PLANTED: [file: string, line: number, column: number, severity: string, message: string][] = [
	['01-broken/pathway.md', 5, 8, 'error', '"level" must be beginner, intermediate or advanced'],
	['01-broken/01-first/01-frontmatter.md', 2, 1, 'error', '"outcomes" is missing'],
	['01-broken/01-first/01-frontmatter.md', 2, 5, 'error', '"id" must be lower-case letters'],
	['01-broken/01-first/01-frontmatter.md', 5, 10, 'error', '"minutes" must be a whole number'],
	['01-broken/01-first/01-frontmatter.md', 6, 1, 'error', 'unknown field "outcmes"'],
	['01-broken/01-first/02-no-frontmatter.md', 1, 1, 'error', 'must start with frontmatter'],
	['01-broken/01-first/02-no-frontmatter.md', 1, 1, 'warning', 'is a main heading'],
	[
		'01-broken/01-first/03-yaml-error.md',
		3,
		8,
		'error',
		'a quotation mark is opened but not closed'
	],
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
	[
		'01-broken/01-first/04-links.md',
		22,
		1,
		'warning',
		'"#### Skipped a level" comes after "## Links", so it skips a level: use "###"'
	],
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
	['01-broken/01-first/06-html.md', 14, 1, 'error', 'taken out before learners see it: <script>'],
	['01-broken/01-first/06-html.md', 16, 10, 'error', 'taken out before learners see it: <img>'],
	['01-broken/01-first/06-html.md', 18, 1, 'error', 'taken out before learners see it: <iframe>'],
	['01-broken/01-first/module.md', 2, 1, 'error', 'duplicate id "broken-first"'],
	['01-broken/02-second/01-prose.md', 10, 1, 'warning', 'reading ease'],
	['01-broken/02-second/01-prose.md', 13, 1, 'warning', 'long sentence (31 words'],
	['01-broken/02-second/01-prose.md', 17, 1, 'error', 'unknown quiz syntax "```Quiz"'],
	// Frontmatter errors do not hide the body's problems.
	['01-broken/03-third/01-both.md', 5, 10, 'error', '"minutes" must be a whole number'],
	['01-broken/03-third/01-both.md', 6, 8, 'error', '"level" must be beginner'],
	['01-broken/03-third/01-both.md', 11, 1, 'warning', 'is the first section heading'],
	['01-broken/03-third/01-both.md', 13, 3, 'error', 'broken link: "./nowhere.md"'],
	['01-broken/03-third/01-both.md', 15, 1, 'error', 'has no alt text'],
	['01-broken/03-third/01-both.md', 15, 1, 'error', 'missing image: "images/none.png"'],
	['01-broken/03-third/01-both.md', 17, 1, 'error', 'taken out before learners see it: <script>'],
	['01-broken/03-third/02-percent.md', 10, 6, 'error', 'link "./50%off.md" has a % sign'],
	['01-broken/03-third/02-percent.md', 12, 1, 'error', 'picture "images/50%off.png" has a "%"'],
	['01-broken/03-third/03-empty.md', 9, 1, 'error', 'this lesson has no text'],
	[
		'01-broken/03-third/04-latin1.md',
		10,
		18,
		'error',
		'not saved as UTF-8, so learners would see "�" instead of some letters ("We met at the café.")'
	],
	['01-broken/03-third/05-dialects.md', 12, 1, 'warning', 'make the first "> [!NOTE]"'],
	['01-broken/03-third/05-dialects.md', 16, 9, 'warning', '"{: .warning}" sets a style'],
	[
		'01-broken/03-third/05-dialects.md',
		16,
		34,
		'warning',
		'"{{Glossary("HTML")}}" is a template macro'
	],
	[
		'01-broken/03-third/05-dialects.md',
		16,
		65,
		'warning',
		'"{% include x.html %}" is a template tag'
	],
	['01-broken/03-third/05-dialects.md', 18, 11, 'warning', 'footnotes ("[^1]") are not supported'],
	['01-broken/03-third/05-dialects.md', 20, 1, 'warning', 'footnotes ("[^1]") are not supported'],
	[
		'01-broken/03-third/05-dialects.md',
		22,
		1,
		'error',
		'this picture is not shown: its path "images/my cat.png" has a space'
	],
	['01-broken/03-third/05-dialects.md', 24, 1, 'warning', '"[!INFO]" is not a kind of callout'],
	[
		'01-broken/03-third/05-dialects.md',
		28,
		26,
		'error',
		'no heading in this page has the anchor "#nowhere"'
	],
	// Inside a quote of four lines, the link is found on its own line.
	['01-broken/03-third/05-dialects.md', 37, 3, 'error', 'broken link: "./nowhere.md"'],
	['01-broken/03-third/05-dialects.md', 39, 1, 'warning', 'make the first "> [!NOTE]"'],
	['01-broken/03-third/05-dialects.md', 43, 18, 'warning', '"{lang=cy}" sets a style'],
	// A heading is shown as written, its code included.
	[
		'01-broken/03-third/05-dialects.md',
		45,
		1,
		'warning',
		'"#### The `--help` option" comes after "## Other dialects"'
	],
	['01-broken/03-third/05-dialects.md', 47, 1, 'error', 'has no alt text'],
	[
		'01-broken/03-third/05-dialects.md',
		47,
		1,
		'error',
		'put the picture in a paragraph of its own'
	],
	['01-broken/03-third/05-dialects.md', 47, 1, 'error', 'missing image: "images/tree.png"'],
	[
		'01-broken/03-third/05-dialects.md',
		47,
		21,
		'warning',
		"gives a picture its alt text in another Markdown dialect: learners would see it as text. Move the words into the picture's square brackets"
	],
	['02-nofile/pathway.md', 1, 1, 'error', 'every pathway folder needs a pathway.md'],
	['nonumber/pathway.md', 1, 1, 'error', 'pathway folder "nonumber" must be numbered']
];

describe('content checks on a corpus of planted mistakes', async () => {
	const { diagnostics } = compileContent(await loadContent(BROKEN), nodeSanitiser());
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
