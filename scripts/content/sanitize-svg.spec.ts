import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { HOSTILE_SVGS } from '../../tests/fixtures/hostile-svgs';
import { XSS_PAYLOADS } from '../../tests/fixtures/xss-payloads';
import { SVG } from './allow-list';
import { svgSanitiser } from './sanitize-svg';
import { attributeProblem, checkSvg } from './svg-contract';

const CONTENT = resolve(import.meta.dirname, '../../content');
const sanitiseSvg = svgSanitiser(new JSDOM('').window as unknown as Window);

/** Every element and attribute of `svg` (as XML) that the contract does not allow. */
function outsideContract(svg: string): string[] {
	if (!svg) return [];
	const { document } = new JSDOM(svg, { contentType: 'image/svg+xml' }).window;
	const found: string[] = [];
	for (const element of [
		document.documentElement,
		...document.documentElement.querySelectorAll('*')
	]) {
		if (!SVG.elements.includes(element.localName) || element.localName === 'title') {
			found.push(`<${element.localName}>`);
		}
		for (const attribute of element.attributes) {
			const isRoot = element === document.documentElement;
			if (attribute.name !== 'xmlns' && attributeProblem(attribute.name, attribute.value, isRoot)) {
				found.push(`${attribute.name}="${attribute.value}"`);
			}
		}
	}
	return found;
}

describe('sanitiseSvg: DOMPurify’s SVG profile narrowed to the picture contract', () => {
	it('publishes every picture in content/ unchanged but for its title and indentation', async () => {
		const files = (await readdir(CONTENT, { recursive: true })).filter((f) => f.endsWith('.svg'));
		expect(files.length).toBeGreaterThanOrEqual(22);
		for (const file of files) {
			const source = await readFile(resolve(CONTENT, file), 'utf8');
			const { svg, removed } = sanitiseSvg(source);
			expect(removed, file).toEqual([]);
			expect(checkSvg(svg, { published: true }), file).toEqual([]);
			expect(svg).not.toContain('<title>');
			expect(svg).not.toMatch(/>\s+</);
			// Nothing else changes: the same shapes with the same attributes, in the same order.
			const shapes = (text: string) => text.match(/<(?!title|\/)[a-z]+[^>]*?(?=\/?>)/g);
			expect(shapes(svg), file).toEqual(
				shapes(source.replace(/<title>[^<]*<\/title>/, ''))?.map((tag) => tag.trim())
			);
			expect(sanitiseSvg(svg).svg, `${file} sanitised twice`).toBe(svg);
		}
	});

	it.each(HOSTILE_SVGS.map((h) => [h.name, h.svg]))(
		'takes out %s, which the publish route would refuse as sent',
		(_name, hostile) => {
			expect(checkSvg(hostile, { published: true }).length).toBeGreaterThan(0);
			const { svg } = sanitiseSvg(hostile);
			expect(outsideContract(svg)).toEqual([]);
			expect(svg).not.toMatch(/__xss|javascript:|on[a-z]+=|href|style|url\(/i);
		}
	);

	it.each(XSS_PAYLOADS.map((p, i) => [i + 1, p]))(
		'lesson payload %i comes out as a picture with nothing that runs or loads',
		(_n, payload) => {
			const { svg } = sanitiseSvg(payload as string);
			expect(outsideContract(svg)).toEqual([]);
			expect(svg).not.toMatch(/javascript:|on[a-z]+=|href|style/i);
		}
	);

	it('names what it had to take out, for an editor', () => {
		const { svg, removed } = sanitiseSvg(
			'<svg viewBox="0 0 1 1" onload="x()"><title>T</title><rect class="ink" fill="red" width="1" height="1"/><script>y()</script></svg>'
		);
		expect(svg).toBe(
			'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect class="ink" width="1" height="1"/></svg>'
		);
		expect(removed).toEqual(['onload="x()" on <svg>', 'fill="red" on <rect>', '<script>']);
	});

	it('gives nothing for a file with no single <svg> in it', () => {
		expect(sanitiseSvg('<p>not a drawing</p>').svg).toBe('');
		expect(sanitiseSvg('<svg viewBox="0 0 1 1"/><svg viewBox="0 0 1 1"/>').svg).toBe('');
	});
});
