import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { XSS_PAYLOADS } from '../../tests/fixtures/xss-payloads';
import { renderMarkdown } from './render';

const SAFE_TAGS = [
	'p',
	'a',
	'figure',
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
const noLinks = { link: () => undefined, picture: () => undefined };

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

	it('rewrites links through the given resolver', () => {
		const { html } = renderMarkdown('[next](./02-next.md#top)', {
			link: (href) => (href.startsWith('./02') ? '/pathways/p/m/next#top' : undefined),
			picture: () => undefined
		});
		expect(html).toContain('<a href="/pathways/p/m/next#top">next</a>');
	});

	it('turns a picture alone in its paragraph into a figure that names its media', () => {
		const hash = 'a'.repeat(64);
		const { html } = renderMarkdown(
			'Before.\n\n![A *cat* & `dog` <b>](images/cat.svg "Pets & \\"friends\\"")\n\nAfter.',
			{ link: () => undefined, picture: (src) => (src === 'images/cat.svg' ? hash : undefined) }
		);
		expect(html).toBe(
			`<p>Before.</p>\n<figure data-media="${hash}"><p>A cat &amp; dog &lt;b&gt;</p><figcaption>Pets &amp; "friends"</figcaption></figure>\n<p>After.</p>\n`
		);
	});

	it('keeps the alt text of a picture it cannot place, and of one inside a sentence', () => {
		const alone = renderMarkdown('![A cat](images/missing.svg)', noLinks).html;
		expect(alone).toBe('<figure><p>A cat</p></figure>\n');
		const inline = renderMarkdown('See ![a cat](images/cat.svg) here.', {
			link: () => undefined,
			picture: () => 'a'.repeat(64)
		}).html;
		expect(inline).toBe('<p>See a cat here.</p>\n');
	});

	it('drops a data-media that is not a hash, so nothing else can ride on it', () => {
		const { html } = renderMarkdown('<figure data-media="x onload=1"><p>a</p></figure>', noLinks);
		expect(html).not.toContain('data-media');
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
