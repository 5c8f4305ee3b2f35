import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { XSS_PAYLOADS } from '../../tests/fixtures/xss-payloads';
import { renderMarkdown } from './render';

const SAFE_TAGS = [
	'p',
	'a',
	'img',
	'code',
	'pre',
	'kbd',
	'abbr',
	'details',
	'summary',
	'ul',
	'li',
	'br',
	'input'
];
const noLinks = { link: () => undefined, image: () => undefined };

describe('renderMarkdown', () => {
	it('renders GFM: tables, task lists, code blocks with their language', () => {
		const { html } = renderMarkdown(
			'| a | b |\n| - | - |\n| 1 | 2 |\n\n- [x] done\n- [ ] to do\n\n```js\nconst a = 1 < 2;\n```\n',
			noLinks
		);
		expect(html).toContain('<table>');
		expect(html).toContain('<td>1</td>');
		expect(html).toMatch(/<input[^>]*type="checkbox"/);
		expect(html).toContain('<code class="language-js">const a = 1 &lt; 2;\n</code>');
	});

	it('leaves quiz blocks out of the HTML', () => {
		const { html } = renderMarkdown('Text.\n\n```quiz\nquestions: []\n```\n', noLinks);
		expect(html).toBe('<p>Text.</p>\n');
	});

	it('rewrites links and images through the given resolvers', () => {
		const { html } = renderMarkdown('[next](./02-next.md#top) ![A cat](images/cat.png)', {
			link: (href) => (href.startsWith('./02') ? '/pathways/p/m/next#top' : undefined),
			image: () => 'data:image/png;base64,AAAA'
		});
		expect(html).toContain('<a href="/pathways/p/m/next#top">next</a>');
		expect(html).toContain('<img src="data:image/png;base64,AAAA" alt="A cat">');
	});

	it('keeps only language classes, so lessons cannot borrow the app’s styles', () => {
		const { html } = renderMarkdown('<kbd class="update-banner">x</kbd>', noLinks);
		expect(html).not.toContain('update-banner');
	});

	it.each(XSS_PAYLOADS.map((p, i) => [i + 1, p]))(
		'payload %i comes out without handlers, scripts or script URLs',
		(_n, payload) => {
			const { html } = renderMarkdown(payload as string, noLinks);
			const body = new JSDOM(html).window.document.body;
			for (const element of body.querySelectorAll('*')) {
				expect(SAFE_TAGS).toContain(element.tagName.toLowerCase());
				if (element.tagName === 'INPUT') {
					expect(element.getAttribute('type')).toBe('checkbox');
					expect(element.hasAttribute('disabled')).toBe(true);
				}
				for (const attribute of element.attributes) {
					expect(attribute.name).not.toMatch(/^on/i);
					expect(attribute.value.replace(/\s/g, '')).not.toMatch(
						/^(javascript|vbscript|data:text)/i
					);
				}
			}
		}
	);
});
