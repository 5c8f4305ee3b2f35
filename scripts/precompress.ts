import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { precompressDir } from './build/precompress';
import { ROOT } from './config';
import { screenFiles } from './pwa/editor-chunks';
import { EDITOR_SIZE_FILE, editorDownloadBytes, precachedFiles } from './pwa/editor-size';
import { packPrecache } from './pwa/pack-build';
import { reusePageCopies } from './pwa/precache-reuse';
import { withStaticRoutes } from './pwa/static-routes';
import { runMain, UserError } from './user-error';

/** `tsx scripts/precompress.ts [dir]`, the last step of `npm run build` (default dir: build/). */
async function main(): Promise<void> {
	const dir = resolve(ROOT, process.argv[2] ?? 'build');
	if (!(await stat(dir).catch(() => null))?.isDirectory()) {
		throw new UserError(`no ${dir} to precompress: build the app first (npm run build)`);
	}
	// Before compressing: the precache's files that the page does not fetch itself travel as one
	// pack, one compressed stream and one response (scripts/pwa/pack-build.ts) …
	const pack = await packPrecache(dir, resolve(ROOT, '.svelte-kit'));
	// … the worker's precache takes the page's own copies of index.html and display-settings.js
	// from the HTTP cache when their bytes match (scripts/pwa/precache-reuse.ts), and Chromium
	// answers the hashed files from the precache without the worker (pwa/static-routes.ts).
	const worker = join(dir, 'sw.js');
	writeFileSync(
		worker,
		withStaticRoutes(
			reusePageCopies(readFileSync(worker, 'utf8'), (url) => readFileSync(join(dir, url)))
		)
	);
	const files = await precompressDir(dir);
	console.log(
		`precompress: the precache's pack ${pack.path} holds ${pack.members} files, ${(pack.br / 1024).toFixed(1)} KB as sent`
	);
	const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
	const total = (pick: (f: (typeof files)[number]) => number | null) =>
		files.reduce((sum, f) => sum + (pick(f) ?? f.bytes), 0);
	// What saving a pathway with exercises also fetches (DownloadPanel.svelte shows it).
	const editor = editorDownloadBytes(
		screenFiles(resolve(ROOT, '.svelte-kit')),
		precachedFiles(readFileSync(join(dir, 'sw.js'), 'utf8')),
		files,
		(file) => statSync(join(dir, file)).size
	);
	await writeFile(join(dir, EDITOR_SIZE_FILE), JSON.stringify({ bytes: editor }));
	console.log(
		`precompress: ${files.length} text files in ${dir}, ${kb(total((f) => f.bytes))}: brotli ${kb(total((f) => f.br))}, gzip ${kb(total((f) => f.gzip))}; the exercise editor ${kb(editor)} as sent`
	);
}

runMain(main);
