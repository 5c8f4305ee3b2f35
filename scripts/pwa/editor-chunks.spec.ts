import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorFiles, isScreenChunk } from './editor-chunks';

describe('editorFiles', () => {
	let dir: string;
	beforeAll(async () => {
		// The shape of a real build (2026-12-01): the lesson page's node and the exercise screen
		// share a group of modules named after both, which the lesson page needs offline.
		dir = await mkdtemp(join(tmpdir(), 'editor-chunks-'));
		await mkdir(join(dir, 'output/client/.vite'), { recursive: true });
		const manifest = {
			'app.js': { file: 'app.js', isEntry: true, dynamicImports: ['nodes/11.js'] },
			'nodes/11.js': {
				file: 'nodes/11.js',
				isEntry: true,
				imports: ['_ids.js'],
				dynamicImports: ['_screen.js']
			},
			'_ids.js': { file: 'chunks/ids.js', name: 'lib~nodes/11~ExerciseScreen' },
			'_screen.js': {
				file: 'chunks/screen.js',
				name: 'lib~ExerciseScreen',
				imports: ['_ids.js', '_codemirror.js'],
				css: ['screen.css']
			},
			'_codemirror.js': { file: 'chunks/codemirror.js', name: 'index' }
		};
		await writeFile(join(dir, 'output/client/.vite/manifest.json'), JSON.stringify(manifest));
	});
	afterAll(() => rm(dir, { recursive: true, force: true }));

	it('keeps out the screen and what only it uses, never what a lesson page shares with it', () => {
		expect([...editorFiles(dir)].sort()).toEqual([
			'chunks/codemirror.js',
			'chunks/screen.js',
			'screen.css'
		]);
	});

	it('tells the screen from groups it shares with other entries', () => {
		expect(isScreenChunk('lib~ExerciseScreen')).toBe(true);
		expect(isScreenChunk('ExerciseScreen')).toBe(true);
		expect(isScreenChunk('lib~nodes/11~nodes/12~ExerciseScreen')).toBe(false);
		expect(isScreenChunk('lib~nodes/7')).toBe(false);
	});
});
