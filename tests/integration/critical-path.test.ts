import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { criticalJs } from '../../bench/first-load-js';
import { precachedFiles } from '../../scripts/pwa/editor-size';

// Bytes, not timings: what the home page's first paint waits for, read from the last build
// (`npm test` builds first). The bundler's grouping can move a module of the data layer, and
// Dexie with it, onto this path when a small module is shared in a new way; this catches it.
describe('the home page’s critical-path JavaScript (issue 13)', () => {
	it('is at most 60 KB gzip, with Dexie and the data layer left to load beside the first paint', () => {
		const manifest = resolve(
			import.meta.dirname,
			'../../.svelte-kit/output/client/.vite/manifest.json'
		);
		expect(existsSync(manifest), 'no build: run `npm run build` first').toBe(true);
		const critical = criticalJs();
		expect(critical.gzip / 1024).toBeLessThanOrEqual(60);
	});
});

// The same fragility one step further: a learner's module merged into a chunk of the content
// editor's once made Settings import marked, zod and DOMPurify, and the service worker then
// precached those 80 KB gzip for every learner's first visit (vite.config.ts, `lib`).
describe('what the service worker precaches for a first visit (issue 13)', () => {
	it('is at most 200 KB of JavaScript gzip, with no content-editor library in it', () => {
		const build = resolve(import.meta.dirname, '../../build');
		const sw = resolve(build, 'sw.js');
		expect(existsSync(sw), 'no build: run `npm run build` first').toBe(true);
		const scripts = [...precachedFiles(readFileSync(sw, 'utf8'))].filter((url) =>
			url.endsWith('.js')
		);
		let gzip = 0;
		for (const url of scripts) {
			const text = readFileSync(resolve(build, url.replace(/^\//, '')));
			gzip += gzipSync(text, { level: 9 }).length;
			expect(String(text), `${url} carries DOMPurify`).not.toContain('DOMPurify');
		}
		expect(gzip / 1024).toBeLessThanOrEqual(200);
	});
});
