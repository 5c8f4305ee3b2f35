import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineIndex } from './diagnostics';
import { SVG } from './allow-list';
import { checkSvg } from './svg-contract';

const CONTENT = resolve(import.meta.dirname, '../../content');

/** The problems of `svg` as "line:column message", the way an editor sees them. */
function located(svg: string, options?: { published?: boolean }): string[] {
	const lines = new LineIndex(svg);
	return checkSvg(svg, options).map((p) => {
		const { line, column } = lines.position(p.offset);
		return `${line}:${column} ${p.message}`;
	});
}

const ok = (inside: string, root = 'viewBox="0 0 10 10"') => `<svg ${root}>\n${inside}\n</svg>`;

/** Each rule of the contract, broken once: [rule, svg, where, what the message says]. */
const BROKEN: [rule: string, svg: string, at: string, says: RegExp][] = [
	['a viewBox', '<svg xmlns="http://www.w3.org/2000/svg">\n</svg>', '1:1', /needs a viewBox/],
	['no width on <svg>', ok('', 'viewBox="0 0 1 1" width="300"'), '1:24', /remove width from <svg>/],
	['no height on <svg>', ok('', 'viewBox="0 0 1 1" height="3"'), '1:24', /remove height/],
	['the SVG namespace', ok('', 'viewBox="0 0 1 1" xmlns="http://e.org"'), '1:24', /xmlns must be/],
	['one root', '<svg viewBox="0 0 1 1"></svg>\n<svg viewBox="0 0 1 1"></svg>', '2:1', /one <svg>/],
	['<svg> first', '<g class="ink"></g>', '1:1', /starts with <svg>, not <g>/],
	['no nested <svg>', ok('<svg viewBox="0 0 1 1"/>'), '2:1', /group shapes with <g>/],
	['no <script>', ok('<script>alert(1)</script>'), '2:1', /scripts are not allowed/],
	['no <style>', ok('<style>rect{fill:red}</style>'), '2:1', /<style> element is not allowed/],
	['no <foreignObject>', ok('<foreignObject/>'), '2:1', /web page content/],
	['no <image>', ok('<image/>'), '2:1', /may not load another picture/],
	['no <use>', ok('<use/>'), '2:1', /<use> is not allowed/],
	['no links', ok('<a><text>x</text></a>'), '2:1', /links \(<a>\)/],
	['no filters', ok('<filter/>'), '2:1', /filters are not allowed/],
	['no gradients', ok('<linearGradient/>'), '2:1', /gradients are not allowed/],
	['no animation', ok('<animate/>'), '2:1', /animations are not allowed/],
	[
		'only allowed elements',
		ok('<marker/>'),
		'2:1',
		/<marker> is not allowed in a picture; use svg, g/
	],
	['no prefixes', ok('<svg:rect/>'), '2:1', /write <rect> without the "svg:" prefix/],
	['nothing inside <title>', ok('<title><rect/></title>'), '2:8', /a title is only words/],
	['only words and tspan in text', ok('<text><rect/></text>'), '2:7', /only words and <tspan>/],
	['words only in text', ok('<g>Hello</g>'), '2:4', /put them in a <text> element/],
	['no text outside', '<svg viewBox="0 0 1 1"></svg>\nafter', '2:1', /text outside the <svg>/],
	['no handlers', ok('<rect onclick="x()"/>'), '2:7', /"onclick" runs code/],
	['no style attribute', ok('<rect style="fill:red"/>'), '2:7', /style attribute is not allowed/],
	['no ids', ok('<g id="a"/>'), '2:4', /ids are not allowed/],
	['no href', ok('<text href="https://e.org">x</text>'), '2:7', /links to other files/],
	['no xlink:href', ok('<text xlink:href="#a">x</text>'), '2:7', /links to other files/],
	['no namespaced attributes', ok('<g xml:space="preserve"/>'), '2:4', /"xml:space" is not needed/],
	['only allowed attributes', ok('<rect filter="x"/>'), '2:7', /"filter" is not allowed/],
	['viewBox on the root only', ok('<g viewBox="0 0 1 1"/>'), '2:4', /belongs on the <svg> element/],
	['no colour in fill', ok('<rect fill="#f00"/>'), '2:7', /fill="#f00" sets a colour/],
	['no colour in stroke', ok('<path stroke="red"/>'), '2:7', /stroke="red" sets a colour/],
	['no url() references', ok('<g transform="url(#x)"/>'), '2:4', /refers to something with url/],
	['only the classes', ok('<rect class="ink red"/>'), '2:7', /class "red" is not a picture colour/],
	['numbers where numbers go', ok('<rect x="1e"/>'), '2:7', /x="1e" is not a number/],
	['path data in d', ok('<path d="M0 0 javascript"/>'), '2:7', /is not path data/],
	['keywords where keywords go', ok('<g text-anchor="left"/>'), '2:4', /use start, middle, end/],
	['no DOCTYPE', '<!DOCTYPE svg [<!ENTITY a "b">]>\n' + ok(''), '1:1', /DOCTYPE is not allowed/],
	['no CDATA', ok('<text><![CDATA[x]]></text>'), '2:7', /CDATA sections are not allowed/],
	['no instructions', ok('<?php echo 1 ?>'), '2:1', /instructions like/],
	['<?xml?> only first', ok('<?xml version="1.0"?>'), '2:1', /may only come first/],
	['XML entities only', ok('<text>&nbsp;</text>'), '2:7', /"&nbsp;" is not a character XML/],
	['characters that exist', ok('<text>&#99999999;</text>'), '2:7', /is not a character/],
	['no "<" in values', ok('<g class="<ink"/>'), '2:4', /"<" is not allowed inside the value/],
	['no attribute twice', ok('<rect x="1" x="2"/>'), '2:13', /given twice/],
	['quoted values', ok('<rect x=1/>'), '2:7', /must be in quotes/],
	['values for attributes', ok('<rect hidden/>'), '2:7', /needs a value in quotes/],
	['spaces between attributes', ok('<rect x="1"y="2"/>'), '2:12', /put a space before "y"/],
	['closed tags', '<svg viewBox="0 0 1 1">\n<g>\n</svg>', '3:1', /end <g> with "\/>" or <\/g>/],
	['closed root', '<svg viewBox="0 0 1 1">\n<g/>', '1:1', /<svg> is never closed/],
	['closed comments', ok('<!-- note'), '2:1', /never closed with "-->"/],
	['"<" starts a tag', ok('<text>1 < 2</text>'), '2:9', /write &lt; for a less-than sign/],
	['an <svg> at all', '', '1:1', /no <svg> element/]
];

describe('the SVG contract (pb_hooks/lib/svg-contract.js)', () => {
	it.each(BROKEN)('requires %s, located and in plain words', (_rule, svg, at, says) => {
		const problems = located(svg);
		expect(
			problems.some((p) => p.startsWith(`${at} `) && says.test(p)),
			problems.join('\n')
		).toBe(true);
	});

	it('accepts what the contract allows: every element, class and attribute kind', () => {
		const svg = [
			'<?xml version="1.0" encoding="UTF-8"?>',
			'<!-- drawn for Clyde -->',
			`<svg xmlns="${SVG.namespace}" viewBox="0 0 320 200" font-size="16" stroke-linecap="round">`,
			'<title>All the parts &amp; more</title>',
			'<g class="ink" fill="none" stroke-width="2.5" transform="translate(2 3) rotate(45)">',
			'<path d="M1 2h3v4a5 5 0 0 1-6 6z" stroke-dasharray="3 3"/>',
			'<rect x="1" y="2" width="10%" height="3" rx="1" ry="1"></rect>',
			'<circle cx="1" cy="1" r="1"/><ellipse cx="1" cy="1" rx="2" ry="1"/>',
			'<line x1="0" y1="0" x2="1" y2="1"/><polyline points="0,0 1,1"/><polygon points="0 0 1 1 2 0"/>',
			'</g>',
			...SVG.classes.map((c) => `<rect class="${c}" width="1" height="1"/>`),
			'<text class="ink paper" x="1" y="1" text-anchor="middle" font-weight="700">Tap <tspan dy="1.2em">“£5”</tspan> &#163;&#x20AC;</text>',
			'</svg>'
		].join('\n');
		expect(located(svg)).toEqual([]);
	});

	it('passes every picture in content/', async () => {
		const files = (await readdir(CONTENT, { recursive: true })).filter((f) => f.endsWith('.svg'));
		expect(files.length).toBeGreaterThanOrEqual(22);
		for (const file of files) {
			expect(located(await readFile(resolve(CONTENT, file), 'utf8')), file).toEqual([]);
		}
	});

	it('holds a published picture to the form the publish step writes', () => {
		const written =
			'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect class="ink"/></svg>';
		expect(located(written, { published: true })).toEqual([]);
		expect(located(`<?xml version="1.0"?>${written}`, { published: true })).toEqual([
			'1:1 a published picture must start with "<svg "',
			'1:1 the <?xml …?> line may only come first in the file'
		]);
		expect(located(written.replace('<rect', '<!-- x --><rect'), { published: true })).toEqual([
			'1:59 a published picture has no comments'
		]);
	});

	it('reports what is inside a refused element once, by the element', () => {
		expect(located(ok('<foreignObject><p onclick="x()">page</p></foreignObject>'))).toEqual([
			'2:1 <foreignObject> is not allowed: it puts web page content inside the picture'
		]);
	});

	it('stops at fifty problems, however many a file has', () => {
		expect(checkSvg(ok('<rect style="x"/>'.repeat(200)))).toHaveLength(50);
	});
});
