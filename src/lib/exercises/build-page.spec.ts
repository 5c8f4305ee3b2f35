import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildPage } from './build-page';
import { GUARD } from './loop-guard';

const parse = (html: string) => new JSDOM(html).window.document;

describe('buildPage', () => {
	it('inlines style.css and script.js where index.html links them', () => {
		const html = buildPage(
			{
				'index.html':
					'<link rel="stylesheet" href="style.css"><p>Hi</p><script src="script.js"></script>',
				'style.css': 'p { color: red }',
				'script.js': 'for (;;) break;'
			},
			parse
		);
		const doc = parse(html);
		expect(doc.querySelector('link')).toBeNull();
		expect(doc.querySelector('style')?.textContent).toBe('p { color: red }');
		const scripts = [...doc.querySelectorAll('script')];
		expect(scripts[0]?.textContent).toContain(`'${GUARD}'`);
		expect(scripts.at(-1)?.hasAttribute('src')).toBe(false);
		expect(scripts.at(-1)?.textContent).toBe(`for (;;) {${GUARD}();break;}`);
	});

	it('adds unlinked files at the end of head and body', () => {
		const doc = parse(
			buildPage({ 'index.html': '<p>Hi</p>', 'style.css': 'p{}', 'script.js': 'f()' }, parse)
		);
		expect(doc.head.lastElementChild?.outerHTML).toBe('<style>p{}</style>');
		expect(doc.body.lastElementChild?.outerHTML).toBe('<script>f()</script>');
	});

	it('guards loops in handlers and javascript: links, and keeps "</script" inside the script', () => {
		const doc = parse(
			buildPage(
				{
					'index.html':
						'<button onclick="while(1){}">x</button><a href="javascript:while(1){}">y</a>',
					'script.js': 'const s = "</script>";'
				},
				parse
			)
		);
		expect(doc.querySelector('button')?.getAttribute('onclick')).toBe(`while(1){${GUARD}();}`);
		expect(doc.querySelector('a')?.getAttribute('href')).toBe(`javascript:while(1){${GUARD}();}`);
		expect(doc.body.lastElementChild?.textContent).toBe('const s = "<\\/script>";');
	});
});
