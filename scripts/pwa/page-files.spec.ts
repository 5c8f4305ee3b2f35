import { describe, expect, it } from 'vitest';
import { pageFiles } from './page-files';

describe('pageFiles', () => {
	it('counts what the first route loads, lazily too, and no other route’s node', () => {
		// The shape of a real build (2026-12-02): SvelteKit's app entry imports every node lazily;
		// the root layout imports the app's root lazily, which brings the data layer; the shell
		// loads any language's words lazily.
		const manifest = {
			'generated/client-optimized/app.js': {
				file: 'entry/app.js',
				isEntry: true,
				imports: ['_framework.js'],
				dynamicImports: ['nodes/0.js', 'nodes/1.js', 'nodes/2.js']
			},
			'nodes/0.js': {
				file: 'nodes/0.js',
				imports: ['_shell.js'],
				dynamicImports: ['_AppRoot.js'],
				css: ['assets/0.css']
			},
			'nodes/1.js': { file: 'nodes/1.js', imports: ['_framework.js'] },
			'nodes/2.js': { file: 'nodes/2.js', imports: ['_quiz.js'], css: ['assets/2.css'] },
			'_framework.js': { file: 'chunks/framework.js' },
			'_shell.js': { file: 'chunks/shell.js', dynamicImports: ['en.json', 'pl.json'] },
			'_AppRoot.js': { file: 'chunks/AppRoot.js', imports: ['_dexie.js'] },
			'_dexie.js': { file: 'chunks/dexie.js' },
			'_quiz.js': { file: 'chunks/quiz.js' },
			'en.json': { file: 'chunks/en.js' },
			'pl.json': { file: 'chunks/pl.js' }
		};
		const roots = ['generated/client-optimized/app.js', 'nodes/0.js', 'nodes/1.js'];
		expect([...pageFiles(manifest, roots, 'generated/client-optimized/app.js')].sort()).toEqual([
			'assets/0.css',
			'chunks/AppRoot.js',
			'chunks/dexie.js',
			'chunks/en.js',
			'chunks/framework.js',
			'chunks/pl.js',
			'chunks/shell.js',
			'entry/app.js',
			'nodes/0.js',
			'nodes/1.js'
		]);
	});
});
