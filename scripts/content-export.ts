import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './config';
import { fetchPublishedFiles } from './content/export-client';
import { exportFiles } from './content/export-files';
import { runMain, UserError } from './user-error';

const HELP = `npm run content:export -- [--out DIR] [--url URL] [--prune]

Writes what a running Clyde server publishes as a content/ tree: each pathway.md, module.md
and lesson as it was written, and the pictures they show (an SVG as published: without its
<title>, comments or indentation). A file that did not change is left as it is, byte for
byte, so git shows only what changed. Markdown files in DIR that the server
does not publish are listed; --prune deletes them. DIR defaults to content/, URL to CLYDE_URL,
then http://127.0.0.1:8090.`;

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			out: { type: 'string' },
			url: { type: 'string' },
			prune: { type: 'boolean', default: false },
			help: { type: 'boolean', default: false }
		}
	});
	if (values.help) {
		console.log(HELP);
		return;
	}
	const url = (values.url ?? process.env.CLYDE_URL ?? 'http://127.0.0.1:8090').replace(/\/$/, '');
	const out = resolve(values.out ?? resolve(ROOT, 'content'));
	const { items, media } = await fetchPublishedFiles(url);
	const { files, problems } = exportFiles(items, media);
	if (files.size === 0) throw new UserError(`${url} publishes no content: nothing was written`);
	let written = 0;
	for (const [path, bytes] of files) {
		const target = join(out, ...path.split('/'));
		const before = await readFile(target).catch(() => undefined);
		if (before && Buffer.compare(before, bytes) === 0) continue;
		await mkdir(dirname(target), { recursive: true });
		await writeFile(target, bytes);
		console.log(`  ${before ? 'changed' : 'added  '} ${path}`);
		written++;
	}
	const extra = (await markdownIn(out)).filter((path) => !files.has(path));
	for (const path of extra) {
		if (values.prune) await rm(join(out, ...path.split('/')));
		console.log(`  ${values.prune ? 'deleted' : 'not on the server:'} ${path}`);
	}
	for (const problem of problems) console.error(`clyde: ${problem}`);
	console.log(
		`Exported ${files.size} files to ${relative(ROOT, out) || '.'}: ${written} written, ${files.size - written} unchanged${extra.length ? `; ${extra.length} Markdown file(s) not on the server${values.prune ? ' deleted' : ' (--prune deletes them)'}` : ''}.`
	);
	if (problems.length) process.exitCode = 1;
}

async function markdownIn(root: string): Promise<string[]> {
	const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
	return entries
		.filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
		.map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
		.filter((path) => path.includes('/') && !path.split('/').some((part) => part.startsWith('.')));
}

runMain(main);
