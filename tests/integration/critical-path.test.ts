import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { criticalJs } from '../../bench/first-load-js';

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
