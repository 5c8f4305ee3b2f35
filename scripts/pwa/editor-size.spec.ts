import { describe, expect, it } from 'vitest';
import { editorDownloadBytes, precachedFiles } from './editor-size';

describe('editorDownloadBytes', () => {
	it('counts each file the screen loads and the worker does not hold, as sent', () => {
		const built = [
			{ file: '_app/immutable/chunks/cm.js', bytes: 400_000, br: 120_000, gzip: 140_000 },
			{ file: '_app/immutable/chunks/tiny.js', bytes: 90, br: null, gzip: null },
			{ file: '_app/immutable/chunks/lesson.js', bytes: 50_000, br: 15_000, gzip: 17_000 }
		];
		const screen = new Set([
			'_app/immutable/chunks/cm.js',
			'_app/immutable/chunks/tiny.js',
			'_app/immutable/chunks/lesson.js',
			'_app/immutable/assets/editor.png'
		]);
		const precached = precachedFiles(
			'e.precacheAndRoute([{url:"_app/immutable/chunks/lesson.js",revision:null},{url:"index.html",revision:"abc"}])'
		);
		expect(precached).toEqual(new Set(['_app/immutable/chunks/lesson.js', 'index.html']));
		const sizes: Record<string, number> = { '_app/immutable/assets/editor.png': 1_000 };
		expect(editorDownloadBytes(screen, precached, built, (file) => sizes[file] ?? NaN)).toBe(
			121_090
		);
	});
});
