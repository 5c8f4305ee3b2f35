import { describe, expect, it } from 'vitest';
import { criticalFiles, routeRoots, type ManifestChunk } from './critical-js';

const NODES = '.svelte-kit/generated/client-optimized/nodes';
// The shape Vite writes for a SvelteKit app: two entries, route nodes, shared chunks, and a
// module the layout imports lazily (as it imports the app's data layer).
const manifest: Record<string, ManifestChunk> = {
	'node_modules/@sveltejs/kit/src/runtime/client/entry.js': {
		file: 'entry/start.js',
		isEntry: true,
		imports: ['_framework.js']
	},
	'.svelte-kit/generated/client-optimized/app.js': {
		file: 'entry/app.js',
		isEntry: true,
		imports: ['_framework.js']
	},
	[`${NODES}/0.js`]: { file: 'nodes/0.js', isEntry: true, imports: ['_framework.js'] },
	[`${NODES}/4.js`]: { file: 'nodes/4.js', isEntry: true, imports: ['_home.js'] },
	[`${NODES}/9.js`]: { file: 'nodes/9.js', isEntry: true, imports: ['_dexie.js'] },
	'_framework.js': { file: 'chunks/framework.js' },
	'_home.js': { file: 'chunks/home.js', imports: ['_framework.js'] },
	'_dexie.js': { file: 'chunks/dexie.js' },
	'src/routes/AppRoot.svelte': { file: 'chunks/app-root.js', imports: ['_dexie.js'] }
};
const generatedApp = `export const dictionary = {\n\t\t"/": [4],\n\t\t"/pathways/[pathway]": [9],\n\t\t"/tutor": [15,[2]]\n\t};`;

describe('critical JavaScript of a first paint', () => {
	it('takes the entries, the root layout and the route page with their static imports, once each', () => {
		const files = criticalFiles(manifest, routeRoots(manifest, generatedApp, '/'));
		expect(files.sort()).toEqual([
			'chunks/framework.js',
			'chunks/home.js',
			'entry/app.js',
			'entry/start.js',
			'nodes/0.js',
			'nodes/4.js'
		]);
	});

	it('leaves out what only another route or a lazy import needs', () => {
		const files = criticalFiles(manifest, routeRoots(manifest, generatedApp, '/'));
		expect(files).not.toContain('chunks/dexie.js');
		expect(files).not.toContain('chunks/app-root.js');
		expect(
			criticalFiles(manifest, routeRoots(manifest, generatedApp, '/pathways/[pathway]'))
		).toContain('chunks/dexie.js');
	});

	it('says so when the route is not in the app', () => {
		expect(() => routeRoots(manifest, generatedApp, '/nowhere')).toThrow(/no route \/nowhere/);
	});
});
