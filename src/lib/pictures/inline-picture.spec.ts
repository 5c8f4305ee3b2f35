import { describe, expect, it } from 'vitest';
import { dataUrl, namedSvg } from './inline-picture';

describe('namedSvg', () => {
	it('names a published SVG by its alt text, on the <svg> itself', () => {
		expect(
			namedSvg(
				'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"></svg>',
				'A "cat" & <dog>'
			)
		).toBe(
			'<svg role="img" aria-label="A &quot;cat&quot; &amp; &lt;dog>" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"></svg>'
		);
	});

	it('refuses anything that is not a published SVG', () => {
		expect(namedSvg('<?xml version="1.0"?><svg viewBox="0 0 1 1"/>', 'x')).toBeUndefined();
		expect(namedSvg('<img src=x onerror=alert(1)>', 'x')).toBeUndefined();
	});
});

describe('dataUrl', () => {
	it('shows a raster picture as a data: URL of its type', () => {
		expect(dataUrl({ hash: 'h', type: 'jpeg', data: '/9j/AA' })).toBe(
			'data:image/jpeg;base64,/9j/AA'
		);
	});
});
