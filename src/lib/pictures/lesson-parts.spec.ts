import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { lessonParts } from './lesson-parts';

const { document } = new JSDOM('').window;
const hash = 'a'.repeat(64);

describe('lessonParts', () => {
	it('cuts lesson HTML at its figures, keeping the HTML around them as it is', () => {
		const html = `<h2>Touch</h2>\n<p>Tap &amp; swipe.</p>\n<figure data-media="${hash}"><p>Three hands &lt;on&gt; phones.</p><figcaption>Tap, swipe &amp; pinch</figcaption></figure>\n<p>After.</p>\n`;
		expect(lessonParts(html, document)).toEqual([
			{ kind: 'html', html: '<h2>Touch</h2>\n<p>Tap &amp; swipe.</p>\n' },
			{ kind: 'picture', hash, alt: 'Three hands <on> phones.', caption: 'Tap, swipe & pinch' },
			{ kind: 'html', html: '\n<p>After.</p>\n' }
		]);
	});

	it('gives a figure without a picture (a missing file) its alt text only', () => {
		expect(lessonParts('<figure><p>A cat.</p></figure>', document)).toEqual([
			{ kind: 'picture', hash: undefined, alt: 'A cat.', caption: '' }
		]);
	});

	it('leaves HTML without figures whole, without parsing it', () => {
		const html = '<p>No pictures here, <img src="data:image/png;base64,AA" alt="old"></p>';
		const noParsing = {
			createElement: () => {
				throw new Error('parsed');
			}
		} as unknown as Document;
		expect(lessonParts(html, noParsing)).toEqual([{ kind: 'html', html }]);
	});

	it('cuts only at top-level figures: one nested in a quote stays in its HTML', () => {
		const html = `<blockquote><figure data-media="${hash}"><p>x</p></figure></blockquote>`;
		expect(lessonParts(html, document)).toEqual([{ kind: 'html', html }]);
	});
});
