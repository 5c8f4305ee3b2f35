import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/lib/random/seeded-random';
import { compileContent, type ContentInput } from './compile';
import { formatDiagnostic } from './diagnostics';
import { loadContent } from './load';
import { PATHWAY_BUDGET_GZIP, sha256 } from './pictures';

const PICTURES = resolve(import.meta.dirname, '../../tests/fixtures/content-pictures');
const P = '01-pictures/01-drawings';

/** Every mistake planted in tests/fixtures/content-pictures, where an editor would look for it. */
const PLANTED: [file: string, line: number, column: number, message: string][] = [
	[`${P}/01-placed.md`, 14, 21, 'put the picture in a paragraph of its own'],
	[`${P}/01-placed.md`, 16, 31, 'put the picture in a paragraph of its own'],
	[`${P}/01-placed.md`, 18, 1, 'picture "images/good.svg" has no alt text'],
	[`${P}/01-placed.md`, 20, 1, 'missing image: "images/missing.svg"'],
	[`${P}/01-placed.md`, 22, 1, 'its path "images/my picture.svg" has a space'],
	[`${P}/01-placed.md`, 24, 1, 'picture "images/my picture.svg" has a space in its path'],
	[`${P}/01-placed.md`, 26, 1, 'picture "images/50%zz.svg" has a "%" in its path'],
	[`${P}/01-placed.md`, 28, 1, '"images/notes.pdf" is not a picture Clyde can show'],
	[`${P}/images/fake.png`, 1, 1, 'this file is not really a PNG picture'],
	[`${P}/images/hostile.svg`, 2, 1, 'a DOCTYPE is not allowed'],
	[`${P}/images/hostile.svg`, 3, 1, 'the <svg> needs a viewBox'],
	[`${P}/images/hostile.svg`, 3, 41, 'remove width from <svg>'],
	[`${P}/images/hostile.svg`, 3, 53, '"onload" runs code'],
	[`${P}/images/hostile.svg`, 4, 1, 'a <style> element is not allowed'],
	[`${P}/images/hostile.svg`, 5, 1, 'scripts are not allowed in a picture'],
	[`${P}/images/hostile.svg`, 6, 7, 'ids are not allowed'],
	[`${P}/images/hostile.svg`, 6, 51, 'fill="#ff0000" sets a colour'],
	[`${P}/images/hostile.svg`, 6, 66, 'the style attribute is not allowed'],
	[`${P}/images/hostile.svg`, 7, 9, 'class "red" is not a picture colour'],
	[`${P}/images/hostile.svg`, 8, 1, '<use> is not allowed'],
	[`${P}/images/hostile.svg`, 8, 6, 'links to other files or pages are not allowed'],
	[`${P}/images/hostile.svg`, 9, 1, 'links (<a>) are not allowed'],
	[`${P}/images/hostile.svg`, 9, 4, 'links to other files or pages are not allowed'],
	[`${P}/images/hostile.svg`, 10, 1, '<foreignObject> is not allowed'],
	[`${P}/images/hostile.svg`, 11, 1, '<image> is not allowed'],
	[`${P}/images/hostile.svg`, 11, 8, 'links to other files or pages are not allowed'],
	[`${P}/images/hostile.svg`, 12, 20, '"&nbsp;" is not a character XML knows'],
	[`${P}/images/hostile.svg`, 12, 26, '"&boom;" is not a character XML knows'],
	[`${P}/images/hostile.svg`, 13, 35, '"transform" refers to something with url(…)'],
	[`${P}/images/unused.svg`, 1, 65, '</svg> comes before <rect> is closed'],
	['01-pictures/pathway.md', 10, 1, 'pictures go in lessons']
];

describe('picture checks on a corpus of planted mistakes', async () => {
	const compiled = compileContent(await loadContent(PICTURES));
	const lines = compiled.diagnostics.map(formatDiagnostic);

	it.each(PLANTED)('%s:%i:%i error: %s', (file, line, column, message) => {
		const prefix = `${file}:${line}:${column}  error: `;
		expect(
			lines.find((l) => l.startsWith(prefix) && l.includes(message)),
			`no "${message}" at ${file}:${line}:${column} among\n${lines.join('\n')}`
		).toBeDefined();
	});

	it('reports nothing that was not planted: Markdown in code is not a picture', () => {
		expect(lines).toHaveLength(PLANTED.length);
	});

	it('still publishes the good picture once, in the lesson and the pathway', () => {
		const [pathway] = compiled.pathways;
		const lesson = pathway?.modules[0]?.lessons[0];
		const good = pathway?.media[0];
		expect(pathway?.media).toHaveLength(1);
		expect(lesson?.media).toEqual([good?.hash]);
		expect(lesson?.html).toContain(
			`<figure data-media="${good?.hash}"><p>A square and a circle.</p><figcaption>Two shapes</figcaption></figure>`
		);
		expect(compiled.pictures).toEqual([
			{ pathway: '01-pictures', count: 1, gzipBytes: good?.gzipBytes }
		]);
	});
});

/** A one-lesson pathway whose lesson shows each of `pictures` (path relative to the module). */
function pathwayWith(pictures: Record<string, Uint8Array | string>): ContentInput {
	const body = Object.keys(pictures)
		.map((name, i) => `![Picture ${i + 1}.](images/${name})`)
		.join('\n\n');
	const markdown = new Map([
		[
			'01-p/pathway.md',
			'---\nid: size-pathway\ntitle: Sizes\nsummary: Pictures.\nlevel: beginner\noutcomes:\n  - Learn\n---\n'
		],
		['01-p/01-m/module.md', '---\nid: size-module\ntitle: M\nsummary: M.\n---\n'],
		[
			'01-p/01-m/01-l.md',
			`---\nid: size-lesson\ntitle: L\nsummary: L.\nminutes: 5\noutcomes:\n  - Learn\n---\n\n${body}\n`
		]
	]);
	const assets = new Map(
		Object.entries(pictures).map(([name, data]) => [
			`01-p/01-m/images/${name}`,
			typeof data === 'string' ? new TextEncoder().encode(data) : data
		])
	);
	return { markdown, assets };
}

/** A drawing of `points` random points: random numbers barely compress. */
function bigDrawing(points: number, seed = 1): string {
	const random = seededRandom(seed);
	const d = Array.from(
		{ length: points },
		() => `L${(random() * 320).toFixed(2)} ${(random() * 200).toFixed(2)}`
	);
	return `<svg viewBox="0 0 320 200"><path class="ink" d="M0 0${d.join('')}"/></svg>`;
}

/** A "PNG" of `bytes` random bytes after a real PNG signature. */
function bigPng(bytes: number, seed = 1): Uint8Array {
	const random = seededRandom(seed);
	const png = Uint8Array.from({ length: bytes }, () => Math.floor(random() * 256));
	png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	return png;
}

const messages = (input: ContentInput) =>
	compileContent(input).diagnostics.map((d) => `${d.file}:${d.line} ${d.severity}: ${d.message}`);

describe('picture sizes', () => {
	it('warns about a drawing over 12 KB compressed, and a picture over 100 KB', () => {
		expect(
			messages(pathwayWith({ 'small.svg': bigDrawing(100), 'big.svg': bigDrawing(3000) }))
		).toEqual([
			expect.stringMatching(
				/^01-p\/01-m\/images\/big\.svg:1 warning: this drawing is \d+\.\d KB compressed: keep an SVG under 12\.0 KB/
			)
		]);
		expect(messages(pathwayWith({ 'photo.png': bigPng(101 * 1024) }))).toEqual([
			'01-p/01-m/images/photo.png:1 warning: this picture is 101.0 KB: keep pictures under 100.0 KB (smaller, or saved as .webp), learners download them over mobile data'
		]);
	});

	it('warns when a pathway’s pictures pass 120 KB compressed, naming the biggest', () => {
		const input = pathwayWith({
			'a.png': bigPng(60 * 1024, 1),
			'b.png': bigPng(40 * 1024, 2),
			'c.png': bigPng(30 * 1024, 3)
		});
		const compiled = compileContent(input);
		const total = compiled.pictures[0]?.gzipBytes ?? 0;
		expect(total).toBeGreaterThan(PATHWAY_BUDGET_GZIP);
		expect(compiled.diagnostics.map(formatDiagnostic)).toEqual([
			expect.stringMatching(
				/^01-p\/pathway\.md:1:1 {2}warning: this pathway's 3 pictures add up to \d+\.\d KB compressed, over the budget of 120\.0 KB; the biggest: 01-p\/01-m\/images\/a\.png \(\d+\.\d KB\), 01-p\/01-m\/images\/b\.png/
			)
		]);
	});

	it('refuses a picture too big for the server', () => {
		expect(messages(pathwayWith({ 'huge.png': bigPng(1100 * 1024) }))).toEqual([
			expect.stringMatching(
				/images\/huge\.png:1 error: this picture is 1100\.0 KB: the server takes pictures up to/
			)
		]);
	});
});

describe('pictures as published', () => {
	const drawing = (label: string) =>
		`<svg viewBox="0 0 10 10">\n  <title>${label}</title>\n  <rect class="ink" width="10" height="10"/>\n</svg>\n`;

	it('names each by the sha256 of what is published: the drawing without its title, or the base64', () => {
		const png = bigPng(100);
		const { pathways } = compileContent(pathwayWith({ 'a.svg': drawing('A'), 'b.png': png }));
		const [svg, raster] = pathways[0]?.media ?? [];
		expect(svg).toMatchObject({
			type: 'svg',
			data: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect class="ink" width="10" height="10"/></svg>'
		});
		expect(raster).toMatchObject({ type: 'png', data: Buffer.from(png).toString('base64') });
		for (const media of [svg, raster]) expect(media?.hash).toBe(sha256(media?.data ?? ''));
	});

	it('a changed picture changes its lesson’s hash, not its pathway’s', () => {
		const before = compileContent(pathwayWith({ 'a.svg': drawing('A') })).pathways[0];
		const retitled = compileContent(pathwayWith({ 'a.svg': drawing('B') })).pathways[0];
		const redrawn = compileContent(
			pathwayWith({ 'a.svg': drawing('A').replace('width="10"', 'width="9"') })
		).pathways[0];
		const lessonHash = (p: typeof before) => p?.modules[0]?.lessons[0]?.hash;
		// The title is not published, so changing it changes nothing learners get.
		expect(lessonHash(retitled)).toBe(lessonHash(before));
		expect(lessonHash(redrawn)).not.toBe(lessonHash(before));
		expect(redrawn?.hash).toBe(before?.hash);
	});
});
