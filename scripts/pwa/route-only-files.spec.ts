import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeOnlyFiles } from './route-only-files';

const NODES = 'generated/client-optimized/nodes';
const node = (n: number) => `.svelte-kit/${NODES}/${n}.js`;

describe('routeOnlyFiles', () => {
	let dir: string;
	beforeAll(async () => {
		// A build the shape SvelteKit writes: an app entry that imports every route node lazily,
		// a learner page and a tutor page sharing one chunk, and a module only the tutor page
		// imports lazily (as the dashboard imports its CSV export).
		dir = await mkdtemp(join(tmpdir(), 'tutor-chunks-'));
		await mkdir(join(dir, NODES), { recursive: true });
		await mkdir(join(dir, 'output/client/.vite'), { recursive: true });
		await writeFile(join(dir, NODES, '0.js'), 'import "../../../../src/routes/+page.svelte";');
		await writeFile(
			join(dir, NODES, '1.js'),
			'import "../../../../src/routes/tutor/+page.svelte";'
		);
		const manifest = {
			'.svelte-kit/generated/client-optimized/app.js': {
				file: 'app.js',
				isEntry: true,
				dynamicImports: [node(0), node(1)]
			},
			[node(0)]: { file: 'nodes/0.js', isEntry: true, imports: ['_shared.js'] },
			[node(1)]: {
				file: 'nodes/1.js',
				isEntry: true,
				imports: ['_shared.js', '_sdk.js'],
				dynamicImports: ['src/lib/tutor/grid-csv.ts'],
				css: ['tutor.css']
			},
			'src/lib/tutor/grid-csv.ts': {
				file: 'chunks/csv.js',
				isDynamicEntry: true,
				imports: ['_papaparse.js']
			},
			'_shared.js': { file: 'chunks/shared.js' },
			'_sdk.js': { file: 'chunks/sdk.js' },
			'_papaparse.js': { file: 'chunks/papaparse.js' }
		};
		await writeFile(join(dir, 'output/client/.vite/manifest.json'), JSON.stringify(manifest));
	});
	afterAll(() => rm(dir, { recursive: true, force: true }));

	it("keeps the tutor's own files, lazy ones too, and nothing a learner's page uses", () => {
		expect([...routeOnlyFiles(dir, /routes\/tutor\//)].sort()).toEqual([
			'chunks/csv.js',
			'chunks/papaparse.js',
			'chunks/sdk.js',
			'nodes/1.js',
			'tutor.css'
		]);
	});
});

describe('routeOnlyFiles with chunks left out as well', () => {
	let dir: string;
	beforeAll(async () => {
		// The content editor's page and the exercise editor (imported lazily by the lesson page)
		// share CodeMirror; the lesson page itself shares only the framework.
		dir = await mkdtemp(join(tmpdir(), 'route-chunks-'));
		await mkdir(join(dir, NODES), { recursive: true });
		await mkdir(join(dir, 'output/client/.vite'), { recursive: true });
		await writeFile(
			join(dir, NODES, '0.js'),
			'import "../../../../src/routes/lesson/+page.svelte";'
		);
		await writeFile(
			join(dir, NODES, '1.js'),
			'import "../../../../src/routes/editor/+page.svelte";'
		);
		const manifest = {
			[node(0)]: {
				file: 'nodes/0.js',
				isEntry: true,
				imports: ['_framework.js'],
				dynamicImports: ['_screen.js']
			},
			[node(1)]: { file: 'nodes/1.js', isEntry: true, imports: ['_framework.js', '_cm.js'] },
			'_screen.js': { file: 'chunks/screen.js', name: 'lib~ExerciseScreen', imports: ['_cm.js'] },
			'_cm.js': { file: 'chunks/cm.js', name: 'lib~nodes/1~ExerciseScreen' },
			'_framework.js': { file: 'chunks/framework.js', name: 'framework' }
		};
		await writeFile(join(dir, 'output/client/.vite/manifest.json'), JSON.stringify(manifest));
	});
	afterAll(() => rm(dir, { recursive: true, force: true }));

	it('leaves out what only the chosen pages and those chunks share, not what a page shares', () => {
		const screen = (chunk: { name?: string }) => chunk.name === 'lib~ExerciseScreen';
		expect([...routeOnlyFiles(dir, /routes\/editor\//, screen)].sort()).toEqual([
			'chunks/cm.js',
			'chunks/screen.js',
			'nodes/1.js'
		]);
		// Without the screen as a root, CodeMirror counts as the lesson page's (through it).
		expect([...routeOnlyFiles(dir, /routes\/editor\//)].sort()).toEqual(['nodes/1.js']);
	});
});
